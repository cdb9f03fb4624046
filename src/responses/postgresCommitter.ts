import type pg from 'pg';
import {
  type BatchOutcome,
  type Committer,
  keyOutcome,
  type NewResponse,
  pushColumnValues,
  RESPONSE_COLUMNS,
  type ResponseColumn,
  type RowOutcome,
} from './responseRow.js';

const ARRAY_TYPES: Record<ResponseColumn, string> = {
  partnership_id: 'text[]',
  id: 'text[]',
  consultation_id: 'text[]',
  reference: 'text[]',
  survey_version: 'integer[]',
  channel: 'text[]',
  answers: 'text[]',
  submitted_at: 'text[]',
  entered_by: 'text[]',
  idempotency_key: 'text[]',
  import_id: 'text[]',
  is_demo: 'integer[]',
};

/**
 * One statement, whatever the batch size: each column travels as one array parameter and unnest turns them back
 * into rows, so the text never changes (prepared once per connection) and no batch nears PostgreSQL's limit of
 * 65,535 parameters. A single statement commits on its own: one round trip, not begin, insert and commit.
 */
const INSERT = {
  name: 'saferplan-store-responses',
  text: `insert into responses (${RESPONSE_COLUMNS.join(', ')}) select * from unnest(${RESPONSE_COLUMNS.map((c, i) => `$${i + 1}::${ARRAY_TYPES[c]}`).join(', ')}) on conflict do nothing returning id`,
};
const BY_KEY = {
  name: 'saferplan-response-by-idempotency-key',
  text: 'select id, reference, channel, answers from responses where partnership_id = $1 and consultation_id = $2 and idempotency_key = $3',
};

/** Commits batches of responses through the pool, each as one insert of every row. */
export class PostgresCommitter implements Committer {
  private readonly insert: { name?: string; text: string };
  private readonly byKey: { name?: string; text: string };
  /** `namedStatements` false behind pgbouncer in transaction mode (database.ts poolerOf). */
  constructor(
    private readonly pool: pg.Pool,
    namedStatements = true,
  ) {
    this.insert = namedStatements ? INSERT : { text: INSERT.text };
    this.byKey = namedStatements ? BY_KEY : { text: BY_KEY.text };
  }

  async commit(batch: readonly NewResponse[]): Promise<BatchOutcome> {
    const inserted = await this.pool.query<{ id: string }>({ ...this.insert, values: columnArrays(batch) });
    const outcome = new Map<number, RowOutcome>();
    if (inserted.rows.length === batch.length) return outcome;
    const stored = new Set(inserted.rows.map((r) => r.id));
    for (const [i, { id, row }] of batch.entries()) {
      if (stored.has(id)) continue;
      const existing = row.idempotency_key
        ? (
            await this.pool.query<{ id: string; reference: string; channel: string; answers: string }>({
              ...this.byKey,
              values: [row.partnership_id, row.consultation_id, row.idempotency_key],
            })
          ).rows[0]
        : undefined;
      outcome.set(i, existing ? keyOutcome(existing, row) : { status: 'collision' });
    }
    return outcome;
  }

  async close(): Promise<void> {
    // The pool belongs to the database handle, which closes it.
  }
}

/** The batch as one array per column, in RESPONSE_COLUMNS order. */
function columnArrays(batch: readonly NewResponse[]): unknown[][] {
  const width = RESPONSE_COLUMNS.length;
  const values: unknown[] = [];
  for (const response of batch) pushColumnValues(values, response);
  return RESPONSE_COLUMNS.map((_, column) => {
    const array: unknown[] = new Array(batch.length);
    for (let row = 0; row < batch.length; row++) array[row] = values[row * width + column];
    return array;
  });
}
