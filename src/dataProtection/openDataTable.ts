/**
 * A consultation's open data (docs/data-protection.md): its counted responses as an anonymised table and a data
 * dictionary. Published: choice, grid, ranking, ward and number answers. Never published: free text, postcodes,
 * dates, equality answers and references. Rows come in a random order (by their random ids, not as they arrived),
 * numbered from 1; the ward is a key column under small-cell suppression (suppressSmallCells.ts). Pure.
 */
import type { Answers, AnswerValue, Column, SurveyDefinition, SurveyOption } from '../surveys/index.js';
import { columnsFor } from '../surveys/index.js';
import { personalCodes } from './personalAnswers.js';
import { type Cell, suppressSmallCells } from './suppressSmallCells.js';

const PUBLISHED_TYPES = new Set(['single_choice', 'multiple_choice', 'rating_grid', 'ranking', 'ward', 'number']);
const TYPE_NAMES: Record<string, string> = {
  single_choice: 'single choice',
  multiple_choice: 'multiple choice',
  rating_grid: 'single choice (grid row)',
  ranking: 'ranking',
  ward: 'ward',
  number: 'number',
};

export const DICTIONARY_HEADER = ['column', 'question', 'type', 'values', 'notes'] as const;

export interface OpenDataInput {
  definition: SurveyDefinition;
  wards: readonly { code: string; name: string }[];
  /** The counted responses, each with its id (which orders the rows). */
  responses: readonly { id: string; answers: Answers }[];
  /** The partnership's suppression minimum. */
  minimum: number;
}

export interface OpenData {
  header: string[];
  rows: Cell[][];
  dictionary: string[][];
  /** Rows whose key columns were blanked. */
  suppressedRows: number;
}

/** The columns published: fixed-option, ward and number answers that are not equality monitoring. */
export function publishedColumns(definition: SurveyDefinition): Column[] {
  const { equality } = personalCodes([definition]);
  return columnsFor(definition).filter((c) => PUBLISHED_TYPES.has(c.type) && !equality.includes(c.code));
}

const cellOf = (value: AnswerValue | undefined): Cell => {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(';');
  return value;
};

const labelled = (options: readonly Pick<SurveyOption, 'value' | 'label'>[]) => options.map((o) => `${o.value} = ${o.label}`).join('; ');

function dictionaryRow(column: Column, wards: OpenDataInput['wards'], minimum: number): string[] {
  const notes: string[] = ['Blank: not answered, or not asked'];
  let values = '';
  if (column.type === 'ward') {
    values = labelled(wards.map((w) => ({ value: w.code, label: w.name })));
    notes.push(`Key column: blanked where fewer than ${minimum} rows share the value (small-cell suppression)`);
  } else if (column.options) values = labelled(column.options);
  if (column.type === 'multiple_choice') notes.push('Every option chosen, separated by semicolons');
  if (column.type === 'ranking') notes.push('The options ranked, most important first, separated by semicolons');
  if (column.type === 'number') values = 'a number';
  return [column.code, column.label, TYPE_NAMES[column.type] ?? column.type, values, notes.join('. ')];
}

export function openDataTable({ definition, wards, responses, minimum }: OpenDataInput): OpenData {
  const columns = publishedColumns(definition);
  const header = ['row', ...columns.map((c) => c.code)];
  const ordered = [...responses].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const raw = ordered.map((r, i) => [i + 1, ...columns.map((c) => cellOf(r.answers[c.code]))]);
  const keys = columns.flatMap((c, i) => (c.type === 'ward' ? [i + 1] : []));
  const { rows, blanked } = suppressSmallCells(raw, keys, minimum);
  const dictionary = [
    ['row', 'Row number', 'number', '1 upwards', 'Rows are in a random order, not the order responses arrived; no reference numbers are published'],
    ...columns.map((c) => dictionaryRow(c, wards, minimum)),
  ];
  return { header, rows, dictionary, suppressedRows: blanked.length };
}
