import { stemmer } from 'stemmer';

/**
 * Words that carry no theme. Negations ("not", "no", "never", "nothing") are kept on purpose: "nothing" is how many
 * people say "no improvement needed", and "not" flips a phrase's meaning.
 */
export const STOPWORD_LIST: ReadonlySet<string> = new Set(
  (
    'a about above after again all am an and any are as at be because been before being below between both but by can could ' +
    'did do does doing down during each few for from further had has have having he her here hers herself him himself his how ' +
    'i if in into is it its itself just me more most my myself of off on once only or other our ours ourselves out over own ' +
    'same she should so some such than that the their theirs them themselves then there these they this those through to too ' +
    'under until up us very was we were what when where which while who whom why will with would you your yours yourself ' +
    'yourselves also get got im ive id youre theyre thats'
  ).split(' '),
);

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Lower-case words of a text, apostrophes removed ("didn't" -> "didnt"); nothing else dropped. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(WORD)) out.push(m[0].replace(/['’]/g, ''));
  return out;
}

const stemCache = new Map<string, string>();

/** The Porter stem of a lower-case word, cached (the same few thousand words recur). */
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = stemmer(word);
    if (stemCache.size < 200_000) stemCache.set(word, s);
  }
  return s;
}

/** Stems of the words that are not stop words, in order. */
export function stems(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) if (!STOPWORD_LIST.has(w) && w.length <= 40) out.push(stem(w));
  return out;
}

/** Stems and adjacent stem pairs: the features a person can read as key terms. */
export function termFeatures(text: string): string[] {
  const s = stems(text);
  const out = [...s];
  for (let i = 1; i < s.length; i++) out.push(`${s[i - 1]}|${s[i]}`);
  return out;
}

/**
 * The features of one text: its word stems; its adjacent stem pairs ("wait|long"), so "not listen" differs from
 * "listen"; and the character 4-grams of every word with its boundaries ("#wai", so misspellings such as "recieved"
 * still share most of their features with the word meant). Repeats are kept (they are term frequencies).
 * On the NHS bench the 4-grams raised micro-F1 from 0.71 to 0.73 and macro-F1 from 0.49 to 0.57.
 */
export function features(text: string): string[] {
  const out = termFeatures(text);
  for (const w of words(text)) {
    if (w.length > 40) continue;
    const padded = ` ${w} `;
    for (let i = 0; i + 4 <= padded.length; i++) out.push(`#${padded.slice(i, i + 4)}`);
  }
  return out;
}
