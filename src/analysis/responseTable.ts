/**
 * Responses as columns of codes: each export column (question or grid row) is a typed array, so every frequency,
 * cross-tab and weighted estimate is a pass over numbers. columns/answerColumns.ts encodes answers into them;
 * the column store (columns/) keeps them current as responses arrive.
 */

import type { Answers, Column, SurveyDefinition, SurveyOption, Ward } from '../surveys/index.js';
import { AnswerColumns } from './columns/answerColumns.js';
import type { AreaLookup } from './columns/areaColumns.js';
import { tableLayout } from './columns/layout.js';

export interface ChoiceColumn {
  kind: 'choice';
  column: Column;
  options: SurveyOption[];
  /** Option index per respondent, or BLANK (-1) / UNEXPECTED (-2) (columns/layout.ts). */
  codes: Int32Array;
}
export interface ListColumn {
  kind: 'list';
  column: Column;
  options: SurveyOption[];
  /**
   * Respondent i's option indexes are items[starts[i]] up to items[starts[i + 1]]: those chosen (multiple choice)
   * or in rank order (ranking), each at most once; none when blank. starts has n + 1 entries.
   */
  starts: Int32Array;
  items: Int32Array;
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

/** A table from answers in memory, encoded as the column store encodes them; `channel` may be given inside each answers object. */
export function buildResponseTable(
  definition: SurveyDefinition,
  answers: readonly Answers[],
  wards: readonly Ward[],
  areas?: AreaLookup,
): ResponseTable {
  const columns = new AnswerColumns(tableLayout(definition, wards, areas), answers.length);
  for (const a of answers) columns.append(a);
  return columns.table();
}

/** Each respondent's code through a lookup (map[k] for codes k >= 0, -1 for blank and unexpected answers). */
export function recode(codes: Int32Array, map: ArrayLike<number>): Int32Array {
  // The look-up from code + 2, so that the loop has no branch (codes start at UNEXPECTED = -2).
  const shifted = new Int32Array(map.length + 2);
  shifted[0] = -1;
  shifted[1] = -1;
  shifted.set(map, 2);
  const out = new Int32Array(codes.length);
  for (let i = 0; i < codes.length; i++) out[i] = shifted[(codes[i] as number) + 2] as number;
  return out;
}

/** The choice column for a code (the channel included), if the survey has one. */
export function choiceColumn(table: ResponseTable, code: string): ChoiceColumn | undefined {
  if (code === 'channel') return table.channel;
  const c = table.byCode.get(code);
  return c?.kind === 'choice' ? c : undefined;
}
