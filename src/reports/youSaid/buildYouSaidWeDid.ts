/**
 * "You said, we did": what residents raised in the consultation (the top concerns, feeling unsafe after dark, the
 * problems most called big, the themes of their comments) and, once the plan exists, the priorities and actions
 * that answer each, found through the plan's evidence links; a thing raised that no priority answers is said plainly.
 */
import { headlineCharts, headlineFindings } from '../../analysis/index.js';
import type { Consultation } from '../../consultations/index.js';
import { ACTION_STATUS_LABELS, type PlanPriority } from '../../plan/index.js';
import { bullets, count, heading, longDate, notice, paragraph, readablePercent } from '../document/blocks.js';
import { chartBlock } from '../document/chartBlock.js';
import type { Block, ReportDocument, ReportSource } from '../document/reportDocument.js';
import type { ReportContext } from '../reportContext.js';
import type { ReportPlan } from '../sources/currentPlan.js';
import { surveyResults } from '../sources/surveyResults.js';

export interface RaisedThing {
  /** The evidence code it matches in the plan (survey indicator code). */
  code: string;
  said: string;
}

/** The things the survey says residents raised, in order of how many raised them. Pure over the indicators. */
export function raisedThings(ind: NonNullable<Awaited<ReturnType<typeof surveyResults>>['result']['indicators']>, weighted: boolean): RaisedThing[] {
  const shown = (x: { percent: number | null; weightedPercent?: number | null | undefined }) => (weighted ? (x.weightedPercent ?? null) : x.percent);
  const things: (RaisedThing & { share: number })[] = [];
  for (const o of ind.topConcerns.slice(0, 5)) {
    const p = shown(o);
    if (p !== null)
      things.push({
        code: `concern:${o.value}`,
        said: `${readablePercent(p)} of you named ${o.label.toLowerCase()} among your top concerns.`,
        share: p,
      });
  }
  for (const s of ind.safety) {
    const p = shown(s.dark);
    if (p !== null && s.dark.status !== 'suppressed')
      things.push({
        code: `safe:${s.darkCode}`,
        said: `Only ${readablePercent(p)} of you feel safe ${s.label.toLowerCase()} after dark.`,
        share: 100 - p,
      });
  }
  const worst = [...ind.asb.items].filter((i) => i.percent !== null).sort((a, b) => (shown(b) ?? 0) - (shown(a) ?? 0))[0];
  if (worst)
    things.push({
      code: `asb:${worst.code}`,
      said: `${readablePercent(shown(worst))} of you said ${worst.label.toLowerCase()} is a big problem.`,
      share: shown(worst) ?? 0,
    });
  return things.sort((a, b) => b.share - a.share).map(({ code, said }) => ({ code, said }));
}

export async function buildYouSaidWeDid(ctx: ReportContext, consultation: Consultation, plan: ReportPlan | undefined): Promise<ReportDocument> {
  await ctx.progress?.(20, 'Reading what residents said');
  const survey = await surveyResults(ctx.handle, ctx.partnership, consultation);
  const r = survey.result;
  const drawnAt = new Date().toISOString();
  const sources: ReportSource[] = [{ label: `${consultation.title} (${count(r.totalResponses)} responses)`, drawnAt: survey.drawnAt }];
  const blocks: Block[] = [
    paragraph(
      `Thank you to the ${count(r.totalResponses)} people who took part in "${consultation.title}" between ${longDate(consultation.opensAt)} and ${longDate(consultation.endsAt)}. This is what you told us and what the partnership is doing about it.`,
    ),
  ];
  if (r.indicators) {
    blocks.push(heading(1, 'What you told us'));
    const findings = headlineFindings(r.indicators, r.weighted);
    if (findings.length) blocks.push(bullets(findings));
    for (const chart of headlineCharts(r.indicators, survey.chart, false).filter((c) => c.id !== 'chart-headline-asb'))
      blocks.push(
        chartBlock(chart.svg, {
          base:
            chart.id === 'chart-headline-concerns'
              ? (r.indicators.topConcernsBase?.description ?? '')
              : 'Base: those who answered each question, leaving out don’t know',
          source: survey.chart.source,
        }),
      );
    blocks.push(heading(1, 'You said, we did'));
  }
  const things = r.indicators ? raisedThings(r.indicators, r.weighted) : [];
  if (!things.length) blocks.push(notice('There are no findings to publish from this survey yet.'));
  const priorities: PlanPriority[] = plan ? plan.content.themes.flatMap((t) => t.priorities) : [];
  if (plan) sources.push({ label: `${plan.content.title} (${plan.statusText})`, drawnAt });
  for (const thing of things) {
    blocks.push(heading(2, 'You said'), paragraph(thing.said));
    blocks.push(heading(3, 'We did'));
    if (!plan) {
      blocks.push(notice('The partnership’s plan is being written: what it does about this will appear here.'));
      continue;
    }
    const answering = priorities.filter((p) =>
      p.evidence.some((e) => e.kind === 'survey' && e.ref.consultation === consultation.id && e.ref.code === thing.code),
    );
    if (!answering.length) {
      blocks.push(notice('No priority in the plan answers this directly yet.'));
      continue;
    }
    blocks.push(
      bullets(
        answering.flatMap((p) => [
          [{ text: p.title, bold: true }, p.rationale ? `: ${p.rationale}` : ''],
          ...p.actions.map((a) => [`${a.title} (led by ${a.leadPartner}; ${ACTION_STATUS_LABELS[a.status].toLowerCase()}, ${a.progress}% done)`]),
        ]),
      ),
    );
  }
  blocks.push(paragraph(survey.weightingStatement));
  return {
    kind: 'you-said-we-did',
    title: `You said, we did: ${consultation.title}`,
    meta: [{ label: 'From', value: ctx.partnership.name }],
    blocks,
    sources,
    dataSheets: [],
    footer: `${ctx.partnership.name}: you said, we did`,
  };
}
