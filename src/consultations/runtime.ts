import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { listWards } from '../partnerships/index.js';
import type { SurveyDefinition, Ward } from '../surveys/index.js';
import { type Consultation, loadConsultation, loadSurveyDefinition } from './queries/loadConsultation.js';
import { deriveStatus } from './status.js';

export interface ConsultationRuntime {
  consultation: Consultation;
  definition: SurveyDefinition;
  wards: Ward[];
}

interface Entry {
  loadedAt: number;
  value: Promise<ConsultationRuntime | undefined>;
  /** Once loaded: the runtime, and until when (ms since the epoch) the clock cannot change its status. */
  current?: { runtime: ConsultationRuntime | undefined; statusHoldsUntil: number };
}

const TTL_MS = 1000;

/**
 * What every submission and question page needs (the consultation, its current survey version and the
 * partnership's wards), cached for a second: at thousands of submissions a second this saves three queries
 * each, and a change made on another app instance is seen within the second. The status follows the clock
 * exactly: it is derived again whenever an opening or closing time may have passed since it was last derived.
 */
export class ConsultationRuntimeCache {
  private cache = new Map<string, Entry>();

  constructor(private readonly db: Kysely<Database>) {}

  get(consultationId: string): Promise<ConsultationRuntime | undefined> {
    const hit = this.cache.get(consultationId);
    const now = Date.now();
    if (hit && now - hit.loadedAt < TTL_MS) {
      const current = hit.current;
      if (!current) return hit.value.then((v) => v && withFreshStatus(v, now));
      if (now >= current.statusHoldsUntil && current.runtime) hit.current = settled(withFreshStatus(current.runtime, now), now);
      return Promise.resolve(hit.current?.runtime);
    }
    const entry: Entry = { loadedAt: now, value: this.load(consultationId) };
    this.cache.set(consultationId, entry);
    entry.value.then(
      (runtime) => {
        entry.current = settled(runtime, Date.now());
      },
      () => this.cache.get(consultationId) === entry && this.cache.delete(consultationId),
    );
    return entry.value;
  }

  invalidate(consultationId: string): void {
    this.cache.delete(consultationId);
  }

  private async load(consultationId: string): Promise<ConsultationRuntime | undefined> {
    const consultation = await loadConsultation(this.db, consultationId);
    if (!consultation) return undefined;
    const [definition, wards] = await Promise.all([
      loadSurveyDefinition(this.db, consultation, consultation.surveyVersion),
      listWards(this.db, consultation.partnershipId),
    ]);
    return { consultation, definition, wards };
  }
}

function withFreshStatus(runtime: ConsultationRuntime, now: number): ConsultationRuntime {
  const c = runtime.consultation;
  const status = deriveStatus(c.stage, c.opensAt, c.endsAt, new Date(now));
  return status === c.status ? runtime : { ...runtime, consultation: { ...c, status } };
}

function settled(runtime: ConsultationRuntime | undefined, now: number): NonNullable<Entry['current']> {
  return { runtime, statusHoldsUntil: runtime ? statusHoldsUntil(runtime.consultation, now) : Number.POSITIVE_INFINITY };
}

/**
 * Until when deriveStatus keeps giving the status it gave at `now`: the opening time while scheduled, the closing
 * time while open; after that only a staff action changes it (and invalidates the cache). deriveStatus compares
 * ISO texts, so a time not written the way toISOString writes it is derived afresh on every read instead.
 */
function statusHoldsUntil(c: Consultation, now: number): number {
  const next = c.status === 'scheduled' ? c.opensAt : c.status === 'open' ? c.endsAt : undefined;
  if (next === undefined) return Number.POSITIVE_INFINITY;
  const at = Date.parse(next);
  return Number.isFinite(at) && new Date(at).toISOString() === next ? at : now;
}
