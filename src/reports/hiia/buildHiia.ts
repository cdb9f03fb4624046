/**
 * The Health Inequalities Impact assessment: for each priority, the groups it affects (protected characteristics,
 * deprivation, other vulnerable groups), the impact (positive, negative, uncertain), the evidence and the mitigation;
 * where a row names a survey breakdown, the priority's survey evidence broken down by it (with bases, small groups
 * suppressed). A summary table counts impacts by kind of group.
 */
import { indicatorByGroup } from '../../analysis/index.js';
import { loadConsultation } from '../../consultations/index.js';
import { allPriorities, IMPACT_GROUP_KIND_LABELS, IMPACT_LABELS } from '../../plan/index.js';
import { heading, notice, paragraph, readablePercent, table } from '../document/blocks.js';
import type { Block, ReportDocument, ReportSource } from '../document/reportDocument.js';
import type { ReportContext } from '../reportContext.js';
import type { ReportPlan } from '../sources/currentPlan.js';
import { type SurveyResults, surveyResults } from '../sources/surveyResults.js';

export async function buildHiia(ctx: ReportContext, plan: ReportPlan): Promise<ReportDocument> {
  const drawnAt = new Date().toISOString();
  const p = plan.content;
  const priorities = allPriorities(p);
  const consultation = p.consultationId ? await loadConsultation(ctx.handle.db, p.consultationId, ctx.partnership.id) : undefined;
  await ctx.progress?.(20, 'Reading the survey results by group');
  const needsSurvey = priorities.some((x) => x.impacts.some((i) => i.breakdown));
  const survey: SurveyResults | null = consultation && needsSurvey ? await surveyResults(ctx.handle, ctx.partnership, consultation) : null;
  const sources: ReportSource[] = [{ label: `${p.title} (${plan.statusText})`, drawnAt }];
  if (survey)
    sources.push({
      label: `${survey.consultation.title} (${survey.result.totalResponses.toLocaleString('en-GB')} responses)`,
      drawnAt: survey.drawnAt,
    });

  const impacts = priorities.flatMap((x) => x.impacts);
  const blocks: Block[] = [
    paragraph(
      `This assessment considers how each priority of ${p.title} may affect health inequalities: the groups with protected characteristics under the Equality Act 2010, people living in deprived areas, and other vulnerable groups.`,
    ),
  ];
  if (impacts.length)
    blocks.push(
      table(
        'Impacts by kind of group',
        ['Kind of group', 'Positive', 'Negative', 'Uncertain'],
        (['protected', 'deprivation', 'vulnerable'] as const).map((k) => [
          IMPACT_GROUP_KIND_LABELS[k],
          ...(['positive', 'negative', 'uncertain'] as const).map((i) => impacts.filter((x) => x.groupKind === k && x.impact === i).length),
        ]),
      ),
    );
  else blocks.push(notice('No impacts have been recorded against the plan’s priorities yet.'));
  if (!survey && needsSurvey) blocks.push(notice('The plan names no consultation, so the survey cannot be broken down by group here.'));
  for (const theme of p.themes)
    for (const priority of theme.priorities) {
      blocks.push(heading(1, priority.title), paragraph({ text: 'Theme: ', bold: true }, theme.title));
      if (!priority.impacts.length) {
        blocks.push(notice('No impacts recorded for this priority.'));
        continue;
      }
      blocks.push(
        table(
          `Health inequalities impact: ${priority.title}`,
          ['Group', 'Kind', 'Impact', 'Evidence', 'Mitigation'],
          priority.impacts.map((i) => [i.groupLabel, IMPACT_GROUP_KIND_LABELS[i.groupKind], IMPACT_LABELS[i.impact], i.evidence, i.mitigation]),
        ),
      );
      if (!survey) continue;
      const indicators = priority.evidence
        .filter((e) => e.kind === 'survey' && e.ref.consultation === survey.consultation.id)
        .map((e) => ({ code: e.ref.code ?? '', label: e.label }));
      for (const breakdown of [...new Set(priority.impacts.flatMap((i) => (i.breakdown ? [i.breakdown] : [])))])
        for (const indicator of indicators) {
          const by = indicatorByGroup(survey, indicator.code, breakdown);
          if (!by) continue;
          blocks.push(
            table(
              `${indicator.label}, by ${by.breakdownLabel.toLowerCase()}`,
              [by.breakdownLabel, `Share who ${by.what}`, 'Respondents'],
              by.figures.map((f) => [f.group, readablePercent(f.percent), f.n]),
              `Base: respondents in each group who answered. ${survey.weightingStatement} Groups of fewer than ${ctx.partnership.suppressionMinimum} are not published.`,
            ),
          );
        }
    }
  return {
    kind: 'hiia',
    title: `Health Inequalities Impact assessment: ${p.title}`,
    meta: [
      { label: 'Partnership', value: ctx.partnership.name },
      { label: 'Plan status', value: plan.statusText },
    ],
    blocks,
    sources,
    dataSheets: [
      {
        name: 'Impacts',
        header: ['Theme', 'Priority', 'Group', 'Kind', 'Impact', 'Evidence', 'Survey breakdown', 'Mitigation'],
        rows: p.themes.flatMap((t) =>
          t.priorities.flatMap((pr) =>
            pr.impacts.map((i) => [
              t.title,
              pr.title,
              i.groupLabel,
              IMPACT_GROUP_KIND_LABELS[i.groupKind],
              IMPACT_LABELS[i.impact],
              i.evidence,
              i.breakdown,
              i.mitigation,
            ]),
          ),
        ),
      },
    ],
    footer: `${ctx.partnership.name}: Health Inequalities Impact assessment`,
  };
}
