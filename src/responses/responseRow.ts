/** A response as stored: one row of the responses table, and how a batch of them is handed to a committer. */

export interface ResponseRow {
  partnership_id: string;
  consultation_id: string;
  survey_version: number;
  channel: string;
  answers: string;
  submitted_at: string;
  entered_by: string | null;
  idempotency_key: string | null;
  import_id: string | null;
  is_demo: number;
}

/** A row about to be stored, with the id and reference it is given. */
export interface NewResponse {
  id: string;
  reference: string;
  row: ResponseRow;
}

export const RESPONSE_COLUMNS = [
  'partnership_id',
  'id',
  'consultation_id',
  'reference',
  'survey_version',
  'channel',
  'answers',
  'submitted_at',
  'entered_by',
  'idempotency_key',
  'import_id',
  'is_demo',
] as const;
export type ResponseColumn = (typeof RESPONSE_COLUMNS)[number];

/** Appends the response's values in RESPONSE_COLUMNS order: a batch travels as one flat array of plain values. */
export function pushColumnValues(out: unknown[], { id, reference, row }: NewResponse): void {
  out.push(
    row.partnership_id,
    id,
    row.consultation_id,
    reference,
    row.survey_version,
    row.channel,
    row.answers,
    row.submitted_at,
    row.entered_by,
    row.idempotency_key,
    row.import_id,
    row.is_demo,
  );
}

/**
 * A row of a committed batch that was not stored as given: an earlier response with the same Idempotency-Key and
 * the same answers was found instead (a retry), or the key was used for different answers (refused), or its
 * reference was already taken (vanishingly rare; it goes again with a new one).
 */
export type RowOutcome = { status: 'duplicate'; id: string; reference: string } | { status: 'key_reused' } | { status: 'collision' };

/** Whether a stored response with the same Idempotency-Key answers the same request as the row: a retry, or a reused key. */
export function keyOutcome(existing: { id: string; reference: string; channel: string; answers: string }, row: ResponseRow): RowOutcome {
  if (existing.answers !== row.answers || existing.channel !== row.channel) return { status: 'key_reused' };
  return { status: 'duplicate', id: existing.id, reference: existing.reference };
}

/** The rows not stored as given, by their index in the batch: most batches have none. */
export type BatchOutcome = ReadonlyMap<number, RowOutcome>;

/** Stores a batch of responses in one transaction on one engine; resolves once it has committed durably. */
export interface Committer {
  commit(batch: readonly NewResponse[]): Promise<BatchOutcome>;
  close(): Promise<void>;
}
