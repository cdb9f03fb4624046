import { seededRandom } from './random.js';
import { buildVocabulary, dot, type SparseVector, vectorize } from './tfidf.js';
import { STOPWORD_LIST, stem, words } from './tokenize.js';

export interface ClusterOptions {
  /** How many clusters; default round(sqrt(n / 2)) between 2 and 12. */
  k?: number;
  /** Seed of k-means++ (default 1). */
  seed?: number;
  /** Key terms a cluster (default 5). */
  terms?: number;
  /** Example quotes a cluster (default 3). */
  quotes?: number;
  /** Clusters smaller than this are not proposed (default 3). */
  minSize?: number;
  /** Most k-means passes (default 50). */
  maxIterations?: number;
}

/** A candidate new theme: a group of similar uncoded answers. */
export interface CandidateTheme<T> {
  /** The words that most mark the group, readable ("long wait", "parking"). */
  keyTerms: string[];
  /** How many answers fell in it. */
  size: number;
  /** The answers nearest the group's centre, distinct, as quotes. */
  examples: T[];
  /** Every answer in it. */
  members: T[];
}

/** The commonest written form of each stem in the texts, so key terms read as words ("waiting", not "wait"). */
function surfaceForms(texts: readonly string[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const text of texts) {
    for (const w of words(text)) {
      if (STOPWORD_LIST.has(w)) continue;
      const s = stem(w);
      const c = counts.get(s) ?? new Map<string, number>();
      counts.set(s, c);
      c.set(w, (c.get(w) ?? 0) + 1);
    }
  }
  const out = new Map<string, string>();
  for (const [s, c] of counts) out.set(s, [...c.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? s);
  return out;
}

function normalise(v: Float64Array): void {
  let n = 0;
  for (const x of v) n += x * x;
  n = Math.sqrt(n);
  if (n > 0) for (let i = 0; i < v.length; i++) v[i] = (v[i] as number) / n;
}

/**
 * Groups answers nobody has coded into candidate themes: spherical k-means (cosine similarity) over TF-IDF of word
 * stems and stem pairs, seeded by k-means++, deterministic for a seed. Answers with no content words (empty, "n/a")
 * join no group. Each group comes with key terms (its centre's heaviest features) and the answers nearest its centre.
 */
export function clusterAnswers<T>(items: readonly T[], textOf: (item: T) => string, options: ClusterOptions = {}): CandidateTheme<T>[] {
  const texts = items.map(textOf);
  const vocabulary = buildVocabulary(texts, 2, 'terms');
  const vectors: { item: T; text: string; x: SparseVector }[] = [];
  items.forEach((item, i) => {
    const x = vectorize(vocabulary, texts[i] as string);
    if (x.indices.length) vectors.push({ item, text: texts[i] as string, x });
  });
  const n = vectors.length;
  if (n < 2) return [];
  const k = Math.min(n, options.k ?? Math.max(2, Math.min(12, Math.round(Math.sqrt(n / 2)))));
  const dims = vocabulary.terms.length;
  const random = seededRandom(options.seed ?? 1);

  // k-means++: each next centre drawn with probability proportional to its cosine distance from the nearest so far.
  const dense = (x: SparseVector) => {
    const v = new Float64Array(dims);
    x.indices.forEach((col, j) => {
      v[col] = x.values[j] as number;
    });
    return v;
  };
  const centres: Float64Array[] = [dense((vectors[Math.floor(random() * n)] as (typeof vectors)[number]).x)];
  const nearest = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  while (centres.length < k) {
    const last = centres[centres.length - 1] as Float64Array;
    let total = 0;
    vectors.forEach((v, i) => {
      const d = Math.max(0, 1 - dot(v.x, last));
      if (d < (nearest[i] as number)) nearest[i] = d;
      total += nearest[i] as number;
    });
    if (total <= 0) break;
    let u = random() * total;
    let pick = n - 1;
    for (let i = 0; i < n; i++) {
      u -= nearest[i] as number;
      if (u <= 0) {
        pick = i;
        break;
      }
    }
    centres.push(dense((vectors[pick] as (typeof vectors)[number]).x));
  }

  const assignment = new Int32Array(n).fill(-1);
  for (let iteration = 0; iteration < (options.maxIterations ?? 50); iteration++) {
    let moved = 0;
    vectors.forEach((v, i) => {
      let best = 0;
      let bestSim = Number.NEGATIVE_INFINITY;
      centres.forEach((c, j) => {
        const s = dot(v.x, c);
        if (s > bestSim) {
          bestSim = s;
          best = j;
        }
      });
      if (assignment[i] !== best) moved++;
      assignment[i] = best;
    });
    if (moved === 0) break;
    for (const c of centres) c.fill(0);
    vectors.forEach((v, i) => {
      const c = centres[assignment[i] as number] as Float64Array;
      v.x.indices.forEach((col, j) => {
        c[col] = (c[col] as number) + (v.x.values[j] as number);
      });
    });
    for (const c of centres) normalise(c);
  }

  const surface = surfaceForms(texts);
  const readable = (feature: string) =>
    feature
      .split('|')
      .map((s) => surface.get(s) ?? s)
      .join(' ');
  const out: CandidateTheme<T>[] = [];
  centres.forEach((c, j) => {
    const members = vectors.map((v, i) => ({ v, i })).filter(({ i }) => assignment[i] === j);
    if (members.length < (options.minSize ?? 3)) return;
    const keyTerms: string[] = [];
    const ranked = [...c.keys()].filter((col) => (c[col] as number) > 0).sort((a, b) => (c[b] as number) - (c[a] as number) || a - b);
    for (const col of ranked) {
      const term = readable(vocabulary.terms[col] as string);
      const parts = term.split(' ');
      if (keyTerms.some((t) => t === term || t.split(' ').includes(term))) continue;
      // A pair replaces the single words it is made of ("street lights", not "street", "lights", "street lights").
      for (let i = keyTerms.length - 1; i >= 0; i--) if (parts.length > 1 && parts.includes(keyTerms[i] as string)) keyTerms.splice(i, 1);
      keyTerms.push(term);
      if (keyTerms.length >= (options.terms ?? 5)) break;
    }
    const seen = new Set<string>();
    const examples: T[] = [];
    for (const { v } of [...members].sort((a, b) => dot(b.v.x, c) - dot(a.v.x, c) || a.i - b.i)) {
      const key = v.text.trim().toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      examples.push(v.item);
      if (examples.length >= (options.quotes ?? 3)) break;
    }
    out.push({ keyTerms, size: members.length, examples, members: members.map(({ v }) => v.item) });
  });
  return out.sort((a, b) => b.size - a.size || (a.keyTerms[0] ?? '').localeCompare(b.keyTerms[0] ?? ''));
}
