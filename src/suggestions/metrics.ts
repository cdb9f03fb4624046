/** Counts of one theme's agreement between a model and people. */
export interface ThemeCounts {
  truePositive: number;
  falsePositive: number;
  falseNegative: number;
}

export interface F1Report {
  /** F1 over every decision pooled (dominated by common themes). */
  micro: number;
  /** The mean of each theme's F1 (every theme counts the same). */
  macro: number;
  perTheme: Map<string, ThemeCounts & { f1: number }>;
}

const f1 = (tp: number, fp: number, fn: number) => (tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn));

/**
 * Micro and macro F1 of predicted theme sets against people's, over the themes listed (others are ignored).
 * A theme with no true and no predicted answers is left out of the macro mean.
 */
export function multiLabelF1(themes: readonly string[], truth: readonly (readonly string[])[], predicted: readonly (readonly string[])[]): F1Report {
  const counts = new Map<string, ThemeCounts>(themes.map((t) => [t, { truePositive: 0, falsePositive: 0, falseNegative: 0 }]));
  truth.forEach((actual, i) => {
    const guess = new Set(predicted[i] ?? []);
    const real = new Set(actual);
    for (const [theme, c] of counts) {
      if (real.has(theme) && guess.has(theme)) c.truePositive++;
      else if (guess.has(theme)) c.falsePositive++;
      else if (real.has(theme)) c.falseNegative++;
    }
  });
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const perTheme = new Map<string, ThemeCounts & { f1: number }>();
  const scores: number[] = [];
  for (const [theme, c] of counts) {
    tp += c.truePositive;
    fp += c.falsePositive;
    fn += c.falseNegative;
    const score = f1(c.truePositive, c.falsePositive, c.falseNegative);
    perTheme.set(theme, { ...c, f1: score });
    if (c.truePositive + c.falsePositive + c.falseNegative > 0) scores.push(score);
  }
  return { micro: f1(tp, fp, fn), macro: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : 0, perTheme };
}
