/**
 * The column store: each consultation's answers as columns of codes, kept current as responses arrive.
 * - In this process: one AnswerColumns per consultation, caught up on every use with the responses that arrived
 *   after its mark (usually none or a few, read through one index), evicted least recently used over a budget.
 * - In the database: the same columns in chunks (answer_chunks), so a process that starts cold (`saferplan analyse`)
 *   reads a few blobs and the rows after the last chunk's mark instead of parsing every response's JSON.
 * Columns are reused only under the layout they were encoded with: a new survey version or new wards rebuild them.
 */
import type { DbHandle } from '../../db/database.js';
import { responsesArrivedAfter } from '../../responses/index.js';
import { answerChunks } from '../queries/answerChunks.js';
import type { ResponseTable } from '../responseTable.js';

import { AnswerColumns, type EncodedRows } from './answerColumns.js';
import { ChunkFormatError, decodeChunk } from './chunkCodec.js';
import type { TableLayout } from './layout.js';
import { type ChunkRef, saveAnswerChunk } from './saveAnswerChunk.js';

/** Rows read from responses but not yet in a stored chunk, beyond which the process stores them. */
export const SAVE_AFTER_ROWS = 1000;
/** Memory for the columns of consultations not in use (about 40 bytes a response for the crime survey). */
const DEFAULT_BUDGET_BYTES = 256 * 1024 * 1024;

interface Entry {
  columns: AnswerColumns;
  /** The arrival mark after the last row read; null before the first read. */
  mark: string | null;
  /** The stored chain's last chunk as far as this process knows; null when there is none yet. */
  saved: ChunkRef | null;
  /** False once another process was found saving this consultation: it keeps the chunks, this one only reads. */
  saving: boolean;
}

export interface ConsultationKey {
  partnershipId: string;
  consultationId: string;
}

export class ColumnStore {
  private readonly entries = new Map<string, Entry>();
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly handle: Pick<DbHandle, 'db' | 'dialect' | 'driver'>,
    private readonly budgetBytes = DEFAULT_BUDGET_BYTES,
  ) {}

  /** The consultation's answers as a table holding every response stored before this call. */
  table(key: ConsultationKey, layout: TableLayout): Promise<ResponseTable> {
    const id = `${key.partnershipId}\u0000${key.consultationId}`;
    // One catch-up at a time per consultation: two at once would append the same responses twice.
    const run = (this.queues.get(id) ?? Promise.resolve()).catch(() => undefined).then(() => this.current(id, key, layout));
    this.queues.set(id, run);
    // Both outcomes handled here: `run.finally(...)` would be a second promise rejecting with no one to catch it.
    const forget = () => {
      if (this.queues.get(id) === run) this.queues.delete(id);
    };
    run.then(forget, forget);
    return run;
  }

  private async current(id: string, key: ConsultationKey, layout: TableLayout): Promise<ResponseTable> {
    let entry = this.entries.get(id);
    if (entry?.columns.layout.fingerprint !== layout.fingerprint) entry = await this.load(key, layout);
    this.entries.delete(id);
    this.entries.set(id, entry); // most recently used last
    if (!(await this.catchUp(key, entry))) {
      entry = { columns: new AnswerColumns(layout), mark: null, saved: null, saving: true };
      this.entries.set(id, entry);
      await this.catchUp(key, entry);
    }
    const stored = entry.saved ? entry.saved.firstRow + entry.saved.rowCount : 0;
    if (entry.saving && entry.mark !== null && entry.columns.rows - stored >= SAVE_AFTER_ROWS) {
      const saved = await saveAnswerChunk({ db: this.handle.db, ...key, columns: entry.columns, mark: entry.mark, last: entry.saved });
      if (saved) entry.saved = saved;
      else entry.saving = false;
    }
    this.evict();
    return entry.columns.table();
  }

  /** Appends the responses that arrived after the entry's mark; false when the mark is stale (start again). */
  private async catchUp(key: ConsultationKey, entry: Entry): Promise<boolean> {
    const outcome = await responsesArrivedAfter(this.handle, { ...key, after: entry.mark }, (page) => {
      for (const r of page) entry.columns.append(r.answers, r.channel);
    });
    if ('stale' in outcome) return false;
    entry.mark = outcome.mark;
    return true;
  }

  /** The stored chunks that form an unbroken chain under this layout, decoded into fresh columns. */
  private async load(key: ConsultationKey, layout: TableLayout): Promise<Entry> {
    const chain: { ref: ChunkRef; rows: EncodedRows }[] = [];
    let total = 0;
    for (const c of await answerChunks(this.handle.db, key)) {
      const previous = chain.at(-1)?.ref;
      if (c.layout !== layout.fingerprint || c.position !== chain.length || c.first_row !== total || c.after_mark !== (previous?.mark ?? null)) break;
      let rows: EncodedRows;
      try {
        rows = decodeChunk(c.columns);
      } catch (err) {
        if (err instanceof ChunkFormatError) break;
        throw err;
      }
      if (rows.rows !== c.row_count) break;
      chain.push({ ref: { position: c.position, firstRow: c.first_row, rowCount: c.row_count, afterMark: c.after_mark, mark: c.mark }, rows });
      total += c.row_count;
    }
    const columns = new AnswerColumns(layout, total + SAVE_AFTER_ROWS);
    for (const { rows } of chain) columns.appendEncoded(rows);
    const last = chain.at(-1)?.ref ?? null;
    return { columns, mark: last?.mark ?? null, saved: last, saving: true };
  }

  /** Drops the least recently used consultations while the total is over budget (never the one just used). */
  private evict(): void {
    let total = 0;
    for (const e of this.entries.values()) total += e.columns.bytes;
    for (const [id, e] of this.entries) {
      if (total <= this.budgetBytes || this.entries.size <= 1) return;
      this.entries.delete(id);
      total -= e.columns.bytes;
    }
  }
}

const stores = new WeakMap<object, ColumnStore>();

/** The column store of a database (one per open handle, so tests and processes never share one). */
export function columnStoreFor(handle: Pick<DbHandle, 'db' | 'dialect' | 'driver'>): ColumnStore {
  let store = stores.get(handle.db);
  if (!store) {
    store = new ColumnStore(handle);
    stores.set(handle.db, store);
  }
  return store;
}
