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

const TTL_MS = 1000;

/**
 * What every submission and question page needs (the consultation, its current survey version and the
 * partnership's wards), cached for a second: at thousands of submissions a second this saves three queries
 * each, and a change made on another app instance is seen within the second. Status is re-derived from the
 * clock on every read, so opening and closing times are exact.
 */
export class ConsultationRuntimeCache {
  private cache = new Map<string, { at: number; value: Promise<ConsultationRuntime | undefined> }>();

  constructor(private readonly db: Kysely<Database>) {}

  get(consultationId: string): Promise<ConsultationRuntime | undefined> {
    const hit = this.cache.get(consultationId);
    const now = Date.now();
    if (hit && now - hit.at < TTL_MS) return hit.value.then((v) => v && withFreshStatus(v));
    const value = this.load(consultationId);
    this.cache.set(consultationId, { at: now, value });
    value.catch(() => this.cache.delete(consultationId));
    return value;
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

function withFreshStatus(runtime: ConsultationRuntime): ConsultationRuntime {
  const c = runtime.consultation;
  const status = deriveStatus(c.stage, c.opensAt, c.closesAt, new Date());
  return status === c.status ? runtime : { ...runtime, consultation: { ...c, status } };
}
