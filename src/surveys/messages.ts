/** GOV.UK-style error messages ("Select ...", "Enter ...") built from a question's errorName. */
import type { Column } from './columns.js';

const DEFAULT_NAME: Partial<Record<Column['type'], string>> = {
  ward: 'a ward',
  postcode: 'a postcode',
  date: 'a date',
  number: 'a number',
};

/** The phrase completing "Select ..." / "Enter ...": the row's or question's errorName, else a plain default. */
export function nameFor(column: Column): string {
  return column.row?.errorName ?? column.question.errorName ?? DEFAULT_NAME[column.type] ?? 'an answer';
}

/** The subject of a "... must be ..." sentence: "Your age must be a number". */
function subjectFor(column: Column): string {
  const name = column.row?.errorName ?? column.question.errorName;
  return name ? name.charAt(0).toUpperCase() + name.slice(1) : 'Your answer';
}

const SELECT_TYPES = new Set<Column['type']>(['single_choice', 'multiple_choice', 'rating_grid', 'ranking', 'ward']);

export const messages = {
  required: (c: Column) => `${SELECT_TYPES.has(c.type) ? 'Select' : 'Enter'} ${nameFor(c)}`,
  notAnOption: (c: Column, value: string) => `"${value}" is not one of the options: select ${nameFor(c)} from the list`,
  /** For staff keying in or importing: the codes that would do (labels are accepted too). */
  notACode: (c: Column, value: string, options: readonly { value: string }[]) =>
    `"${value}" is not an option of ${c.code}: use one of ${options.map((o) => o.value).join(', ')} (or the option's label)`,
  tooMany: (max: number) => `Select no more than ${max}`,
  repeated: () => 'Select each option only once',
  tooLong: (max: number) => `Your answer must be ${max} characters or less`,
  notText: (c: Column) => `Enter ${nameFor(c)} as text`,
  notNumber: (c: Column) => `${subjectFor(c)} must be a number`,
  notWhole: (c: Column) => `${subjectFor(c)} must be a whole number`,
  between: (c: Column, min: number, max: number) => `${subjectFor(c)} must be between ${min} and ${max}`,
  atLeast: (c: Column, min: number) => `${subjectFor(c)} must be ${min} or more`,
  atMost: (c: Column, max: number) => `${subjectFor(c)} must be ${max} or less`,
  postcode: () => 'Enter a real postcode, like CV1 2GN',
  ward: (c: Column) => `Select ${nameFor(c)} from the list`,
  date: (c: Column) => `${subjectFor(c)} must be a real date, like 10/07/2024 or 2024-07-10`,
  unknown: (key: string) => `Unknown question code "${key}"`,
  gridCode: (key: string, rows: string[]) => `Unknown question code "${key}": it is a grid, so give each row under its own code (${rows.join(', ')})`,
};
