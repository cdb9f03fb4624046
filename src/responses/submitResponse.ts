import type { ConsultationRuntime, ConsultationRuntimeCache } from '../consultations/index.js';
import { fromBool, nowIso, toJson } from '../db/columnTypes.js';
import { AppError, notFound, validationFailed } from '../platform/errors.js';
import { formatLondon } from '../platform/londonTime.js';
import { keepOriginals } from '../redaction/index.js';
import type { Channel } from './channels.js';
import { checkAnswers } from './checkAnswers.js';
import type { ResponseWriter, StoredResponse } from './groupCommit.js';
import type { ResponseRow } from './responseRow.js';

export interface SubmitResponseOptions {
  runtimes: ConsultationRuntimeCache;
  writer: ResponseWriter;
  consultationId: string;
  /** Raw answers keyed by question code (grid rows by their own codes). */
  answers: Record<string, unknown>;
  channel: Channel;
  idempotencyKey?: string;
  /** The staff user keying in a paper, email or event response. */
  enteredBy?: string;
  /** Public submissions need the consultation open; staff may key in late paper responses once it has opened. */
  requireOpen: boolean;
  /** Only for partnership-scoped callers: refuse a consultation of another partnership. */
  partnershipId?: string;
  /** Keyed in by staff: questions may be left blank as the form came back (surveys' AnswerContext.keyedIn). */
  keyedIn?: boolean;
  /** When it was made or received, if not now (a UTC ISO instant). */
  submittedAt?: string;
}

export function notOpenError(runtime: ConsultationRuntime): AppError {
  const c = runtime.consultation;
  const message =
    c.status === 'scheduled' || c.status === 'draft'
      ? `This consultation is not open yet${c.status === 'scheduled' ? `: it opens on ${formatLondon(c.opensAt)}` : ''}.`
      : `This consultation closed on ${formatLondon(c.endsAt)}. Responses can no longer be submitted.`;
  return new AppError('not_open', 409, message);
}

type PrepareOptions = Pick<
  SubmitResponseOptions,
  'runtimes' | 'consultationId' | 'answers' | 'channel' | 'idempotencyKey' | 'enteredBy' | 'requireOpen' | 'partnershipId' | 'keyedIn' | 'submittedAt'
>;

/** Checks the consultation takes responses now and the answers fit its survey's current version: the row to store. */
export async function prepareResponse(options: PrepareOptions): Promise<ResponseRow> {
  const runtime = await options.runtimes.get(options.consultationId);
  if (!runtime || (options.partnershipId && runtime.consultation.partnershipId !== options.partnershipId)) throw notFound('Consultation');
  const { consultation, definition, wards } = runtime;
  const status = consultation.status;
  if (options.requireOpen ? status !== 'open' : status === 'draft' || status === 'scheduled') throw notOpenError(runtime);
  const result = checkAnswers(definition, options.answers, { wards, keyedIn: options.keyedIn === true });
  if (!result.ok) throw validationFailed(result.errors);
  const row: ResponseRow = {
    partnership_id: consultation.partnershipId,
    consultation_id: consultation.id,
    survey_version: consultation.surveyVersion,
    channel: options.channel,
    answers: toJson(result.answers),
    submitted_at: options.submittedAt ?? nowIso(),
    entered_by: options.enteredBy ?? null,
    idempotency_key: options.idempotencyKey ?? null,
    import_id: null,
    is_demo: fromBool(consultation.isDemo),
  };
  if (Object.keys(result.originals).length > 0) ORIGINALS.set(row, result.originals);
  return row;
}

/** The free text as typed of each row prepareResponse redacted, for the caller to keep if the partnership does. */
const ORIGINALS = new WeakMap<ResponseRow, Record<string, string>>();
export const originalsOf = (row: ResponseRow): Record<string, string> => ORIGINALS.get(row) ?? {};

/** Validates against the survey's current version and stores the response durably (group commit); never edits a stored one. */
export async function submitResponse(options: SubmitResponseOptions): Promise<StoredResponse> {
  const row = await prepareResponse(options);
  const stored = await options.writer.write(row);
  // After the response is durable: were this lost, only the original would be, never the redacted response.
  await keepOriginals(options.writer.db, { partnershipId: row.partnership_id, responseId: stored.id, originals: originalsOf(row) });
  return stored;
}
