/**
 * The committee note in the seed's council format (Coventry, December 2024): Purpose, Recommendations, Information and
 * Background, Findings of the public consultation, Partnership consultation, Key themes, Next steps, Health
 * Inequalities Impact, Appendices (PCC priorities, stakeholders, the members' survey). Every number is read from the
 * data as the note is made, with its base; the officer's sections are kept between regenerations.
 */
import { headlineCharts, headlineFindings } from '../../analysis/index.js';
import { codingCounts, listThemes } from '../../coding/index.js';
import { type Consultation, listConsultations, loadSurveyDefinition } from '../../consultations/index.js';
import { allPriorities } from '../../plan/index.js';
import { allQuestions } from '../../surveys/index.js';
import { bullets, count, heading, longDate, narrative, notice, paragraph, readablePercent, table } from '../document/blocks.js';
import { chartBlock } from '../document/chartBlock.js';
import type { Block, ReportDocument, ReportSource } from '../document/reportDocument.js';
import { loadNarratives } from '../narratives.js';
import type { ReportContext } from '../reportContext.js';
import { currentPlanOf } from '../sources/currentPlan.js';
import { surveyResults } from '../sources/surveyResults.js';
import { partnerConsultation } from '../sources/workshopsAndStakeholders.js';
import { COMMITTEE_SECTIONS, type CommitteeSection, committeeReportKey, defaultCommitteeText } from './committeeNarrative.js';

export async function buildCommitteeNote(ctx: ReportContext, consultation: Consultation, now = new Date()): Promise<ReportDocument> {
  const { db } = ctx.handle;
  const partnershipId = ctx.partnership.id;
  await ctx.progress?.(10, 'Reading the survey results');
  const survey = await surveyResults(ctx.handle, ctx.partnership, consultation);
  await ctx.progress?.(50, 'Reading the workshops, the plan and the stakeholders');
  const [saved, partners, plan, themes, codes, consultations] = await Promise.all([
    loadNarratives(db, partnershipId, committeeReportKey(consultation.id)),
    partnerConsultation(db, partnershipId, consultation.id),
    currentPlanOf(db, partnershipId),
    listThemes(db, partnershipId, consultation.id),
    codingCounts(db, partnershipId, consultation.id),
    listConsultations(db, partnershipId),
  ]);
  const text = (s: CommitteeSection) => saved.get(s) ?? defaultCommitteeText(s, consultation, ctx.partnership.name, now);
  const said = (s: CommitteeSection, placeholder: string) => narrative(s, text(s), placeholder);
  const drawnAt = now.toISOString();
  const sources: ReportSource[] = [{ label: `${consultation.title} (${count(survey.result.totalResponses)} responses)`, drawnAt: survey.drawnAt }];

  const blocks: Block[] = [];
  blocks.push(heading(1, '1 Purpose of the Note'), said('purpose', 'Say why the note comes to the committee.'));
  blocks.push(heading(1, '2 Recommendations'), said('recommendations', 'List what the committee is recommended to do.'));
  blocks.push(heading(1, '3 Information and Background'), said('background', 'The legal duty, the consultation and what informs the plan.'));

  blocks.push(heading(1, '4 Findings of the public consultation'));
  const r = survey.result;
  blocks.push(
    paragraph(
      `A total of ${count(r.totalResponses)} responses were received to "${consultation.title}" between ${longDate(consultation.opensAt)} and ${longDate(consultation.endsAt)}.`,
    ),
  );
  const ind = r.indicators;
  if (ind) {
    const findings = headlineFindings(ind, r.weighted);
    if (findings.length) blocks.push(bullets(findings));
    for (const chart of headlineCharts(ind, survey.chart, false).filter((c) => c.id !== 'chart-headline-asb'))
      blocks.push(
        chartBlock(chart.svg, {
          base:
            chart.id === 'chart-headline-concerns'
              ? (ind.topConcernsBase?.description ?? '')
              : 'Base: those who answered each question, leaving out don’t know',
          source: survey.chart.source,
        }),
      );
    if (ind.topConcernsBase && !ind.topConcernsBase.suppressed)
      blocks.push(
        table(
          'Top concerns',
          ['Concern', 'Share naming it', 'Respondents'],
          ind.topConcerns.map((o) => [o.label, readablePercent(r.weighted ? o.weightedPercent : o.percent), o.count ?? 'too few']),
          `${ind.topConcernsBase.description}.`,
        ),
      );
  } else blocks.push(notice('This survey has no crime-survey indicators (feeling safe, concerns): see the findings report for every question.'));
  blocks.push(paragraph(survey.weightingStatement));
  const coded = themes
    .map((t) => ({ name: t.name, n: codes.get(t.id)?.primary ?? 0 }))
    .filter((t) => t.n > 0)
    .sort((a, b) => b.n - a.n)
    .slice(0, 8);
  if (coded.length)
    blocks.push(
      table(
        'Themes in residents’ comments',
        ['Theme', 'Comments'],
        coded.map((t) => [t.name, t.n]),
        'Free-text comments coded by the partnership; a comment can have more than one theme.',
      ),
    );
  else blocks.push(notice('Residents’ comments have not been coded into themes yet.'));

  blocks.push(heading(1, '5 Partnership consultation'));
  if (partners.workshops.length) {
    blocks.push(
      paragraph(
        `${partners.workshops.length} workshop${partners.workshops.length === 1 ? ' was' : 's were'} held with stakeholders and partners (Appendix 2): ${partners.workshops.map((w) => `${w.title} (${longDate(w.heldOn)})`).join('; ')}.`,
      ),
    );
    const voted = partners.workshops.flatMap((w) => w.priorities.map((p) => [p.text, w.title, p.dots] as (string | number)[]));
    if (voted.length)
      blocks.push(
        table(
          'Priorities partners voted for',
          ['Priority', 'Workshop', 'Votes'],
          voted,
          'Each attendee had a set number of dots to place on the candidate priorities.',
        ),
      );
    const items = partners.workshops.flatMap((w) => w.items.slice(0, 6).map((i) => i.text));
    if (items.length) blocks.push(paragraph('Points raised at the workshops included:'), bullets(items.slice(0, 12)));
    sources.push({ label: `Partner workshops (${partners.workshops.length})`, drawnAt });
  } else blocks.push(notice('No partner workshops have been recorded yet.'));

  blocks.push(heading(1, '6 Key Themes'), said('keyThemes', 'Introduce the plan’s themes.'));
  if (plan) {
    blocks.push(
      bullets(
        plan.content.themes.map((t) => [
          { text: t.title, bold: true },
          t.priorities.length ? `: ${t.priorities.map((p) => p.title).join('; ')}` : '',
        ]),
      ),
    );
    sources.push({ label: `${plan.content.title} (${plan.statusText})`, drawnAt });
  } else blocks.push(notice('No plan has been started yet: its themes and priorities will appear here once it is.'));

  blocks.push(heading(1, '7 Next Steps'), said('nextSteps', 'What happens next and when Cabinet decides.'));
  blocks.push(heading(1, '8 Health Inequalities Impact'), said('hiia', 'The state of the Health Inequalities Impact assessment.'));
  const impacts = plan ? allPriorities(plan.content).flatMap((p) => p.impacts) : [];
  if (impacts.length) {
    const of = (i: string) => impacts.filter((x) => x.impact === i).length;
    blocks.push(
      paragraph(
        `The draft assessment records ${impacts.length} impacts on groups: ${of('positive')} positive, ${of('negative')} negative and ${of('uncertain')} uncertain.`,
      ),
    );
  } else blocks.push(notice('No health inequalities impacts have been recorded against the plan’s priorities yet.'));

  blocks.push(heading(1, 'Appendix 1: Police and Crime Commissioner priorities'));
  const pcc = await db
    .selectFrom('pcc_priorities')
    .select(['title', 'summary'])
    .where('partnership_id', '=', partnershipId)
    .orderBy('position')
    .execute();
  blocks.push(
    pcc.length
      ? bullets(pcc.map((p) => [{ text: p.title, bold: true }, p.summary ? `: ${p.summary}` : '']))
      : notice('The partnership has not recorded the PCC’s priorities yet.'),
  );
  blocks.push(heading(1, 'Appendix 2: Stakeholders'));
  blocks.push(
    partners.organisations.length
      ? table(
          'Organisations invited to take part',
          ['Organisation', 'Sector'],
          partners.organisations.map(([o, s]) => [o, s]),
        )
      : notice('The stakeholder register is empty.'),
  );
  blocks.push(heading(1, 'Appendix 3: Survey for Members'));
  const members = consultations.find((c) => c.template === 'members-survey');
  if (members) {
    const questions = allQuestions(await loadSurveyDefinition(db, members, members.surveyVersion));
    blocks.push(paragraph(`"${members.title}" asks elected members:`), bullets(questions.map((q) => q.label)));
  } else blocks.push(notice('No survey for elected members has been set up.'));
  blocks.push(heading(2, 'Author'), said('author', 'Name, job title, organisation and contact details.'));
  await ctx.progress?.(80, 'Laying out the note');

  return {
    kind: 'committee',
    title: `Results of ${consultation.title} and partner consultation for the development of the Community Safety Partnership Plan`,
    meta: [
      { label: 'To', value: text('to') },
      { label: 'Date', value: text('date') },
      { label: 'From', value: ctx.partnership.name },
    ],
    blocks,
    sources,
    dataSheets: [],
    footer: `${ctx.partnership.name}: committee note`,
  };
}

export { COMMITTEE_SECTIONS };
