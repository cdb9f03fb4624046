/**
 * A crime-survey indicator (as a plan's evidence names it: safe:<question>, concern:<option>, asb:<question>) broken
 * down by a group (age band, sex, disability, ward, deprivation...): the same respondents, weights and suppression as
 * the analysis it comes from. For the plan's cross-tab evidence, the HIIA and the findings report.
 */
import { crossTabWithin, type StoredAnalysis } from './analyseStoredConsultation.js';

export interface GroupFigure {
  group: string;
  n: number;
  /** null when the group is too small to publish. */
  percent: number | null;
}

const POSITIVE: Record<string, { question: (code: string) => string; rows: (code: string) => string[]; what: string }> = {
  safe: { question: (c) => c, rows: () => ['very_safe', 'fairly_safe'], what: 'feel very or fairly safe' },
  concern: { question: () => 'concerns', rows: (c) => [c], what: 'name it among their top concerns' },
  asb: { question: (c) => c, rows: () => ['very_big_problem', 'fairly_big_problem'], what: 'say it is a very or fairly big problem' },
};

export function indicatorByGroup(
  survey: { stored: Pick<StoredAnalysis, 'table' | 'weights' | 'result'>; consultation: { template: string } },
  indicator: string,
  breakdown: string,
): { what: string; breakdownLabel: string; figures: GroupFigure[] } | null {
  const [kind = '', code = ''] = indicator.split(':');
  const rule = POSITIVE[kind];
  if (!rule || !code) return null;
  let tab: ReturnType<typeof crossTabWithin>;
  try {
    tab = crossTabWithin(survey.stored, survey.consultation.template, rule.question(code), breakdown);
  } catch {
    return null;
  }
  if (tab.tooSmall) return null;
  const wanted = new Set(rule.rows(code));
  const rows = tab.rows.filter((r) => wanted.has(r.value));
  if (!rows.length) return null;
  const figures = tab.columns.map((column, j) => {
    const published = column.status !== 'suppressed' && rows.every((r) => r.cells[j]?.percent !== null && r.cells[j] !== null);
    const percent = published
      ? rows.reduce((sum, r) => sum + ((survey.stored.result.weighted ? r.cells[j]?.weightedPercent : r.cells[j]?.percent) ?? 0), 0)
      : null;
    return { group: column.label, n: column.n, percent };
  });
  return { what: rule.what, breakdownLabel: tab.breakdown.label, figures };
}
