/** Turning labels into stable codes, and "value|label" lines into options and grid rows. */
import { CODE_PATTERN, type GridRow, OPTION_VALUE_PATTERN, type SurveyOption } from '../definition.js';

/** Option values that mark an answer as non-substantive (left out of percentages of substantive answers). */
export const NON_SUBSTANTIVE_VALUES: readonly string[] = ['dont_know', 'prefer_not_to_say'];

/** "Don't know" -> "dont_know"; cut at a word boundary to at most `max` characters. */
export function codeFromLabel(label: string, max = 40): string {
  const slug = label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const boundary = cut.lastIndexOf('_');
  return (boundary > 0 ? cut.slice(0, boundary) : slug.slice(0, max)).replace(/_+$/, '');
}

/** A question or row code from a label: starts with a letter, as CODE_PATTERN requires. */
export function questionCodeFromLabel(label: string, max = 30): string {
  const slug = codeFromLabel(label, max);
  return slug === '' || CODE_PATTERN.test(slug) ? slug : `q_${slug}`;
}

export type LinesResult<T> = { ok: true; items: T[] } | { ok: false; message: string };

interface Line {
  number: number;
  code: string;
  label: string;
}

function splitLines(text: string, what: string, makeCode: (label: string) => string): LinesResult<Line> {
  const items: Line[] = [];
  const lines = text.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '') continue;
    const bar = line.indexOf('|');
    const label = (bar < 0 ? line : line.slice(bar + 1)).trim();
    const given = bar < 0 ? '' : line.slice(0, bar).trim();
    if (label === '')
      return {
        ok: false,
        message: `Line ${i + 1}: enter the ${what} label after "|"`,
      };
    const code = given || makeCode(label);
    if (code === '')
      return {
        ok: false,
        message: `Line ${i + 1}: enter a code before "|" (like ${what === 'row' ? 'in_the_day' : 'very_safe'})`,
      };
    items.push({ number: i + 1, code, label });
  }
  return { ok: true, items };
}

/** Options from lines "value|label" or "label" (the value made from the label). */
export function parseOptionLines(text: string): LinesResult<SurveyOption> {
  const split = splitLines(text, 'option', (label) => codeFromLabel(label));
  if (!split.ok) return split;
  for (const line of split.items) {
    if (!OPTION_VALUE_PATTERN.test(line.code)) {
      return {
        ok: false,
        message: `Line ${line.number}: option value "${line.code}" must use only a-z, 0-9 and _ (like very_safe)`,
      };
    }
  }
  return {
    ok: true,
    items: split.items.map(({ code, label }) => ({
      value: code,
      label,
      ...(NON_SUBSTANTIVE_VALUES.includes(code) ? { nonSubstantive: true as const } : {}),
    })),
  };
}

/** Grid rows from lines "code|label" or "label" (the code made from the question code and the label). */
export function parseRowLines(text: string, questionCode: string): LinesResult<GridRow> {
  const split = splitLines(text, 'row', (label) => {
    const slug = codeFromLabel(label, 30);
    return slug && `${questionCode}_${slug}`;
  });
  if (!split.ok) return split;
  for (const line of split.items) {
    if (!CODE_PATTERN.test(line.code)) {
      return {
        ok: false,
        message: `Line ${line.number}: row code "${line.code}" must start with a lower-case letter and use only a-z, 0-9 and _`,
      };
    }
  }
  return {
    ok: true,
    items: split.items.map(({ code, label }) => ({ code, label })),
  };
}
