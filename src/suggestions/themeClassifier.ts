import { seededRandom, shuffled } from './random.js';
import { buildVocabulary, dot, type SparseVector, type Vocabulary, vectorize } from './tfidf.js';

/** An answer a person has coded, with the themes they gave it (several or none). */
export interface CodedAnswer {
  text: string;
  themes: readonly string[];
}

/** A theme of the codebook: its name and description are used as extra training examples. */
export interface ThemeDefinition {
  name: string;
  description?: string;
}

export interface TrainingOptions {
  /** Passes over the training set (default 12). */
  epochs?: number;
  /** Starting learning rate of the stochastic gradient descent (default 0.8), decaying as 1 / (1 + t / n). */
  learningRate?: number;
  /** L2 penalty on the weights a step touches (default 1e-5). */
  l2?: number;
  /**
   * How much more a positive example of a theme counts than a negative one, at most (default 4): rare themes get
   * sqrt(negatives / positives), capped here, so a theme with ten examples is still proposed.
   */
  maxPositiveWeight?: number;
  /** How many times a theme's name and description count as an example of it (default 2). */
  descriptionWeight?: number;
  /** Seed of the training order (default 1). */
  seed?: number;
  /** Answers nobody has coded yet: they count towards the IDF (how rare a word is) but teach no theme. */
  uncoded?: readonly string[];
}

/** A trained one-vs-rest logistic regression over TF-IDF features: plain data, serialisable. */
export interface ThemeModel {
  vocabulary: Vocabulary;
  themes: string[];
  weights: Float64Array[];
  bias: number[];
  /** How many coded answers (not counting the descriptions) taught each theme. */
  examples: number[];
}

export interface Suggestion {
  theme: string;
  /** The model's probability that a person would code the answer with this theme, 0-1. */
  confidence: number;
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/**
 * Trains one logistic regression per theme (one-vs-rest, so an answer may have several themes) by stochastic
 * gradient descent over sublinear TF-IDF of word stems and stem pairs. Deterministic for a given seed.
 */
export function trainThemeModel(themes: readonly ThemeDefinition[], coded: readonly CodedAnswer[], options: TrainingOptions = {}): ThemeModel {
  const epochs = options.epochs ?? 12;
  const rate = options.learningRate ?? 0.8;
  const l2 = options.l2 ?? 1e-5;
  const maxPositiveWeight = options.maxPositiveWeight ?? 4;
  const descriptionWeight = options.descriptionWeight ?? 2;
  const names = themes.map((t) => t.name);
  const column = new Map(names.map((n, i) => [n, i]));

  const described = themes.map((t) => `${t.name}. ${t.description ?? ''}`);
  const vocabulary = buildVocabulary([...coded.map((c) => c.text), ...described, ...(options.uncoded ?? [])]);

  type Example = { x: SparseVector; labels: Set<number> };
  const examples: Example[] = coded.map((c) => ({
    x: vectorize(vocabulary, c.text),
    labels: new Set(c.themes.map((t) => column.get(t)).filter((i): i is number => i !== undefined)),
  }));
  const counts = names.map((_, k) => examples.filter((e) => e.labels.has(k)).length);
  for (let r = 0; r < descriptionWeight; r++) {
    described.forEach((text, k) => {
      examples.push({ x: vectorize(vocabulary, text), labels: new Set([k]) });
    });
  }

  const n = examples.length;
  const positiveWeight = names.map((_, k) => {
    const pos = counts[k] as number;
    const neg = coded.length - pos;
    return Math.min(maxPositiveWeight, Math.max(1, Math.sqrt(neg / Math.max(1, pos))));
  });
  const dims = vocabulary.terms.length;
  const weights = names.map(() => new Float64Array(dims));
  const bias = names.map(() => 0);
  const random = seededRandom(options.seed ?? 1);

  let step = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const { x, labels } of shuffled(examples, random)) {
      const eta = rate / (1 + step / n);
      step++;
      for (let k = 0; k < names.length; k++) {
        const w = weights[k] as Float64Array;
        const y = labels.has(k) ? 1 : 0;
        const p = sigmoid(dot(x, w) + (bias[k] as number));
        const g = (p - y) * (y ? (positiveWeight[k] as number) : 1);
        if (g === 0) continue;
        for (let j = 0; j < x.indices.length; j++) {
          const col = x.indices[j] as number;
          w[col] = (w[col] as number) * (1 - eta * l2) - eta * g * (x.values[j] as number);
        }
        bias[k] = (bias[k] as number) - eta * g * 0.1;
      }
    }
  }
  return { vocabulary, themes: names, weights, bias, examples: counts };
}

/** Every theme's probability for one text, in the model's theme order. */
export function themeProbabilities(model: ThemeModel, text: string): Float64Array {
  const x = vectorize(model.vocabulary, text);
  const out = new Float64Array(model.themes.length);
  for (let k = 0; k < model.themes.length; k++) out[k] = sigmoid(dot(x, model.weights[k] as Float64Array) + (model.bias[k] as number));
  return out;
}

export interface SuggestOptions {
  /** Propose a theme at or above this confidence (default 0.5). */
  threshold?: number;
  /** At most this many themes an answer (default 5). */
  max?: number;
  /**
   * When no theme reaches the threshold, propose the most likely one all the same if its confidence is at least this
   * (default 0.05; 1 turns it off). A person reviews every suggestion, and its low confidence says how unsure it is.
   */
  fallbackFloor?: number;
}

/** The themes proposed for one answer, most confident first, confidences rounded to two decimals. */
export function suggestThemes(model: ThemeModel, text: string, options: SuggestOptions = {}): Suggestion[] {
  const threshold = options.threshold ?? 0.5;
  const probabilities = themeProbabilities(model, text);
  const out: Suggestion[] = [];
  probabilities.forEach((p, k) => {
    if (p >= threshold) out.push({ theme: model.themes[k] as string, confidence: Math.round(p * 100) / 100 });
  });
  if (!out.length && probabilities.length) {
    let best = 0;
    probabilities.forEach((p, k) => {
      if (p > (probabilities[best] as number)) best = k;
    });
    const p = probabilities[best] as number;
    if (p >= (options.fallbackFloor ?? 0.05)) out.push({ theme: model.themes[best] as string, confidence: Math.round(p * 100) / 100 });
  }
  return out.sort((a, b) => b.confidence - a.confidence || a.theme.localeCompare(b.theme)).slice(0, options.max ?? 5);
}
