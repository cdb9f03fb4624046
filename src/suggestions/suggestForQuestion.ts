import { clusterAnswers } from './clusterAnswers.js';
import { type Sentiment, scoreSentiment } from './sentiment.js';
import { type Suggestion, type SuggestOptions, suggestThemes, type ThemeDefinition, trainThemeModel } from './themeClassifier.js';

/** One answer to a question, by its response reference. */
export interface ReferencedAnswer {
  reference: string;
  text: string;
}

/** One element of `saferplan codes suggest --format json`: an answer nobody has coded, with the themes proposed. */
export interface AnswerSuggestions {
  reference: string;
  themes: Suggestion[];
  /** Approximate, from a word list (shown as such). */
  sentiment: Sentiment;
}

export interface SuggestForQuestionOptions extends SuggestOptions {
  /** The codebook: every theme, with its description (used as an example). */
  themes: readonly ThemeDefinition[];
  /** Answers people have coded, with their themes (names from the codebook). */
  coded: readonly (ReferencedAnswer & { themes: readonly string[] })[];
  /** Answers nobody has coded yet: the ones that get suggestions. */
  uncoded: readonly ReferencedAnswer[];
}

/**
 * Suggestions for every uncoded answer of one question, learned from the coded ones and the codebook (in the order
 * given). Without any theme there is nothing to suggest: every answer comes back with no themes.
 */
export function suggestForQuestion({ themes, coded, uncoded, ...options }: SuggestForQuestionOptions): AnswerSuggestions[] {
  const model = themes.length ? trainThemeModel(themes, coded, { uncoded: uncoded.map((a) => a.text) }) : undefined;
  return uncoded.map((a) => ({
    reference: a.reference,
    themes: model ? suggestThemes(model, a.text, options) : [],
    sentiment: scoreSentiment(a.text).sentiment,
  }));
}

/** A candidate new theme as pages and JSON show it. */
export interface DiscoveredTheme {
  keyTerms: string[];
  size: number;
  quotes: ReferencedAnswer[];
}

/** Candidate new themes among the uncoded answers of one question (see clusterAnswers). */
export function discoverThemes(uncoded: readonly ReferencedAnswer[], options: { k?: number; seed?: number } = {}): DiscoveredTheme[] {
  return clusterAnswers(uncoded, (a) => a.text, options).map((c) => ({
    keyTerms: c.keyTerms,
    size: c.size,
    quotes: c.examples.map(({ reference, text }) => ({ reference, text })),
  }));
}
