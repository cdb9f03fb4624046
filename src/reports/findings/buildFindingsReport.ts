/**
 * The consultation findings report: how the consultation ran, who responded beside the population, the headline
 * findings, every question with its chart and table (labels, not codes; percentages rounded for reading; each chart
 * titled with its base and source), the themes of the comments with quotes, the key indicator by group, and the
 * weighting statement. Small bases are suppressed as everywhere else.
 */
import { chartFor, gridChartFor, gridRows, headlineFindings, indicatorByGroup, type QuestionResult, sampleProfile } from '../../analysis/index.js';
import { codingCounts, listThemes, themeResultsOf } from '../../coding/index.js';
import type { Consultation } from '../../consultations/index.js';
import { bullets, count, heading, longDate, notice, paragraph, readablePercent, table } from '../document/blocks.js';
import { chartBlock } from '../document/chartBlock.js';
import type { Block, DataSheet, ReportDocument } from '../document/reportDocument.js';
import type { ReportContext } from '../reportContext.js';
import { surveyResults } from '../sources/surveyResults.js';

const BREAKDOWNS = ['sex', 'age_band', 'disability', 'ethnic_group', 'area_ward', 'deprivation_quintile'];
const QUOTES_PER_THEME = 2;

function questionBlocks(q: QuestionResult, chart: string | null, source: string): Block[] {
  const title = q.grid ? `${q.grid.label}: ${q.grid.rowLabel}` : q.label;
  if (q.options.length === 0)
    return [heading(3, title), paragraph(`${count(q.answered)} people answered this question in their own words: see the themes below.`)];
  if (q.base.suppressed) return [heading(3, title), notice(`Fewer people answered than the partnership publishes (${q.base.description}).`)];
  const out: Block[] = [heading(3, title)];
  if (chart) out.push(chartBlock(chart, { base: q.base.description, source }));
  out.push(
    table(
      title,
      ['Answer', 'Respondents', 'Share'],
      [...q.options, ...q.nonSubstantive].map((o) => [o.label, o.count ?? 'too few', readablePercent(o.weightedPercent ?? o.percent)]),
      `${q.base.description}.${q.nonSubstantive.length ? ` ${q.nonSubstantive.map((o) => o.label).join(' and ')}: share of everyone who answered.` : ''}${q.note ? ` ${q.note}` : ''}`,
    ),
  );
  return out;
}

export async function buildFindingsReport(ctx: ReportContext, consultation: Consultation): Promise<ReportDocument> {
  const { db } = ctx.handle;
  await ctx.progress?.(5, 'Reading the survey results');
  const survey = await surveyResults(ctx.handle, ctx.partnership, consultation);
  const r = survey.result;
  const source = survey.chart.source;
  const blocks: Block[] = [heading(1, 'How the consultation ran')];
  blocks.push(
    paragraph(
      `"${consultation.title}" was open from ${longDate(consultation.opensAt)} to ${longDate(consultation.endsAt)} to ${consultation.audiences.join(', ') || 'the public'}. ${count(r.totalResponses)} responses were received.`,
    ),
  );
  if (consultation.purpose) blocks.push(paragraph(consultation.purpose));
  blocks.push(heading(1, 'Who responded'));
  const profile = await sampleProfile(db, ctx.partnership.id, survey.stored.table);
  if (profile?.variables.length)
    for (const v of profile.variables)
      blocks.push(
        table(
          `Respondents and residents by ${v.label.toLowerCase()}`,
          [v.label, 'Respondents', '% of respondents', '% of residents'],
          v.rows.map((row) => [row.label, row.sampleCount, readablePercent(row.samplePercent), readablePercent(row.populationPercent)]),
          `${count(v.notCovered)} respondents did not say.`,
        ),
      );
  else blocks.push(notice('The partnership has no population figures to compare the respondents with.'));
  blocks.push(paragraph(survey.weightingStatement));

  if (r.indicators) {
    blocks.push(heading(1, 'Headline findings'));
    const findings = headlineFindings(r.indicators, r.weighted);
    blocks.push(findings.length ? bullets(findings) : notice('Too few responses to publish the headline findings.'));
  }

  await ctx.progress?.(20, 'Charting every question');
  blocks.push(heading(1, 'Every question'));
  const doneGrids = new Set<string>();
  for (const q of r.questions) {
    if (q.grid) {
      if (doneGrids.has(q.grid.code)) continue;
      doneGrids.add(q.grid.code);
      const rows = gridRows(r, q.grid.code);
      blocks.push(heading(2, q.grid.label));
      const grid = gridChartFor(rows, survey.chart, false);
      if (grid) blocks.push(chartBlock(grid, { base: 'Base: those who answered each row', source }));
      for (const row of rows) blocks.push(...questionBlocks(row, null, source).map((b) => (b.kind === 'heading' ? { ...b, level: 3 as const } : b)));
      continue;
    }
    blocks.push(...questionBlocks(q, chartFor(q, survey.chart, false), source));
  }

  await ctx.progress?.(60, 'Reading the themes of the comments');
  blocks.push(heading(1, 'What people said in their own words'));
  const [themes, codes] = await Promise.all([
    listThemes(db, ctx.partnership.id, consultation.id),
    codingCounts(db, ctx.partnership.id, consultation.id),
  ]);
  const coded = themes
    .filter((t) => (codes.get(t.id)?.primary ?? 0) > 0)
    .sort((a, b) => (codes.get(b.id)?.primary ?? 0) - (codes.get(a.id)?.primary ?? 0));
  if (coded.length) {
    const results = await themeResultsOf(ctx.handle, consultation, { weighted: false });
    const quotes = results.ok ? results.quotes : [];
    for (const theme of coded.slice(0, 12)) {
      blocks.push(heading(3, `${theme.name} (${count(codes.get(theme.id)?.primary ?? 0)} comments)`));
      if (theme.description) blocks.push(paragraph(theme.description));
      const said = quotes.filter((x) => x.themeIds.includes(theme.id)).slice(0, QUOTES_PER_THEME);
      if (said.length)
        blocks.push(bullets(said.map((x) => `“${x.text.length > 400 ? `${x.text.slice(0, 399)}…` : x.text}” (response ${x.reference})`)));
    }
  } else blocks.push(notice('The comments have not been coded into themes yet.'));

  await ctx.progress?.(75, 'Breaking the key findings down by group');
  const dataSheets: DataSheet[] = [];
  const safety = r.indicators?.safety[0];
  if (safety) {
    blocks.push(heading(1, `Feeling safe ${safety.label.toLowerCase()} after dark, by group`));
    let any = false;
    for (const b of BREAKDOWNS) {
      const by = indicatorByGroup(survey, `safe:${safety.darkCode}`, b);
      if (!by) continue;
      any = true;
      blocks.push(
        table(
          `Feel safe after dark by ${by.breakdownLabel.toLowerCase()}`,
          [by.breakdownLabel, 'Share who feel very or fairly safe', 'Respondents'],
          by.figures.map((f) => [f.group, readablePercent(f.percent), f.n]),
          `Base: respondents in each group who answered, leaving out don’t know. Groups of fewer than ${ctx.partnership.suppressionMinimum} are not published.`,
        ),
      );
    }
    if (!any) blocks.push(notice('Too few responses in each group to break the findings down.'));
  }
  dataSheets.push({
    name: 'All questions',
    header: ['Question', 'Answer', 'Respondents', 'Percent', 'Base'],
    rows: r.questions.flatMap((q) =>
      [...q.options, ...q.nonSubstantive].map((o) => [
        q.grid ? `${q.grid.label}: ${q.grid.rowLabel}` : q.label,
        o.label,
        o.count,
        o.percent === null ? null : Math.round(o.percent * 10) / 10,
        q.base.n,
      ]),
    ),
  });
  return {
    kind: 'findings',
    title: `${consultation.title}: findings`,
    meta: [
      { label: 'Partnership', value: ctx.partnership.name },
      { label: 'Responses', value: count(r.totalResponses) },
      { label: 'Consultation period', value: `${longDate(consultation.opensAt)} to ${longDate(consultation.endsAt)}` },
    ],
    blocks,
    sources: [
      {
        label: `${consultation.title} (${count(r.totalResponses)} responses)${consultation.isDemo ? ', demonstration data' : ''}`,
        drawnAt: survey.drawnAt,
      },
    ],
    dataSheets,
    footer: `${ctx.partnership.name}: ${consultation.title} findings`,
  };
}
