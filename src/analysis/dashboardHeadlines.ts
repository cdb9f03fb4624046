/**
 * The dashboard's headline findings: sentences written from the crime-survey indicators ("46.4% feel very or fairly
 * safe walking alone in the area after dark, compared with 81.1% during the day"), and their charts. Pure.
 */
import { barChart } from '../charts/barChart.js';
import { renderSvg } from '../charts/renderSvg.js';
import { type ChartContext, fmtPct } from './dashboardModel.js';
import type { CrimeSurveyIndicators, OptionResult, ProportionResult } from './types.js';

/** The figure shown: weighted when the results are, and none when the base is too small to publish. */
function shown(p: Pick<ProportionResult, 'percent' | 'weightedPercent' | 'status'>, weighted: boolean): number | null {
  if (p.status === 'suppressed') return null;
  return weighted ? (p.weightedPercent ?? null) : p.percent;
}

const optionShown = (o: OptionResult, weighted: boolean) => (weighted ? (o.weightedPercent ?? null) : o.percent);

/** "Anti-social behaviour" -> "anti-social behaviour" inside a sentence; an acronym ("ASB") stays as it is. */
const inSentence = (label: string) => (/^[A-Z][A-Z]/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1));

const listed = (items: string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);

/** Sentences for the figures that can be published; a figure too small to publish gives no sentence. */
export function headlineFindings(ind: CrimeSurveyIndicators, weighted: boolean): string[] {
  const out: string[] = [];
  for (const s of ind.safety) {
    const day = shown(s.day, weighted);
    const dark = shown(s.dark, weighted);
    if (day === null || dark === null) continue;
    const gap =
      s.paired.status !== 'suppressed' && s.paired.differencePoints !== null && s.paired.significant
        ? ` (a gap of ${s.paired.differencePoints.toFixed(1)} points, statistically significant)`
        : '';
    out.push(
      `${fmtPct(dark)} feel very or fairly safe walking alone ${inSentence(s.label)} after dark, compared with ${fmtPct(day)} during the day${gap}.`,
    );
  }
  const items = ind.asb.items.flatMap((i) => {
    const p = shown(i, weighted);
    return p === null ? [] : [{ label: i.label, p }];
  });
  const worst = [...items].sort((a, b) => b.p - a.p)[0];
  if (worst) out.push(`${worst.label} is the problem most often called very or fairly big: ${fmtPct(worst.p)} say so.`);
  const high = ind.asb.score.status === 'suppressed' ? null : weighted ? (ind.asb.score.weightedHighPercent ?? null) : ind.asb.score.highPercent;
  if (high !== null)
    out.push(`${fmtPct(high)} perceive a high level of anti-social behaviour (a score of ${ind.asb.score.highThreshold} or more out of 21).`);
  const concerns = ind.topConcerns.slice(0, 3).flatMap((o) => {
    const p = optionShown(o, weighted);
    return p === null ? [] : [`${inSentence(o.label)} (${fmtPct(p)})`];
  });
  if (concerns.length && !ind.topConcernsBase?.suppressed) out.push(`The top concerns are ${listed(concerns)}.`);
  if (ind.victimisation) {
    const rate = shown(ind.victimisation.rate, weighted);
    const reported = shown(ind.victimisation.reported, weighted);
    if (rate !== null) {
      out.push(
        `${fmtPct(rate)} were a victim of crime or anti-social behaviour in the last 12 months${reported === null ? '' : `; of them, ${fmtPct(reported)} reported it`}.`,
      );
    }
  }
  return out;
}

const DAY_COLOUR = '#5694ca';
const DARK_COLOUR = '#003078';

export interface HeadlineChart {
  id: string;
  svg: string;
}

/** Charts of the headline indicators: feeling safe by day and after dark, anti-social behaviour, top concerns. */
export function headlineCharts(ind: CrimeSurveyIndicators, ctx: ChartContext, inline = true): HeadlineChart[] {
  const w = ctx.weighted;
  const charts: HeadlineChart[] = [];
  const safety = ind.safety.flatMap((s) => [
    { label: `${s.label}: during the day`, percent: shown(s.day, w), n: s.day.n, colour: DAY_COLOUR },
    { label: `${s.label}: after dark`, percent: shown(s.dark, w), n: s.dark.n, colour: DARK_COLOUR },
  ]);
  if (safety.some((b) => b.percent !== null)) {
    charts.push({
      id: 'chart-headline-safety',
      svg: renderSvg(
        barChart(safety, {
          legend: [
            { label: 'During the day', colour: DAY_COLOUR },
            { label: 'After dark', colour: DARK_COLOUR },
          ],
        }),
        {
          id: 'chart-headline-safety',
          title: 'Feeling very or fairly safe walking alone, during the day and after dark',
          description: `Bar chart. ${safety.map((b) => `${b.label}: ${b.percent === null ? 'too small to publish' : fmtPct(b.percent)}`).join('; ')}.`,
          base: `Base: those who answered each question, leaving out don't know: ${safety.map((b) => `${b.label} n = ${b.n}`).join('; ')}.${ctx.filters}`,
          source: ctx.source,
        },
        { inline },
      ),
    });
  }
  const asb = ind.asb.items.map((i) => ({ label: i.label, percent: shown(i, w), n: i.n }));
  if (asb.some((b) => b.percent !== null)) {
    const ns = [...new Set(asb.map((b) => b.n))];
    charts.push({
      id: 'chart-headline-asb',
      svg: renderSvg(
        barChart(asb),
        {
          id: 'chart-headline-asb',
          title: 'Anti-social behaviour: % saying each is a very or fairly big problem',
          description: `Bar chart. ${asb.map((b) => `${b.label}: ${b.percent === null ? 'too small to publish' : fmtPct(b.percent)}`).join('; ')}.`,
          base: `Base: those who answered each item, leaving out don't know: n = ${ns.length === 1 ? ns[0] : `${Math.min(...ns)} to ${Math.max(...ns)}`}.${ctx.filters}`,
          source: ctx.source,
        },
        { inline },
      ),
    });
  }
  const concerns = ind.topConcerns.slice(0, 5).map((o) => ({ label: o.label, percent: optionShown(o, w) }));
  if (ind.topConcernsBase && !ind.topConcernsBase.suppressed && concerns.length) {
    charts.push({
      id: 'chart-headline-concerns',
      svg: renderSvg(
        barChart(concerns),
        {
          id: 'chart-headline-concerns',
          title: 'Top concerns: % choosing each among the problems that concern them most',
          description: `Bar chart. ${concerns.map((b) => `${b.label}: ${fmtPct(b.percent)}`).join('; ')}.`,
          base: `${ind.topConcernsBase.description}.${ctx.filters}`,
          source: ctx.source,
        },
        { inline },
      ),
    });
  }
  return charts;
}
