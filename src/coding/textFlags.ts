/** Why an answer needs a second look before it is coded: pure, no I/O. */
export type TextFlag = 'empty' | 'enormous' | 'invalid_text' | 'not_english';

export const TEXT_FLAG_LABELS: Record<TextFlag, string> = {
  empty: 'Empty',
  enormous: 'Very long',
  invalid_text: 'Not valid text',
  not_english: 'Possibly not English',
};

/** More characters than this is "enormous": shown in part in lists, whole on its own page. */
export const ENORMOUS_CHARACTERS = 5000;

// Replacement character (what undecodable bytes become) and lone surrogates; then control characters other than tab and newlines.
const INVALID_UNSAFE = /\uFFFD|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Common English words: an English sentence of a few words almost always has some. */
const ENGLISH = new Set(
  'the a an and or but of to in on at for with is are was were be been it this that there they we you i my our your he she not no do does did have has had more less can would should could will about from by as if so too very than then when what why how need needs want all some any people area road street night'.split(
    ' ',
  ),
);
/** Common words of the languages most often met in UK surveys (Polish, Romanian, Spanish, Portuguese, French, Italian, German, Lithuanian, Welsh). */
const OTHER = new Set(
  'el la los las que y en por para del una un es muy más policía nie jest się na w z i że do jak ale są bardzo policja și este nu la cu pe mai foarte poliția não é os da com uma mais polícia le les des et est une pour pas dans sur plus très il che di non per sono più polizia der die das und ist nicht mit ein eine auf den zu sehr polizei ir yra ne su kad labai policija mae yn ac ar heddlu dim'.split(
    ' ',
  ),
);

const LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/u;
const LETTER = /\p{L}/u;

/**
 * The flags of a free-text answer: empty (nothing but spaces and punctuation), enormous (over 5,000 characters), not
 * valid text (undecodable bytes, lone surrogates, control characters), possibly not English (mostly non-Latin letters,
 * or more common words of another language than of English). Never throws, whatever it is given.
 */
export function textFlags(text: unknown): TextFlag[] {
  if (typeof text !== 'string') return ['invalid_text'];
  const flags: TextFlag[] = [];
  if (!/[\p{L}\p{N}]/u.test(text)) flags.push('empty');
  if ([...text].length > ENORMOUS_CHARACTERS) flags.push('enormous');
  if (INVALID_UNSAFE.test(text) || CONTROL.test(text)) flags.push('invalid_text');
  if (!flags.includes('empty') && looksNotEnglish(text)) flags.push('not_english');
  return flags;
}

function looksNotEnglish(text: string): boolean {
  const sample = text.slice(0, 20_000);
  let letters = 0;
  let latin = 0;
  for (const ch of sample) {
    if (!LETTER.test(ch)) continue;
    letters++;
    if (LATIN_LETTER.test(ch)) latin++;
  }
  if (letters >= 4 && latin / letters < 0.5) return true;
  const words = sample.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  let english = 0;
  let other = 0;
  for (const w of words) {
    if (ENGLISH.has(w)) english++;
    if (OTHER.has(w)) other++;
  }
  return other >= 2 && other > english;
}
