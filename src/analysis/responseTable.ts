/**
 * Responses as columns of codes: one pass over the answers turns each export column (question or grid row)
 * into a typed array, so every frequency, cross-tab and weighted estimate afterwards is a pass over numbers.
 * Pure: the query layer feeds answers in as it streams them from the database.
 */

import { CHANNELS, channelLabel } from '../responses/index.js';
import type { Answers, SurveyDefinition, SurveyOption, Ward } from '../surveys/index.js';
import { type Column, columnsFor } from '../surveys/index.js';

/** Code of a blank answer; UNEXPECTED is an answer that is not a listed option (bad data). */
export const BLANK = -1;
export const UNEXPECTED = -2;

export interface ChoiceColumn {
  kind: 'choice';
  column: Column;
  options: SurveyOption[];
  /** Option index per respondent, or BLANK / UNEXPECTED. */
  codes: Int32Array;
}
export interface ListColumn {
  kind: 'list';
  column: Column;
  options: SurveyOption[];
  /** Option indexes chosen (multiple choice) or in rank order (ranking), each at most once; null when blank. */
  lists: (number[] | null)[];
}
export interface NumberColumn {
  kind: 'number';
  column: Column;
  /** NaN when blank. */
  values: Float64Array;
}
export interface AnsweredColumn {
  kind: 'answered';
  column: Column;
  /** 1 when answered (free text, postcode, date). */
  answered: Uint8Array;
}
export type TableColumn = ChoiceColumn | ListColumn | NumberColumn | AnsweredColumn;

export interface ResponseTable {
  n: number;
  columns: TableColumn[];
  byCode: Map<string, TableColumn>;
  /** The channel each response came in by (online, paper, ...), as a choice column. */
  channel: ChoiceColumn;
}

export function wardOptions(wards: readonly Ward[]): SurveyOption[] {
  return wards.map((w) => ({ value: w.code, label: w.name }));
}

/** A growable Int32Array (no boxed numbers, so 1,000,000 responses stay compact). */
class IntColumn {
  data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }
  done(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

interface Slot {
  column: Column;
  code: string;
  kind: TableColumn['kind'];
  options: SurveyOption[];
  index: Map<string, number>;
  ints: IntColumn;
  lists: (number[] | null)[];
  nums: number[];
}

const isBlank = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** Accumulates responses one at a time (bounded per-response work; memory is the columns only). */
export class ResponseTableBuilder {
  private readonly slots: Slot[];
  private readonly channelSlot: Slot;
  private n = 0;

  constructor(definition: SurveyDefinition, wards: readonly Ward[]) {
    this.slots = columnsFor(definition).map((column) => {
      const kind: TableColumn['kind'] =
        column.type === 'single_choice' || column.type === 'rating_grid' || column.type === 'ward'
          ? 'choice'
          : column.type === 'multiple_choice' || column.type === 'ranking'
            ? 'list'
            : column.type === 'number'
              ? 'number'
              : 'answered';
      const options = column.type === 'ward' ? wardOptions(wards) : (column.options ?? []);
      return {
        column,
        code: column.code,
        kind,
        options,
        index: new Map(options.map((o, i) => [o.value, i])),
        ints: new IntColumn(),
        lists: [],
        nums: [],
      };
    });
    const channelColumn: Column = {
      code: 'channel',
      label: 'Channel',
      type: 'single_choice',
      question: { code: 'channel', type: 'single_choice', label: 'Channel', required: false, options: [] },
    };
    const channelOptions = CHANNELS.map((c) => ({ value: c, label: channelLabel(c) }));
    this.channelSlot = {
      column: channelColumn,
      code: 'channel',
      kind: 'choice',
      options: channelOptions,
      index: new Map(channelOptions.map((o, i) => [o.value, i])),
      ints: new IntColumn(),
      lists: [],
      nums: [],
    };
  }

  add(answers: Answers, channel?: string): void {
    this.n++;
    for (const s of this.slots) {
      const v = answers[s.code];
      if (s.kind === 'choice')
        s.ints.push(v === undefined || v === null || v === '' ? BLANK : (s.index.get(typeof v === 'string' ? v : String(v)) ?? UNEXPECTED));
      else if (s.kind === 'list') {
        if (isBlank(v)) s.lists.push(null);
        else {
          const items = Array.isArray(v) ? v : [String(v)];
          const codes: number[] = [];
          for (const item of items) {
            const k = s.index.get(item);
            if (k !== undefined && !codes.includes(k)) codes.push(k);
          }
          s.lists.push(codes.length > 0 ? codes : null);
        }
      } else if (s.kind === 'number') s.nums.push(typeof v === 'number' ? v : isBlank(v) ? Number.NaN : Number(v));
      else s.ints.push(isBlank(v) ? 0 : 1);
    }
    const c = channel ?? (typeof answers.channel === 'string' ? answers.channel : undefined);
    if (c === undefined || c === '') this.channelSlot.ints.push(BLANK);
    else {
      let k = this.channelSlot.index.get(c);
      if (k === undefined) {
        k = this.channelSlot.options.length;
        this.channelSlot.options.push({ value: c, label: c });
        this.channelSlot.index.set(c, k);
      }
      this.channelSlot.ints.push(k);
    }
  }

  build(): ResponseTable {
    const columns: TableColumn[] = this.slots.map((s): TableColumn => {
      if (s.kind === 'choice') return { kind: 'choice', column: s.column, options: s.options, codes: s.ints.done() };
      if (s.kind === 'list') return { kind: 'list', column: s.column, options: s.options, lists: s.lists };
      if (s.kind === 'number') return { kind: 'number', column: s.column, values: Float64Array.from(s.nums) };
      return { kind: 'answered', column: s.column, answered: Uint8Array.from(s.ints.done()) };
    });
    const ch = this.channelSlot;
    return {
      n: this.n,
      columns,
      byCode: new Map(columns.map((c) => [c.column.code, c])),
      channel: { kind: 'choice', column: ch.column, options: ch.options, codes: ch.ints.done() },
    };
  }
}

/** A table from answers in memory; `channel` may be given inside each answers object. */
export function buildResponseTable(definition: SurveyDefinition, answers: readonly Answers[], wards: readonly Ward[]): ResponseTable {
  const b = new ResponseTableBuilder(definition, wards);
  for (const a of answers) b.add(a);
  return b.build();
}

/** Each respondent's code through a lookup (map[k] for codes k >= 0, -1 otherwise): a plain loop, since typed-array from() with a map function is slow. */
export function recode(codes: Int32Array, map: ArrayLike<number>): Int32Array {
  const out = new Int32Array(codes.length);
  for (let i = 0; i < codes.length; i++) {
    const k = codes[i] as number;
    out[i] = k >= 0 ? (map[k] as number) : -1;
  }
  return out;
}

/** The choice column for a code (the channel included), if the survey has one. */
export function choiceColumn(table: ResponseTable, code: string): ChoiceColumn | undefined {
  if (code === 'channel') return table.channel;
  const c = table.byCode.get(code);
  return c?.kind === 'choice' ? c : undefined;
}
