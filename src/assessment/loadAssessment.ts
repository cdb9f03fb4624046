/**
 * Everything the Strategic Assessment is drawn from (docs/assessment.md): the partnership's recorded crime by month,
 * type, ward and LSOA; its populations, deprivation and boundaries; what residents said about each concern, by ward,
 * in its latest crime survey (asked of the analysis threads); and the matrix scores officers have set.
 */
import type { Kysely } from 'kysely';
import { can, type Principal } from '../accounts/index.js';
import type { AnalysisRunner } from '../analysis/index.js';
import { type Consultation, listConsultations } from '../consultations/index.js';
import { areaPopulations, crimeCountsByType, crimeSources, outcomeCounts } from '../crime/index.js';
import type { Database } from '../db/schema.js';
import { type Area, listBoundaries } from '../geography/index.js';
import type { Partnership } from '../partnerships/index.js';
import type { SetScores } from './analysis/matrix.js';
import { assessmentScores } from './queries/assessmentScores.js';
import { lsoaFacts } from './queries/lsoaFacts.js';

export interface Perception {
  consultation: { id: string; title: string };
  /** Concern option -> % of all who answered the question naming it. */
  overall: Map<string, number>;
  answered: number;
  /** Ward code -> concern -> % of that ward's respondents (null where the ward's base is suppressed), and its base. */
  byWard: Map<string, { n: number; percents: Map<string, number | null> }>;
}

export interface AssessmentData {
  partnership: Partnership;
  sources: { force: string; first: string; last: string; count: number }[];
  byMonth: { key: string | null; type: string; count: number }[];
  byWard: { key: string | null; type: string; count: number }[];
  byLsoa: { key: string | null; type: string; count: number }[];
  previousByLsoa: { key: string | null; type: string; count: number }[];
  /** Crimes of the 12 months by their last outcome. */
  outcomes: { outcome: string; count: number }[];
  /** The 12 months the tables cover, and the 12 before. */
  period: { from: string; to: string } | null;
  previous: { from: string; to: string } | null;
  populations: Awaited<ReturnType<typeof areaPopulations>>;
  lsoas: Awaited<ReturnType<typeof lsoaFacts>>;
  wardAreas: Area[];
  lsoaAreas: Area[];
  perception: Perception | { unavailable: string };
  scores: Map<string, SetScores>;
}

const shift = (month: string, by: number) => {
  const n = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + by;
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
};

export async function loadAssessment(o: {
  db: Kysely<Database>;
  runner: AnalysisRunner;
  partnership: Partnership;
  user: Principal | undefined;
  /** Read residents' concern whoever asks: the plan's evidence is the partnership's, the same for every reader. */
  allResults?: boolean;
  /** Leave the boundaries out (the matrix alone needs no maps). */
  withoutMaps?: boolean;
}): Promise<AssessmentData> {
  const { db, partnership } = o;
  const id = partnership.id;
  const boundaries = (level: 'ward' | 'lsoa') => (o.withoutMaps ? Promise.resolve([]) : listBoundaries(db, id, level));
  const [sources, byMonth, populations, lsoas, wardAreas, lsoaAreas, scores] = await Promise.all([
    crimeSources(db, id),
    crimeCountsByType(db, id, 'month'),
    areaPopulations(db, id),
    lsoaFacts(db, id),
    boundaries('ward'),
    boundaries('lsoa'),
    assessmentScores(db, id),
  ]);
  const last = sources
    .map((s) => s.last)
    .sort()
    .at(-1);
  const period = last ? { from: shift(last, -11), to: last } : null;
  const previous = last ? { from: shift(last, -23), to: shift(last, -12) } : null;
  const [byWard, byLsoa, previousByLsoa, outcomes] =
    period && previous
      ? await Promise.all([
          crimeCountsByType(db, id, 'ward', period),
          crimeCountsByType(db, id, 'lsoa', period),
          crimeCountsByType(db, id, 'lsoa', previous),
          outcomeCounts(db, id, period),
        ])
      : [[], [], [], []];
  const perception = await perceptionOf(o);
  return {
    partnership,
    sources,
    byMonth,
    byWard,
    byLsoa,
    previousByLsoa,
    outcomes,
    period,
    previous,
    populations,
    lsoas,
    wardAreas,
    lsoaAreas,
    perception,
    scores,
  };
}

const ANSWERED: readonly Consultation['status'][] = ['open', 'closed', 'analysed', 'published'];

async function perceptionOf(o: {
  db: Kysely<Database>;
  runner: AnalysisRunner;
  partnership: Partnership;
  user: Principal | undefined;
  allResults?: boolean;
}): Promise<AssessmentData['perception']> {
  const surveys = (await listConsultations(o.db, o.partnership.id)).filter((c) => c.template === 'crime-survey' && ANSWERED.includes(c.status));
  const latest = surveys[0];
  if (!latest) return { unavailable: 'The partnership has no crime survey with responses yet.' };
  if (!o.allResults && !can(o.user, 'results:view', latest)) return { unavailable: `The results of “${latest.title}” are not available to you yet.` };
  const outcome = await o.runner.run({
    consultation: latest,
    filters: {},
    suppressBelow: o.partnership.suppressionMinimum,
    marginsCsv: null,
    softWeights: false,
    crossTab: { question: 'concerns', breakdown: 'ward' },
    dashboard: null,
  });
  if (!outcome.ok || !outcome.crossTab)
    return {
      unavailable: `“${latest.title}” cannot be broken down by ward: ${outcome.ok ? (outcome.crossTabError?.message ?? '') : outcome.problem.message}`,
    };
  const concerns = outcome.result.questions.find((q) => q.code === 'concerns');
  const byWard: Perception['byWard'] = new Map();
  outcome.crossTab.columns.forEach((column, g) => {
    const percents = new Map<string, number | null>();
    for (const row of outcome.crossTab?.rows ?? []) percents.set(row.value, row.cells[g]?.percent ?? null);
    byWard.set(column.value, { n: column.n, percents });
  });
  return {
    consultation: { id: latest.id, title: latest.title },
    overall: new Map((concerns?.options ?? []).map((opt) => [opt.value, opt.percent ?? 0])),
    answered: concerns?.base.n ?? 0,
    byWard,
  };
}
