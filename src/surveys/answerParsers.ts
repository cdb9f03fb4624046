/** Turning one raw value (JSON, HTML form, CSV cell) into a clean answer for one column, or a message. */
import type { Column } from './columns.js';
import type { AnswerValue, SurveyOption } from './definition.js';
import { messages } from './messages.js';
import { postcodeSector } from './postcode.js';

export interface Ward {
  code: string;
  name: string;
}
export interface AnswerContext {
  wards: Ward[];
  /**
   * Answers keyed in or imported by staff from paper and other channels: a required question may be blank (the form
   * came back that way, and "Don't know" would be false data), and a wrong value is told with the codes allowed.
   */
  keyedIn?: boolean;
}
export type Parsed = { value: AnswerValue } | { message: string };

/** Empty: missing, null, blank text, or a list with nothing in it. */
export function isBlank(raw: unknown): boolean {
  if (raw === undefined || raw === null) return true;
  if (typeof raw === 'string') return raw.trim() === '';
  if (Array.isArray(raw)) return raw.every(isBlank);
  return false;
}

/** A list from a string[] (HTML form, JSON), a ";"-separated string (CSV) or a single value; blanks dropped. */
function toList(raw: unknown): string[] | null {
  const items = Array.isArray(raw) ? raw : [raw];
  const out: string[] = [];
  for (const item of items) {
    if (isBlank(item)) continue;
    if (typeof item !== 'string' && typeof item !== 'number') return null;
    const text = String(item);
    for (const part of text.includes(';') ? text.split(';') : [text]) {
      const trimmed = part.trim();
      if (trimmed !== '') out.push(trimmed);
    }
  }
  return out;
}

/** An option by its code or its label, either in any case. */
function findOption(options: SurveyOption[], raw: string): string | undefined {
  const wanted = raw.trim().toLowerCase();
  return (options.find((o) => o.value.toLowerCase() === wanted) ?? options.find((o) => o.label.trim().toLowerCase() === wanted))?.value;
}

function one(raw: unknown): string | null {
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  if (Array.isArray(raw)) {
    const filled = raw.filter((r) => !isBlank(r));
    return filled.length === 1 ? one(filled[0]) : null;
  }
  return null;
}

/**
 * A raw value as text for a message. String() throws on an object whose toString is not a function, which a JSON
 * body can send ({"safe_day": {"toString": 1}}): that would be a 500 instead of the question's message.
 */
function shown(raw: unknown): string {
  try {
    return String(raw);
  } catch {
    return Array.isArray(raw) ? 'a list' : 'an object';
  }
}

function notAnOption(column: Column, options: SurveyOption[], value: string, keyedIn: boolean | undefined): Parsed {
  return { message: keyedIn ? messages.notACode(column, value, options) : messages.notAnOption(column, value) };
}

function parseSingle(column: Column, options: SurveyOption[], raw: unknown, keyedIn?: boolean): Parsed {
  const text = one(raw);
  if (text === null) return notAnOption(column, options, shown(raw), keyedIn);
  const value = findOption(options, text);
  return value === undefined ? notAnOption(column, options, text.trim(), keyedIn) : { value };
}

function parseList(column: Column, options: SurveyOption[], raw: unknown, limits: { max?: number; ordered: boolean; keyedIn?: boolean }): Parsed {
  const { max, ordered, keyedIn } = limits;
  const list = toList(raw);
  if (list === null) return notAnOption(column, options, shown(raw), keyedIn);
  const values: string[] = [];
  for (const item of list) {
    const value = findOption(options, item);
    if (value === undefined) return notAnOption(column, options, item, keyedIn);
    if (values.includes(value)) {
      if (ordered) return { message: messages.repeated() };
      continue;
    }
    values.push(value);
  }
  if (max !== undefined && values.length > max) return { message: messages.tooMany(max) };
  if (ordered) return { value: values };
  const inOptionOrder: string[] = [];
  for (const o of options) if (values.includes(o.value)) inOptionOrder.push(o.value);
  return { value: inOptionOrder };
}

function parseText(column: Column, raw: unknown, maxLength: number): Parsed {
  const text = one(raw);
  if (text === null) return { message: messages.notText(column) };
  const trimmed = text.trim().replace(/\r\n?/g, '\n');
  // Characters, not UTF-16 units; a text no longer in units than the limit cannot be longer in characters.
  if (trimmed.length > maxLength && [...trimmed].length > maxLength) return { message: messages.tooLong(maxLength) };
  return { value: trimmed };
}

function parseNumber(column: Column, raw: unknown, rules: { min?: number; max?: number; integer?: boolean }): Parsed {
  const text = one(raw);
  const cleaned = text?.trim().replace(/,/g, '') ?? '';
  const n = /^[-+]?(\d+\.?\d*|\.\d+)$/.test(cleaned) ? Number(cleaned) : Number.NaN;
  if (!Number.isFinite(n)) return { message: messages.notNumber(column) };
  if (rules.integer && !Number.isInteger(n)) return { message: messages.notWhole(column) };
  const { min, max } = rules;
  if (min !== undefined && max !== undefined && (n < min || n > max)) return { message: messages.between(column, min, max) };
  if (min !== undefined && n < min) return { message: messages.atLeast(column, min) };
  if (max !== undefined && n > max) return { message: messages.atMost(column, max) };
  return { value: n };
}

function parsePostcode(raw: unknown): Parsed {
  const text = one(raw);
  const sector = text === null ? null : postcodeSector(text);
  return sector === null ? { message: messages.postcode() } : { value: sector };
}

function parseWard(column: Column, raw: unknown, wards: Ward[]): Parsed {
  const text = one(raw)?.trim().toLowerCase();
  const ward = wards.find((w) => w.code.toLowerCase() === text) ?? wards.find((w) => w.name.toLowerCase() === text);
  return ward ? { value: ward.code } : { message: messages.ward(column) };
}

/** A real calendar date as YYYY-MM-DD, from YYYY-MM-DD or the UK's DD/MM/YYYY (a Date is taken by its UTC day). */
export function isoDate(raw: unknown): string | null {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : raw.toISOString().slice(0, 10);
  if (typeof raw !== 'string') return null;
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw.trim());
  const text = uk ? `${uk[3]}-${(uk[2] as string).padStart(2, '0')}-${(uk[1] as string).padStart(2, '0')}` : raw.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === text ? text : null;
}

/** Parses a non-blank raw value for one column. */
export function parseAnswer(column: Column, raw: unknown, context: AnswerContext): Parsed {
  const q = column.question;
  switch (q.type) {
    case 'single_choice':
    case 'rating_grid':
      return parseSingle(column, q.options, raw, context.keyedIn);
    case 'multiple_choice':
      return parseList(column, q.options, raw, { max: q.maxChoices, ordered: false, keyedIn: context.keyedIn });
    case 'ranking':
      return parseList(column, q.options, raw, { max: q.rankTop, ordered: true, keyedIn: context.keyedIn });
    case 'short_text':
    case 'long_text':
      return parseText(column, raw, q.maxLength);
    case 'number':
      return parseNumber(column, raw, q);
    case 'postcode':
      return parsePostcode(raw);
    case 'ward':
      return parseWard(column, raw, context.wards);
    case 'date': {
      const date = isoDate(raw);
      return date === null ? { message: messages.date(column) } : { value: date };
    }
  }
}
