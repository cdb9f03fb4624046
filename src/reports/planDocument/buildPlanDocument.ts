/**
 * The Community Safety Partnership Plan as a document: where it stands (version, approval), then each theme with
 * its priorities: why (rationale and the evidence as it stands, each with its source), the PCC priorities it serves,
 * the victim / offender / place dimension, the actions (lead and supporting partners, dates, resources, the "what
 * works" evidence) and the measures; appendices list the PCC's priorities and the interventions used.
 */
import { ACTION_STATUS_LABELS, allActions, allPriorities, DIMENSION_LABELS, EMMIE_EFFECT_LABELS, listPccPriorities } from '../../plan/index.js';
import { bullets, heading, longDate, notice, paragraph, table } from '../document/blocks.js';
import type { Block, ReportDocument } from '../document/reportDocument.js';
import type { ReportContext } from '../reportContext.js';
import type { ReportPlan } from '../sources/currentPlan.js';
import { evidenceLine, planEvidence } from '../sources/planEvidence.js';

const date = (d: string | null) => (d ? longDate(d) : 'not set');
const stars = (n: number) => `${n} of 3`;

export async function buildPlanDocument(ctx: ReportContext, plan: ReportPlan): Promise<ReportDocument> {
  const drawnAt = new Date().toISOString();
  await ctx.progress?.(10, 'Checking the evidence behind each priority');
  const [evidence, pcc] = await Promise.all([planEvidence(ctx, plan), listPccPriorities(ctx.handle.db, ctx.partnership.id)]);
  await ctx.progress?.(60, 'Laying out the plan');
  const p = plan.content;
  const blocks: Block[] = [
    paragraph(
      `${ctx.partnership.name}’s plan for ${date(p.startsOn)} to ${date(p.endsOn)}, made under the Crime and Disorder Act 1998. ${plan.statusText}.`,
    ),
    paragraph(
      `It has ${p.themes.length} themes and ${allPriorities(p).length} priorities, delivered through ${allActions(p).length} actions. Each priority shows the evidence it was built from, as that evidence stands today.`,
    ),
  ];
  for (const theme of p.themes) {
    blocks.push(heading(1, theme.title));
    if (theme.summary) blocks.push(paragraph(theme.summary));
    if (!theme.priorities.length) blocks.push(notice('No priorities under this theme yet.'));
    for (const priority of theme.priorities) {
      blocks.push(heading(2, priority.title));
      if (priority.rationale) blocks.push(paragraph(priority.rationale));
      blocks.push(
        paragraph(
          { text: 'Addresses: ', bold: true },
          priority.dimensions.length ? priority.dimensions.map((d) => DIMENSION_LABELS[d]).join(', ') : 'not stated',
          { text: '. PCC priorities: ', bold: true },
          priority.pccPriorities.length ? priority.pccPriorities.map((x) => x.title).join('; ') : 'none recorded',
          '.',
        ),
      );
      blocks.push(heading(3, 'Evidence'));
      blocks.push(
        priority.evidence.length
          ? bullets(priority.evidence.map((e) => evidenceLine(evidence.get(e.id), e.label)))
          : notice('No evidence has been linked to this priority.'),
      );
      if (priority.actions.length)
        blocks.push(
          table(
            `Actions: ${priority.title}`,
            ['Ref', 'Action', 'Lead', 'Supporting', 'Start', 'Due', 'Resources', 'What works', 'Status'],
            priority.actions.map((a) => [
              a.reference,
              a.title,
              a.leadPartner,
              a.supportingPartners,
              date(a.startsOn),
              date(a.dueOn),
              a.resources,
              a.intervention
                ? `${a.intervention.title}: ${EMMIE_EFFECT_LABELS[a.intervention.emmie.effect]} (evidence ${stars(a.intervention.emmie.evidence)})`
                : '',
              `${ACTION_STATUS_LABELS[a.status]}, ${a.progress}%`,
            ]),
          ),
        );
      else blocks.push(notice('No actions yet.'));
      if (priority.measures.length)
        blocks.push(
          table(
            `Measures: ${priority.title}`,
            ['Indicator', 'Baseline', 'Target', 'Source', 'Reported', 'Latest'],
            priority.measures.map((m) => {
              const latest = m.values.at(-1);
              return [
                m.indicator,
                m.baseline === null
                  ? m.baselineNote || 'none yet'
                  : `${m.baseline.toLocaleString('en-GB')}${m.baselineNote ? ` (${m.baselineNote})` : ''}`,
                m.target,
                m.source,
                m.frequency,
                latest ? `${latest.value.toLocaleString('en-GB')} (${date(latest.period)})` : 'none yet',
              ];
            }),
          ),
        );
    }
  }
  blocks.push(heading(1, 'Appendix: Police and Crime Commissioner priorities'));
  blocks.push(pcc.length ? bullets(pcc.map((x) => x.title)) : notice('The partnership has not recorded the PCC’s priorities yet.'));
  const used = [...new Map(allActions(p).flatMap((a) => (a.intervention ? [[a.intervention.id, a.intervention] as const] : []))).values()];
  blocks.push(heading(1, 'Appendix: what works'));
  blocks.push(
    used.length
      ? table(
          'Interventions used, with their EMMIE ratings (College of Policing Crime Reduction Toolkit)',
          ['Intervention', 'Effect', 'Evidence', 'Mechanism', 'Moderators', 'Implementation', 'Economic'],
          used.map((i) => [
            i.title,
            EMMIE_EFFECT_LABELS[i.emmie.effect],
            stars(i.emmie.evidence),
            stars(i.emmie.mechanism),
            stars(i.emmie.moderators),
            stars(i.emmie.implementation),
            stars(i.emmie.economic),
          ]),
        )
      : notice('No action names a "what works" intervention yet.'),
  );
  return {
    kind: 'plan',
    title: p.title,
    meta: [
      { label: 'Partnership', value: ctx.partnership.name },
      { label: 'Period', value: `${date(p.startsOn)} to ${date(p.endsOn)}` },
      { label: 'Status', value: plan.statusText },
    ],
    blocks,
    sources: [{ label: `${p.title} and the evidence linked to its priorities`, drawnAt }],
    dataSheets: [
      {
        name: 'Evidence',
        header: ['Theme', 'Priority', 'Evidence', 'Kind', 'Value now', 'Value when linked', 'Linked on', 'Status'],
        rows: p.themes.flatMap((t) =>
          t.priorities.flatMap((pr) =>
            pr.evidence.map((e) => {
              const r = evidence.get(e.id);
              return [t.title, pr.title, e.label, e.kind, r?.item?.value ?? null, e.linkedValue, longDate(e.linkedAt), r?.status ?? 'missing'];
            }),
          ),
        ),
      },
    ],
    footer: `${ctx.partnership.name}: ${p.title}`,
  };
}
