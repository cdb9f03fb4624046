/**
 * A consultation's answers as growing columns of codes: each response is encoded once, when it is appended,
 * and every analysis afterwards is a pass over numbers. Rows come either from answers (JSON parsed once) or from
 * stored column chunks (chunkCodec.ts); table() hands out views of the rows so far without copying them.
 */
import type { Answers, SurveyOption } from '../../surveys/index.js';
import type { ResponseTable, TableColumn } from '../responseTable.js';
import { GrowableBytes, GrowableFloats, GrowableInts } from './growable.js';
import { BLANK, CHANNEL_COLUMN, CHANNEL_OPTIONS, type ColumnSlot, channelOption, type TableLayout, UNEXPECTED } from './layout.js';

type SlotData =
  | { kind: 'choice'; codes: GrowableInts }
  | { kind: 'list'; starts: GrowableInts; items: GrowableInts }
  | { kind: 'number'; values: GrowableFloats }
  | { kind: 'answered'; flags: GrowableBytes };

/** One array of stored rows: codes may come back narrower than they were written (chunkCodec.ts). */
export type Part = Int8Array | Int16Array | Int32Array | Float64Array | Uint8Array;

/** One stored slice of rows: per slot its arrays in slot order (a list is its lengths then its items), then the channel codes. */
export interface EncodedRows {
  rows: number;
  /** The channel codes' meanings: channel values in code order. */
  channels: string[];
  parts: Part[];
}

const isBlank = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

function emptySlot(slot: ColumnSlot, capacity: number): SlotData {
  switch (slot.kind) {
    case 'choice':
      return { kind: 'choice', codes: new GrowableInts(capacity) };
    case 'list': {
      const starts = new GrowableInts(capacity + 1);
      starts.push(0);
      return { kind: 'list', starts, items: new GrowableInts(capacity) };
    }
    case 'number':
      return { kind: 'number', values: new GrowableFloats(capacity) };
    default:
      return { kind: 'answered', flags: new GrowableBytes(capacity) };
  }
}

export class AnswerColumns {
  private readonly data: SlotData[];
  private readonly channelCodes: GrowableInts;
  private readonly channelOptions: SurveyOption[] = [...CHANNEL_OPTIONS];
  private readonly channelIndex = new Map(CHANNEL_OPTIONS.map((o, i) => [o.value, i]));
  private rowCount = 0;
  private lastTable: ResponseTable | null = null;

  /** `capacity`: the rows expected, so that loading stored columns allocates once. */
  constructor(
    readonly layout: TableLayout,
    capacity = 1024,
  ) {
    this.data = layout.slots.map((s) => emptySlot(s, capacity));
    this.channelCodes = new GrowableInts(capacity);
  }

  get rows(): number {
    return this.rowCount;
  }

  /** Bytes held, for the cache's budget. */
  get bytes(): number {
    let total = this.channelCodes.bytes;
    for (const d of this.data) {
      if (d.kind === 'choice') total += d.codes.bytes;
      else if (d.kind === 'list') total += d.starts.bytes + d.items.bytes;
      else if (d.kind === 'number') total += d.values.bytes;
      else total += d.flags.bytes;
    }
    return total;
  }

  /** Encodes one response; `channel` falls back to a `channel` inside the answers. */
  append(answers: Answers, channel?: string): void {
    const { slots } = this.layout;
    for (let s = 0; s < slots.length; s++) {
      const slot = slots[s] as ColumnSlot;
      const d = this.data[s] as SlotData;
      const v = slot.derive ? slot.derive(answers) : answers[slot.column.code];
      if (d.kind === 'choice')
        d.codes.push(v === undefined || v === null || v === '' ? BLANK : (slot.index.get(typeof v === 'string' ? v : String(v)) ?? UNEXPECTED));
      else if (d.kind === 'list') {
        // Known options only, each once, in the order given (a ranking's order is its meaning).
        const first = d.items.length;
        if (!isBlank(v)) {
          for (const item of Array.isArray(v) ? v : [String(v)]) {
            const k = slot.index.get(item);
            if (k !== undefined && !d.items.includes(k, first)) d.items.push(k);
          }
        }
        d.starts.push(d.items.length);
      } else if (d.kind === 'number') d.values.push(typeof v === 'number' ? v : isBlank(v) ? Number.NaN : Number(v));
      else d.flags.push(isBlank(v) ? 0 : 1);
    }
    const c = channel ?? (typeof answers.channel === 'string' ? answers.channel : undefined);
    this.channelCodes.push(c === undefined || c === '' ? BLANK : this.channelCode(c));
    this.rowCount++;
  }

  private channelCode(value: string): number {
    let k = this.channelIndex.get(value);
    if (k === undefined) {
      k = this.channelOptions.length;
      this.channelOptions.push(channelOption(value));
      this.channelIndex.set(value, k);
    }
    return k;
  }

  /** Rows [from, to) as arrays for storage. */
  encoded(from: number, to: number): EncodedRows {
    const parts: EncodedRows['parts'] = [];
    for (const d of this.data) {
      if (d.kind === 'choice') parts.push(d.codes.view(from, to));
      else if (d.kind === 'list') {
        const starts = d.starts.view(from, to + 1);
        const lengths = new Int32Array(to - from);
        for (let i = 0; i < lengths.length; i++) lengths[i] = (starts[i + 1] as number) - (starts[i] as number);
        parts.push(lengths, d.items.view(starts[0], starts[to - from]));
      } else if (d.kind === 'number') parts.push(d.values.view(from, to));
      else parts.push(d.flags.view(from, to));
    }
    parts.push(this.channelCodes.view(from, to));
    return { rows: to - from, channels: this.channelOptions.map((o) => o.value), parts };
  }

  /** Appends rows stored by encoded() under the same layout. */
  appendEncoded(rows: EncodedRows): void {
    let p = 0;
    const next = () => {
      const part = rows.parts[p++];
      if (!part) throw new Error('stored answer columns have fewer parts than the layout');
      return part;
    };
    for (const d of this.data) {
      if (d.kind === 'choice') d.codes.pushAll(next());
      else if (d.kind === 'list') {
        const lengths = next();
        let end = d.items.length;
        d.starts.reserve(d.starts.length + lengths.length);
        for (let i = 0; i < lengths.length; i++) {
          end += lengths[i] as number;
          d.starts.push(end);
        }
        d.items.pushAll(next());
      } else if (d.kind === 'number') d.values.pushAll(next());
      else d.flags.pushAll(next());
    }
    const meaning = rows.channels.map((value) => this.channelCode(value));
    const codes = next();
    const mapped = new Int32Array(codes.length);
    for (let i = 0; i < codes.length; i++) {
      const k = codes[i] as number;
      mapped[i] = k >= 0 ? (meaning[k] as number) : k;
    }
    this.channelCodes.pushAll(mapped);
    this.rowCount += rows.rows;
  }

  /** The rows so far as a ResponseTable (the same object until rows are appended, so per-table caches hold). */
  table(): ResponseTable {
    if (this.lastTable?.n === this.rowCount) return this.lastTable;
    const n = this.rowCount;
    const columns = this.layout.slots.map((slot, s): TableColumn => {
      const d = this.data[s] as SlotData;
      const { column, options } = slot;
      if (d.kind === 'choice') return { kind: 'choice', column, options, codes: d.codes.view(0, n) };
      if (d.kind === 'list') return { kind: 'list', column, options, starts: d.starts.view(0, n + 1), items: d.items.view() };
      if (d.kind === 'number') return { kind: 'number', column, values: d.values.view(0, n) };
      return { kind: 'answered', column, answered: d.flags.view(0, n) };
    });
    this.lastTable = {
      n,
      // Derived columns (ward from postcode, deprivation) serve breakdowns and filters, not as questions of their own.
      columns: columns.filter((_, s) => !this.layout.slots[s]?.derive),
      byCode: new Map(columns.map((c) => [c.column.code, c])),
      channel: { kind: 'choice', column: CHANNEL_COLUMN, options: [...this.channelOptions], codes: this.channelCodes.view(0, n) },
    };
    return this.lastTable;
  }
}
