import { features, termFeatures } from './tokenize.js';

/** A sparse vector: feature indices in increasing order, and their values. */
export interface SparseVector {
  indices: Int32Array;
  values: Float64Array;
}

/**
 * Which features a vocabulary counts: `classifier` (stems, stem pairs, character 4-grams: best for suggesting
 * themes) or `terms` (stems and stem pairs only: readable key terms for clusters).
 */
export type FeatureKind = 'classifier' | 'terms';

const featuresOf = (kind: FeatureKind) => (kind === 'terms' ? termFeatures : features);

export interface Vocabulary {
  kind: FeatureKind;
  /** feature -> column */
  index: Map<string, number>;
  /** column -> feature */
  terms: string[];
  /** inverse document frequency per column: ln((1 + n) / (1 + df)) + 1, as scikit-learn's smooth_idf */
  idf: Float64Array;
}

/** The vocabulary of a corpus: features seen in at least `minCount` documents, with their smoothed IDF. */
export function buildVocabulary(texts: readonly string[], minCount = 1, kind: FeatureKind = 'classifier'): Vocabulary {
  const df = new Map<string, number>();
  const featurize = featuresOf(kind);
  for (const text of texts) for (const f of new Set(featurize(text))) df.set(f, (df.get(f) ?? 0) + 1);
  const terms = [...df.entries()]
    .filter(([, n]) => n >= minCount)
    .map(([t]) => t)
    .sort();
  const index = new Map(terms.map((t, i) => [t, i]));
  const n = texts.length;
  const idf = new Float64Array(terms.length);
  terms.forEach((t, i) => {
    idf[i] = Math.log((1 + n) / (1 + (df.get(t) as number))) + 1;
  });
  return { kind, index, terms, idf };
}

/** TF-IDF of one text with sublinear term frequency (1 + ln tf), L2-normalised; unknown features are ignored. */
export function vectorize(vocabulary: Vocabulary, text: string): SparseVector {
  const counts = new Map<number, number>();
  for (const f of featuresOf(vocabulary.kind)(text)) {
    const i = vocabulary.index.get(f);
    if (i !== undefined) counts.set(i, (counts.get(i) ?? 0) + 1);
  }
  const indices = Int32Array.from([...counts.keys()].sort((a, b) => a - b));
  const values = new Float64Array(indices.length);
  let norm = 0;
  indices.forEach((col, k) => {
    const v = (1 + Math.log(counts.get(col) as number)) * (vocabulary.idf[col] as number);
    values[k] = v;
    norm += v * v;
  });
  norm = Math.sqrt(norm);
  if (norm > 0) for (let k = 0; k < values.length; k++) values[k] = (values[k] as number) / norm;
  return { indices, values };
}

/** Dot product of a sparse vector with a dense one. */
export function dot(x: SparseVector, w: Float64Array): number {
  let s = 0;
  for (let k = 0; k < x.indices.length; k++) s += (x.values[k] as number) * (w[x.indices[k] as number] as number);
  return s;
}
