import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { byGroup } from '../../src/stats/byGroup.js';
import { createDesign } from '../../src/stats/design.js';
import { type RakingMargin, rake } from '../../src/stats/raking.js';
import { raoScottChiSquare } from '../../src/stats/raoScott.js';
import { weightedProportions } from '../../src/stats/weightedEstimates.js';
import type { Benchmark, Result } from '../support/types.js';

const run = promisify(execFile);

const N = 100_000;
const WARD = 20;
const LEVELS = 4;

/** Deterministic synthetic survey: skewed sample (more women, older people, some wards) and an outcome linked to them. */
function syntheticSurvey() {
  let seed = 20240710;
  const rand = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 4294967296;
  };
  const pick = (probs: number[]) => {
    const u = rand();
    let acc = 0;
    for (let k = 0; k < probs.length; k++) {
      acc += probs[k] as number;
      if (u < acc) return k;
    }
    return probs.length - 1;
  };
  const wardProbs = Array.from({ length: WARD }, (_, k) => 1 + (k % 5));
  const wardSum = wardProbs.reduce((a, b) => a + b, 0);
  const sex = new Int32Array(N);
  const age = new Int32Array(N);
  const ward = new Int32Array(N);
  const outcome = new Int32Array(N);
  for (let i = 0; i < N; i++) {
    sex[i] = pick([0.62, 0.38]);
    age[i] = pick([0.06, 0.11, 0.15, 0.19, 0.23, 0.26]);
    ward[i] = pick(wardProbs.map((p) => p / wardSum));
    const shift = 0.15 * (sex[i] as number) - 0.03 * (age[i] as number) + 0.01 * ((ward[i] as number) % 7);
    outcome[i] = pick([0.3 - shift / 2, 0.35, 0.2 + shift / 4, 0.15 + shift / 4]);
  }
  const total = 345_325;
  const share = (weights: number[]) => {
    const s = weights.reduce((a, b) => a + b, 0);
    const t = weights.map((w) => Math.round((w / s) * total));
    t[0] = (t[0] as number) + total - t.reduce((a, b) => a + b, 0);
    return t;
  };
  const totals = {
    sex: share([51, 49]),
    age: share([18, 18, 16, 15, 15, 18]),
    ward: share(Array.from({ length: WARD }, (_, k) => 10 + (k % 3))),
  };
  return { sex, age, ward, outcome, totals };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function time<T>(repeats: number, fn: () => T): { ms: number; value: T } {
  let value = fn(); // warm-up
  const times: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    value = fn();
    times.push(performance.now() - t0);
  }
  return { ms: median(times), value };
}

const R_SCRIPT = `
suppressMessages(library(survey))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
for (v in c("sex", "age", "ward", "outcome")) d[[v]] <- factor(d[[v]])
m <- read.csv(args[2])
pop <- lapply(c("sex", "age", "ward"), function(v) {
  x <- m[m$variable == v, ]
  out <- data.frame(factor(x$value, levels = levels(d[[v]])), x$population)
  names(out) <- c(v, "Freq")
  out
})
des <- svydesign(ids = ~1, weights = ~1, data = d)
t_rake <- system.time(raked <- rake(des, list(~sex, ~age, ~ward), pop, control = list(maxit = 100, epsilon = 1e-9)))[["elapsed"]]
t_by <- system.time(by <- svyby(~outcome, ~ward, raked, svymean))[["elapsed"]]
t_chisq <- system.time(ch <- svychisq(~outcome + ward, raked))[["elapsed"]]
cat(sprintf('{"rake": %.6f, "svyby": %.6f, "svychisq": %.6f, "F": %.15g, "firstSe": %.15g}\\n',
  t_rake, t_by, t_chisq, unname(ch$statistic), as.matrix(SE(by))[1]))
`;

async function timeR(
  data: ReturnType<typeof syntheticSurvey>,
): Promise<{ rake: number; svyby: number; svychisq: number; F: number; firstSe: number } | string> {
  try {
    await run('Rscript', ['-e', 'suppressMessages(library(survey))']);
  } catch {
    return 'R with the survey package is not installed (apt-get install r-cran-survey): R side skipped';
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saferplan-bench-raking-'));
  try {
    const lines = ['sex,age,ward,outcome'];
    for (let i = 0; i < N; i++) lines.push(`${data.sex[i]},${data.age[i]},${data.ward[i]},${data.outcome[i]}`);
    fs.writeFileSync(path.join(dir, 'data.csv'), `${lines.join('\n')}\n`);
    const margins = ['variable,value,population'];
    for (const [name, totals] of Object.entries(data.totals)) {
      for (const [k, t] of totals.entries()) margins.push(`${name},${k},${t}`);
    }
    fs.writeFileSync(path.join(dir, 'margins.csv'), `${margins.join('\n')}\n`);
    fs.writeFileSync(path.join(dir, 'bench.R'), R_SCRIPT);
    const { stdout } = await run('Rscript', [path.join(dir, 'bench.R'), path.join(dir, 'data.csv'), path.join(dir, 'margins.csv')], {
      maxBuffer: 1 << 20,
      timeout: 600_000,
    });
    const json = stdout.trim().split('\n').pop() as string;
    return JSON.parse(json) as { rake: number; svyby: number; svychisq: number; F: number; firstSe: number };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const benchmark: Benchmark = {
  name: 'raking and weighted analysis',
  description: `rake ${N.toLocaleString('en-GB')} respondents on sex (2), age band (6), ward (20) to 1e-9; weighted cross-tab by ward with calibration-aware SEs; Rao-Scott chi-square; vs R survey (rake, svyby, svychisq) in the same run`,
  async run(): Promise<Result[]> {
    const data = syntheticSurvey();
    const margins: RakingMargin[] = [
      { name: 'sex', codes: data.sex, totals: data.totals.sex },
      { name: 'age', codes: data.age, totals: data.totals.age },
      { name: 'ward', codes: data.ward, totals: data.totals.ward },
    ];
    const raking = time(9, () => rake(margins, { epsilon: 1e-9 }));
    const raked = raking.value;
    if (!raked.ok) throw raked.error;
    const calibration = margins.map((m) => ({ codes: m.codes, size: m.totals.length }));
    const crossTab = time(9, () =>
      byGroup(createDesign(raked.weights, calibration), { codes: data.ward, size: WARD }, weightedProportions(data.outcome, LEVELS)),
    );
    const design = createDesign(raked.weights, calibration);
    const raoScott = time(9, () => raoScottChiSquare(design, data.outcome, LEVELS, data.ward, WARD));

    const r = await timeR(data);
    const rNote = typeof r === 'string' ? r : '';
    const agreement =
      typeof r === 'string'
        ? ''
        : `; vs R: Rao-Scott F differs by ${Math.abs(raoScott.value.statistic / r.F - 1).toExponential(1)} relative, first SE by ${Math.abs((crossTab.value[0]?.levels[0]?.se ?? 0) / r.firstSe - 1).toExponential(1)}`;
    const figure = (name: string, ms: number, rSeconds: number | undefined, ratio: number, absolute: number, notes: string): Result => ({
      name,
      value: ms,
      unit: 'ms',
      better: 'lower',
      ...(rSeconds === undefined
        ? { target: { kind: 'atMost', value: absolute } }
        : { target: { kind: 'ratioAtMost', ratio }, baseline: { name: 'R survey', value: rSeconds * 1000 } }),
      notes: `${notes}${rNote ? `; ${rNote}` : ''}`,
    });
    const results: Result[] = [
      figure(
        'rake 100k x 3 margins',
        raking.ms,
        typeof r === 'string' ? undefined : r.rake,
        0.1,
        50,
        `median of 9; ${raked.iterations} sweeps, max margin error ${raked.maxRelativeMarginError.toExponential(1)}`,
      ),
      figure(
        'weighted cross-tab by ward + SEs',
        crossTab.ms,
        typeof r === 'string' ? undefined : r.svyby,
        0.02,
        160,
        `median of 9; design cells + ${WARD} wards x ${LEVELS} levels with linearised SEs${agreement}`,
      ),
      figure(
        'Rao-Scott chi-square',
        raoScott.ms,
        typeof r === 'string' ? undefined : r.svychisq,
        0.02,
        320,
        `median of 9; ${LEVELS} x ${WARD} table, F = ${raoScott.value.statistic.toFixed(4)}, p = ${raoScott.value.p.toExponential(2)}`,
      ),
    ];
    if (typeof r !== 'string') {
      results.push(
        { name: 'R rake', value: r.rake * 1000, unit: 'ms', better: 'lower', target: { kind: 'none' } },
        { name: 'R svyby', value: r.svyby * 1000, unit: 'ms', better: 'lower', target: { kind: 'none' } },
        { name: 'R svychisq', value: r.svychisq * 1000, unit: 'ms', better: 'lower', target: { kind: 'none' } },
      );
    }
    return results;
  },
};

export default benchmark;
