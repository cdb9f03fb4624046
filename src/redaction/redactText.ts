/**
 * Finds personal data in a resident's free text and replaces each piece with a typed placeholder. Pure: no I/O.
 *
 * Patterns find what has a written form (emails, UK phone numbers, postcodes, registration marks, house-number
 * addresses); names are found from name lists and compromise's part-of-speech reading (docs/redaction.md).
 */
import nlp from 'compromise';
import {
  FIRST_NAMES,
  NOT_NAME_WORDS,
  PERSON_CUES,
  PLACE_OR_ORGANISATION_ENDINGS,
  PLACES,
  SURNAMES,
  TITLES,
  WORD_NAMES,
  WORD_SURNAMES,
} from './wordLists.js';

export const REDACTION_KINDS = ['name', 'email', 'phone', 'postcode', 'address', 'vehicle'] as const;
export type RedactionKind = (typeof REDACTION_KINDS)[number];

/** A piece of personal data found: where it is in the text, its kind and what it becomes. */
export interface Finding {
  start: number;
  end: number;
  kind: RedactionKind;
  replacement: string;
}

export interface Redaction {
  text: string;
  /** Each kind found, with how many, in REDACTION_KINDS order; empty when nothing was found. */
  found: { kind: RedactionKind; count: number }[];
}

const MONTHS = new Set(['april', 'may', 'june', 'august']);

const placeholder = (kind: RedactionKind) => `[${kind}]`;

const EMAIL = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
/** A UK number written nationally (07700 900123, (024) 7683 1234) or internationally (+44 (0)7700 900123). */
const PHONE = /(?<![\w+])(?:\+\s?44\s?(?:\(0\)\s?)?|\(?0)(?:[\s\-.()]{0,2}\d){8,10}(?!\d)/g;
/** A full postcode: outward code, then the sector digit and the unit's two letters. */
const POSTCODE = /\b([A-Z]{1,2}\d[A-Z\d]?)\s*(\d)[ABD-HJLNP-UW-Z]{2}\b/gi;
/** Current (AB12 CDE), prefix (A123 BCD) and suffix (ABC 123D) registration marks. */
const VEHICLE = [/\b[A-Z]{2}\d{2}\s?[A-Z]{3}\b/gi, /\b[A-HJ-NP-Y]\d{1,3}\s?[A-Z]{3}\b/g, /\b[A-Z]{3}\s?\d{1,3}[A-HJ-NP-Y]\b/g];
const STREET_TYPES =
  'Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Way|Crescent|Cres|Grove|Place|Court|Ct|Gardens|Gdns|Terrace|Walk|Hill|Rise|Row|Highway|Square|Sq|Mews|Green|View|Parade|Croft|Vale|Boulevard';
/** A house number (or range, or flat and number) and one to three words ending in a street type. */
const ADDRESS = new RegExp(
  `\\b(?:(?:flat|apartment|apt|unit)\\s+\\d{1,4}[a-z]?,?\\s+)?\\d{1,4}[a-z]?(?:\\s*[-–]\\s*\\d{1,4}[a-z]?)?,?\\s+((?:[A-Za-z][A-Za-z'’.-]*\\s+){1,3})(${STREET_TYPES})\\b\\.?`,
  'gi',
);
/** Street types that, written in lower case, still mean a street ("14 acacia avenue"); "green", "way" or "close" may not. */
const LOWER_CASE_STREETS = new Set(['road', 'rd', 'street', 'avenue', 'ave', 'lane', 'crescent', 'terrace', 'gardens', 'grove', 'mews', 'boulevard']);
/** Words between a number and a street type that make it something other than an address ("5 minutes down the road"). */
const NOT_STREET_WORDS = new Set([
  ...NOT_NAME_WORDS,
  ...'minutes mins hours yards metres meters miles times days weeks months years kids children cars people houses doors lads youths men women bikes bins'.split(
    ' ',
  ),
]);

function matches(pattern: RegExp, text: string): RegExpExecArray[] {
  pattern.lastIndex = 0;
  return [...text.matchAll(pattern)];
}

function findPatterns(text: string): Finding[] {
  const found: Finding[] = [];
  // Every pattern but the email's needs a digit, and the email an @: most comments have neither.
  const hasDigit = /\d/.test(text);
  if (!hasDigit && !text.includes('@')) return found;
  for (const m of matches(EMAIL, text)) found.push({ start: m.index, end: m.index + m[0].length, kind: 'email', replacement: placeholder('email') });
  for (const m of matches(PHONE, text)) {
    const digits = m[0].replace(/\D/g, '');
    const national = m[0].trimStart().startsWith('+') ? `0${digits.slice(2).replace(/^0/, '')}` : digits;
    if (national.length !== 10 && national.length !== 11) continue;
    // "(07700 900123)": the bracket before is the sentence's, not the number's ("(024) 7683 1234").
    const start = m[0].startsWith('(') && !m[0].includes(')') ? m.index + 1 : m.index;
    found.push({ start, end: m.index + m[0].trimEnd().length, kind: 'phone', replacement: placeholder('phone') });
  }
  for (const m of matches(POSTCODE, text)) {
    const sector = `${(m[1] ?? '').toUpperCase()} ${m[2]}..`;
    found.push({ start: m.index, end: m.index + m[0].length, kind: 'postcode', replacement: sector });
  }
  for (const pattern of VEHICLE)
    for (const m of matches(pattern, text))
      found.push({ start: m.index, end: m.index + m[0].length, kind: 'vehicle', replacement: placeholder('vehicle') });
  for (const m of matches(ADDRESS, text)) {
    const between = (m[1] ?? '').trim().split(/\s+/);
    const type = m[2] ?? '';
    if (between.some((w) => NOT_STREET_WORDS.has(w.toLowerCase()) || /^\d/.test(w))) continue;
    const capitalised = /^[A-Z]/.test(type) && between.every((w) => /^[A-Z]/.test(w));
    if (!capitalised && !LOWER_CASE_STREETS.has(type.toLowerCase())) continue;
    const end = m.index + m[0].replace(/\.$/, '').length;
    found.push({ start: m.index, end, kind: 'address', replacement: placeholder('address') });
  }
  return found;
}

interface Token {
  text: string;
  /** Lower case, without a possessive 's. */
  key: string;
  start: number;
  /** End of the name itself (before any possessive 's). */
  end: number;
  capitalised: boolean;
  sentenceStart: boolean;
}

const WORD = /[A-Za-z][A-Za-z'’-]*/g;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    const bare = raw.replace(/['’]s$/i, '').replace(/['’-]+$/, '');
    let before = m.index - 1;
    while (before >= 0 && /\s/.test(text.charAt(before)) && text.charAt(before) !== '\n') before--;
    tokens.push({
      text: bare,
      key: bare.toLowerCase(),
      start: m.index,
      end: m.index + bare.length,
      capitalised: /^[A-Z][a-z'’]*(?:[A-Z][a-z]+)?$/.test(bare) || /^(?:Mc|Mac|O['’])[A-Z]/.test(bare),
      sentenceStart: before < 0 || /[.!?:;"“(\n]/.test(text.charAt(before)),
    });
  }
  return tokens;
}

/** compromise's own lexicon: word to tag(s), among them MaleName, FemaleName, FirstName and LastName. */
const LEXICON = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
const lexiconTags = (key: string): string[] => {
  const tags = LEXICON[key];
  return tags === undefined ? [] : Array.isArray(tags) ? tags : [tags];
};
const isFirstName = (key: string) =>
  FIRST_NAMES.has(key) || lexiconTags(key).some((t) => t === 'MaleName' || t === 'FemaleName' || t === 'FirstName');
const isSurname = (key: string) => SURNAMES.has(key) || lexiconTags(key).includes('LastName');

interface NlpTerm {
  text: string;
  pre: string;
  post: string;
  tags: Set<string>;
}

/**
 * compromise's tags for each word that starts at an offset, read only for the sentences that hold a name candidate:
 * its cost grows with the text, and a long answer usually names nobody in most of its sentences.
 */
function tagsByOffset(text: string, at: readonly number[]): Map<number, Set<string>> {
  const tags = new Map<number, Set<string>>();
  // Sentences, and a sentence longer than 300 characters in pieces that end at a space, so no call gets a huge text.
  for (const m of text.matchAll(/(?:[^.!?\n]{1,300}(?=[\s.!?]|$)|[^.!?\n]{1,300})[.!?]*\n?/g)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!at.some((offset) => offset >= start && offset < end)) continue;
    let offset = start;
    for (const terms of (nlp(m[0]) as unknown as { docs: NlpTerm[][] }).docs) {
      for (const term of terms) {
        offset += term.pre.length;
        if (term.text !== '') tags.set(offset, term.tags);
        offset += term.text.length + term.post.length;
      }
    }
  }
  return tags;
}

/** A name followed, within its run of capitalised words, by a road, place or organisation word: not a person. */
function endsInPlaceOrBody(tokens: Token[], i: number): boolean {
  for (let j = i + 1; j < tokens.length && j <= i + 4; j++) {
    const t = tokens[j] as Token;
    if (PLACE_OR_ORGANISATION_ENDINGS.has(t.key)) return true;
    if (!t.capitalised && !/^(?:of|and|the|[ivx]+)$/i.test(t.text)) return false;
  }
  return false;
}

function findNames(text: string): Finding[] {
  const tokens = tokenize(text);
  // Cheap checks first: most comments have no candidate, and then compromise is never called.
  const candidate = (t: Token, prev?: Token) =>
    !NOT_NAME_WORDS.has(t.key) &&
    !PLACES.has(t.key) &&
    (t.capitalised
      ? isFirstName(t.key) || isSurname(t.key) || (prev !== undefined && TITLES.has(prev.key))
      : FIRST_NAMES.has(t.key) && !WORD_NAMES.has(t.key) && prev !== undefined && PERSON_CUES.has(prev.key));
  const candidates = tokens.filter(
    (t, i) => candidate(t, tokens[i - 1]) && !/^(?:st|saint)$/.test(tokens[i - 1]?.key ?? '') && !endsInPlaceOrBody(tokens, i),
  );
  if (candidates.length === 0) return [];
  const tags = tagsByOffset(
    text,
    candidates.map((t) => t.start),
  );
  const tagged = (t: Token, tag: string) => tags.get(t.start)?.has(tag) === true;
  const protectedWord = (t: Token, i: number) =>
    PLACES.has(t.key) ||
    tagged(t, 'Place') ||
    tagged(t, 'Organization') ||
    endsInPlaceOrBody(tokens, i) ||
    /^(?:st|saint)$/i.test(tokens[i - 1]?.key ?? '');
  const adjacent = (a: Token, b: Token) => /^\s+$/.test(text.slice(a.end, b.start)) || text.slice(a.end, b.start) === '';

  const isName = (i: number): boolean => {
    const t = tokens[i] as Token;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    const afterTitle = prev !== undefined && TITLES.has(prev.key) && adjacent(prev, t);
    const afterCue = prev !== undefined && PERSON_CUES.has(prev.key);
    if (NOT_NAME_WORDS.has(t.key) || PLACES.has(t.key) || endsInPlaceOrBody(tokens, i)) return false;
    // After a title or a word like "neighbour" a person is meant, whatever compromise makes of the word.
    if (!(afterTitle || afterCue) && protectedWord(t, i)) return false;
    if (!t.capitalised) return FIRST_NAMES.has(t.key) && !WORD_NAMES.has(t.key) && afterCue;
    if (afterTitle) return true;
    const verbLike = tagged(t, 'Verb') || tagged(t, 'Modal') || tagged(t, 'Adjective') || tagged(t, 'Adverb');
    const surnameNext =
      next?.capitalised === true && adjacent(t, next) && isSurname(next.key) && !protectedWord(next, i + 1) && !NOT_NAME_WORDS.has(next.key);
    if (isFirstName(t.key)) {
      if (!WORD_NAMES.has(t.key)) return !verbLike || surnameNext;
      // A month (April, May, June) is a date unless something says otherwise.
      if (MONTHS.has(t.key) || tagged(t, 'Date')) return surnameNext || afterCue;
      return (
        surnameNext || afterCue || (tagged(t, 'Person') && !verbLike && !t.sentenceStart) || (tagged(t, 'Person') && !verbLike && nameLikeAfter(i))
      );
    }
    if (isSurname(t.key)) return !WORD_SURNAMES.has(t.key) && !verbLike && (tagged(t, 'Person') || tagged(t, 'LastName') || SURNAMES.has(t.key));
    return false;
  };
  /** A sentence-initial word-name reads as a person when a verb of speaking, seeing or doing follows ("Rose said"). */
  const nameLikeAfter = (i: number) => {
    const next = tokens[i + 1];
    return next !== undefined && (tagged(next, 'PastTense') || tagged(next, 'Copula') || next.key === 'and' || next.key === 'from');
  };

  const found: Finding[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!isName(i)) continue;
    const first = tokens[i] as Token;
    let last = first;
    // A name runs on over the capitalised words after it that are not places, bodies or ordinary words ("Dave Smithson").
    while (i + 1 < tokens.length) {
      const next = tokens[i + 1] as Token;
      const continues =
        adjacent(last, next) &&
        last.end === last.start + last.text.length &&
        text.slice(last.start, last.end + 2).match(/['’]s/) === null &&
        next.capitalised &&
        !next.sentenceStart &&
        !NOT_NAME_WORDS.has(next.key) &&
        !protectedWord(next, i + 1) &&
        !(tagged(next, 'Verb') && !isSurname(next.key)) &&
        (isSurname(next.key) || isFirstName(next.key) || tagged(next, 'ProperNoun') || tagged(next, 'Person'));
      if (!continues) break;
      last = next;
      i++;
    }
    found.push({ start: first.start, end: last.end, kind: 'name', replacement: placeholder('name') });
  }
  return found;
}

/** Every piece of personal data in the text, in order, none overlapping (a pattern's finding wins over a name). */
export function findPersonalData(text: string): Finding[] {
  const all = [...findPatterns(text), ...findNames(text)];
  const priority = (f: Finding) => (f.kind === 'name' ? 1 : 0);
  all.sort((a, b) => priority(a) - priority(b) || a.start - b.start || b.end - a.end);
  const kept: Finding[] = [];
  for (const f of all) if (!kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f);
  return kept.sort((a, b) => a.start - b.start);
}

/** The text with each piece of personal data replaced by its placeholder, and what was found. Empty text comes back as it was. */
export function redactText(text: string): Redaction {
  if (text.trim() === '') return { text, found: [] };
  const findings = findPersonalData(text);
  if (findings.length === 0) return { text, found: [] };
  let out = '';
  let at = 0;
  for (const f of findings) {
    out += text.slice(at, f.start) + f.replacement;
    at = f.end;
  }
  out += text.slice(at);
  const counts = new Map<RedactionKind, number>();
  for (const f of findings) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  return { text: out, found: REDACTION_KINDS.filter((k) => counts.has(k)).map((kind) => ({ kind, count: counts.get(kind) ?? 0 })) };
}
