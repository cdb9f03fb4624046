/** The coding pages' view models: plain data for coding/views/. Pure. */
import type { Consultation } from '../consultations/index.js';
import type { Partnership } from '../partnerships/index.js';
import type { FieldError } from '../platform/errors.js';
import { html } from '../platform/html.js';
import type { TableRow } from '../platform/pageContexts.js';
import { errorSummaryItems, messagesByField } from '../platform/validation.js';
import type { Agreement } from './agreement.js';
import { filterAnswers, filterQuery, isCoded, PAGE_SIZE } from './filterAnswers.js';
import { codebookTree, type Theme } from './queries/listThemes.js';
import type { TextAnswer, TextQuestion } from './queries/textAnswers.js';
import type { ThemeResultsOutcome } from './queries/themeResultsOf.js';
import { EMPTY_STATE, type UnitState } from './queries/unitStates.js';
import type { AnswerFilters } from './schema.js';
import { ENORMOUS_CHARACTERS, TEXT_FLAG_LABELS, type TextFlag } from './textFlags.js';
import type { ThemeCell } from './themeResults.js';
import { type CodingPass, WORKSHOP_ITEMS_QUESTION } from './units.js';
import type { Workspace } from './workspace.js';

interface Base {
  consultation: Consultation;
  partnership: Partnership;
}
const base = (b: Base, title: string, fields: readonly FieldError[] = []) => ({
  title,
  partnership: b.partnership,
  consultation: { id: b.consultation.id, title: b.consultation.title, isDemo: b.consultation.isDemo },
  home: `/staff/consultations/${b.consultation.id}/coding`,
  errors: errorSummaryItems(fields),
  fieldErrors: messagesByField(fields),
});

const flagTags = (flags: readonly TextFlag[]) => flags.map((f) => TEXT_FLAG_LABELS[f]);
const LIST_PREVIEW = 600;
/** Text for a list: whole up to 600 characters, else its start; the answer's page shows all of it. */
const preview = (text: string) => (text.length > LIST_PREVIEW ? { text: `${text.slice(0, LIST_PREVIEW)}…`, cut: true } : { text, cut: false });
const answerHref = (consultationId: string, a: TextAnswer, blind = false) =>
  `/staff/consultations/${consultationId}/coding/${blind ? 'blind' : 'answers'}/${encodeURIComponent(a.reference)}/${a.questionCode}`;

export function overviewPage(b: Base, w: Workspace, done?: string) {
  const questions = w.questions.map((q) => {
    const answers = w.answers.filter((a) => a.questionCode === q.code);
    const coded = answers.filter((a) => isCoded(w.states.get(a.unitKey))).length;
    return {
      code: q.code,
      label: q.label,
      answers: answers.length,
      coded,
      flagged: answers.filter((a) => a.flags.length).length,
      nextHref:
        answers.length > coded
          ? `/staff/consultations/${b.consultation.id}/coding/answers${filterQuery({ question: q.code, filter: 'uncoded' })}`
          : null,
      listHref: `/staff/consultations/${b.consultation.id}/coding/answers${filterQuery({ question: q.code })}`,
    };
  });
  return {
    ...base(b, `Theme coding: ${b.consultation.title}`),
    questions,
    themeCount: w.themes.length,
    sampleSize: w.sample.size,
    done: done ?? null,
  };
}

const themeItem = (t: Theme & { depth: 0 | 1 }, checked: boolean) => ({
  value: t.id,
  text: t.name,
  hint: { text: t.description },
  checked,
  classes: t.depth ? 'app-theme--child' : undefined,
});

export function codebookPage(
  b: Base,
  themes: readonly Theme[],
  counts: ReadonlyMap<string, { primary: number; blind: number }>,
  opts: { values?: Record<string, string>; fields?: readonly FieldError[]; notice?: string } = {},
) {
  const tree = codebookTree(themes);
  return {
    ...base(b, `Codebook: ${b.consultation.title}`, opts.fields),
    rows: tree.map(
      (t): TableRow => [
        {
          html: `${t.depth ? '<span class="govuk-visually-hidden">Under the theme above: </span>— ' : ''}${html`<a class="govuk-link" href="/staff/consultations/${b.consultation.id}/coding/codebook/${t.id}">${t.name}</a>`}`,
        },
        { text: t.code },
        { text: t.description },
        { text: counts.get(t.id)?.primary ?? 0, format: 'numeric' },
      ],
    ),
    parentItems: [
      { value: '', text: 'None: a top-level theme' },
      ...tree.filter((t) => t.depth === 0).map((t) => ({ value: t.id, text: t.name, selected: opts.values?.parentId === t.id })),
    ],
    values: opts.values ?? {},
    notice: opts.notice ?? null,
  };
}

export function themePage(
  b: Base,
  themes: readonly Theme[],
  theme: Theme,
  coded: number,
  opts: { values?: Record<string, string>; fields?: readonly FieldError[] } = {},
) {
  const tops = codebookTree(themes).filter((t) => t.depth === 0 && t.id !== theme.id);
  const values = opts.values ?? { name: theme.name, code: theme.code, description: theme.description, parentId: theme.parentId ?? '' };
  return {
    ...base(b, `Theme: ${theme.name}`, opts.fields),
    theme,
    coded,
    values,
    action: `/staff/consultations/${b.consultation.id}/coding/codebook/${theme.id}`,
    parentItems: [
      { value: '', text: 'None: a top-level theme' },
      ...tops.map((t) => ({ value: t.id, text: t.name, selected: values.parentId === t.id })),
    ],
    mergeItems: [
      { value: '', text: 'Choose a theme' },
      ...codebookTree(themes)
        .filter((t) => t.id !== theme.id)
        .map((t) => ({ value: t.id, text: `${t.depth ? '— ' : ''}${t.name}` })),
    ],
  };
}

export function splitPage(
  b: Base,
  theme: Theme,
  names: readonly string[],
  codings: readonly { unitKey: string; reference: string; question: string; text: string }[],
  fields: readonly FieldError[] = [],
) {
  const options = [...names.map((n, i) => ({ value: String(i), text: n })), { value: 'keep', text: `Keep on ${theme.name}` }];
  return {
    ...base(b, `Split the theme ${theme.name}`, fields),
    theme,
    action: `/staff/consultations/${b.consultation.id}/coding/codebook/${theme.id}/split`,
    names: names.join('\n'),
    confirming: names.length >= 2 && fields.length === 0,
    codings: codings.map((c, i) => ({
      ...c,
      ...preview(c.text),
      field: `unit_${i}`,
      items: options.map((o) => ({ ...o, checked: o.value === 'keep' })),
    })),
  };
}

interface ListInput {
  w: Workspace;
  filters: AnswerFilters;
  pass: CodingPass;
}

function filterItems(w: Workspace, f: AnswerFilters) {
  return {
    questionItems: [
      { value: '', text: 'Every question' },
      ...w.questions.map((q) => ({ value: q.code, text: q.label, selected: f.question === q.code })),
    ],
    filterItems: [
      { value: 'all', text: 'All answers' },
      { value: 'uncoded', text: 'Not coded yet' },
      { value: 'coded', text: 'Coded' },
      { value: 'flagged', text: 'Flagged: empty, very long, not valid text or not English' },
    ].map((o) => ({ ...o, selected: (f.filter ?? 'all') === o.value })),
    themeItems: [
      { value: '', text: 'Any theme' },
      ...codebookTree(w.themes).map((t) => ({ value: t.id, text: `${t.depth ? '— ' : ''}${t.name}`, selected: f.theme === t.id })),
    ],
    flagItems: [
      { value: '', text: 'Any' },
      ...(Object.keys(TEXT_FLAG_LABELS) as TextFlag[]).map((k) => ({ value: k, text: TEXT_FLAG_LABELS[k], selected: f.flag === k })),
    ],
  };
}

export function answersPage(b: Base, { w, filters }: ListInput, notice?: string) {
  const shown = filterAnswers(w.answers, w.states, filters);
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  const page = Math.min(filters.page ?? 1, pages);
  const nameOf = new Map(w.themes.map((t) => [t.id, t.name]));
  const questionOf = new Map(w.questions.map((q) => [q.code, q.label]));
  const query = (p: number) => filterQuery(filters, { page: String(p) });
  const list = `/staff/consultations/${b.consultation.id}/coding/answers`;
  return {
    ...base(b, `Answers to code: ${b.consultation.title}`),
    ...filterItems(w, filters),
    filters,
    notice: notice ?? null,
    total: shown.length,
    page,
    pages,
    previousHref: page > 1 ? `${list}${query(page - 1)}` : null,
    nextHref: page < pages ? `${list}${query(page + 1)}` : null,
    firstHref: shown[0] ? `${answerHref(b.consultation.id, shown[0])}${filterQuery(filters)}` : null,
    bulkAction: `${list}/bulk`,
    bulkThemeItems: [
      { value: '', text: 'Choose a theme' },
      ...codebookTree(w.themes).map((t) => ({ value: t.id, text: `${t.depth ? '— ' : ''}${t.name}` })),
    ],
    answers: shown.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((a) => {
      const state = w.states.get(a.unitKey) ?? EMPTY_STATE;
      return {
        unitKey: a.unitKey,
        reference: a.reference,
        question: a.source ?? questionOf.get(a.questionCode) ?? a.questionCode,
        ...preview(a.text),
        flags: flagTags(a.flags),
        themes: state.themeIds.map((id) => nameOf.get(id) ?? id),
        coded: isCoded(state),
        quotable: state.quotable,
        href: `${answerHref(b.consultation.id, a)}${filterQuery(filters)}`,
      };
    }),
  };
}

export function answerPage(
  b: Base,
  w: Workspace,
  answer: TextAnswer,
  opts: {
    filters: AnswerFilters;
    pass: CodingPass;
    state: UnitState;
    position: { index: number; of: number };
    saved?: boolean;
    fields?: readonly FieldError[];
  },
) {
  const question = w.questions.find((q) => q.code === answer.questionCode) as TextQuestion;
  const blind = opts.pass === 'blind';
  const checked = new Set(opts.state.themeIds);
  const tree = codebookTree(w.themes);
  return {
    ...base(b, `${blind ? 'Blind coding' : 'Code an answer'}: ${answer.reference}`, opts.fields),
    blind,
    reference: answer.reference,
    source: answer.source,
    question,
    text: answer.text,
    paragraphs: answer.text.split(/\r?\n/),
    long: answer.text.length > ENORMOUS_CHARACTERS,
    flags: flagTags(answer.flags),
    themeItems: tree.map((t) => themeItem(t, checked.has(t.id))),
    note: opts.state.note,
    quotable: opts.state.quotable,
    saved: opts.saved ?? false,
    position: opts.position,
    action: `${answerHref(b.consultation.id, answer, blind)}`,
    filters: opts.filters,
    backHref: blind
      ? `/staff/consultations/${b.consultation.id}/coding/blind`
      : `/staff/consultations/${b.consultation.id}/coding/answers${filterQuery(opts.filters)}`,
    codebookHref: `/staff/consultations/${b.consultation.id}/coding/codebook`,
  };
}

export function blindPage(
  b: Base,
  w: Workspace,
  blindStates: ReadonlyMap<string, UnitState>,
  opts: { fields?: readonly FieldError[]; values?: Record<string, string>; notice?: string } = {},
) {
  const sampled = w.answers.filter((a) => w.sample.has(a.unitKey));
  const coded = sampled.filter((a) => isCoded(blindStates.get(a.unitKey)));
  const next = sampled.find((a) => !isCoded(blindStates.get(a.unitKey)));
  return {
    ...base(b, `Blind second coding: ${b.consultation.title}`, opts.fields),
    sampleSize: sampled.length,
    coded: coded.length,
    nextHref: next ? answerHref(b.consultation.id, next, true) : null,
    available: w.answers.length - sampled.length,
    questionItems: [
      { value: '', text: 'Any question' },
      ...w.questions.map((q) => ({ value: q.code, text: q.label, selected: opts.values?.question === q.code })),
    ],
    values: opts.values ?? {},
    notice: opts.notice ?? null,
    agreementHref: `/staff/consultations/${b.consultation.id}/coding/agreement`,
  };
}

const kappaText = (k: number | null) => (k === null ? 'Not defined' : k.toFixed(2));
const pct = (p: number | null) => (p === null ? '–' : `${Math.round(p * 100)}%`);
/** Landis and Koch's (1977) words for a kappa. */
export function kappaWords(k: number | null): string {
  if (k === null) return 'not defined';
  if (k < 0) return 'poor (less than chance)';
  if (k <= 0.2) return 'slight';
  if (k <= 0.4) return 'fair';
  if (k <= 0.6) return 'moderate';
  if (k <= 0.8) return 'substantial';
  return 'almost perfect';
}

export function agreementPage(b: Base, a: Agreement, sampleSize: number) {
  return {
    ...base(b, `Agreement between coders: ${b.consultation.title}`),
    units: a.units,
    sampleSize,
    overall: { kappa: kappaText(a.overall.kappa), words: kappaWords(a.overall.kappa), observed: pct(a.overall.observed) },
    rows: a.themes.map(
      (t): TableRow => [
        { text: t.theme.name },
        { text: t.both, format: 'numeric' },
        { text: t.firstOnly, format: 'numeric' },
        { text: t.secondOnly, format: 'numeric' },
        { text: pct(t.observed), format: 'numeric' },
        { text: kappaText(t.kappa), format: 'numeric' },
        { text: kappaWords(t.kappa) },
      ],
    ),
  };
}

type ResultsOk = Extract<ThemeResultsOutcome, { ok: true }>;
const oneDp = (x: number | null | undefined) => (x === null || x === undefined ? '–' : `${x.toFixed(1)}%`);
const interval = (ci: readonly [number, number] | null | undefined) => (ci ? `${ci[0].toFixed(1)} to ${ci[1].toFixed(1)}` : '–');

/** A cell's text: its percentage and count, or nothing shown when its base is under the suppression threshold. */
function cellText(c: ThemeCell, weighted: boolean, suppressBelow: number) {
  if (c.base > 0 && c.base < suppressBelow) return { text: `Fewer than ${suppressBelow} answered`, suppressed: true };
  const pctText = weighted ? oneDp(c.weightedPercent) : oneDp(c.percent);
  return { text: `${pctText} (${c.count} of ${c.base})`, suppressed: false };
}

export function resultsPage(
  b: Base,
  r: ResultsOk,
  opts: { suppressBelow: number; canCode: boolean; weightedAsked: boolean; fields?: readonly FieldError[] },
) {
  const nameOf = new Map(r.rows.map((row) => [row.theme.id, row.theme.name]));
  const results = `/staff/consultations/${b.consultation.id}/coding/results`;
  const query = new URLSearchParams({
    question: r.question.code,
    ...(r.breakdown ? { by: r.breakdown.code } : {}),
    ...(r.weighted ? { weighted: 'on' } : {}),
  });
  const used = r.rows.filter((row) => row.overall.count > 0);
  return {
    ...base(b, `Themes raised: ${b.consultation.title}`, opts.fields),
    canCode: opts.canCode,
    question: r.question,
    workshopItems: r.question.code === WORKSHOP_ITEMS_QUESTION,
    questionItems: r.questions.map((q) => ({ value: q.code, text: q.label, selected: q.code === r.question.code })),
    breakdownItems: [
      { value: '', text: 'None' },
      ...r.breakdowns.map((x) => ({ value: x.code, text: x.label, selected: x.code === r.breakdown?.code })),
    ],
    weightedItems: [{ value: 'on', text: 'Weighted to the partnership’s population margins', checked: opts.weightedAsked }],
    weighted: r.weighted,
    respondents: r.respondents,
    coded: r.coded,
    suppressBelow: opts.suppressBelow,
    csvHref: `${results}.csv?${query}`,
    head: [
      { text: 'Theme' },
      { text: r.weighted ? 'Weighted % of those who answered (answers)' : '% of those who answered (answers)', format: 'numeric' as const },
      { text: '95% interval', format: 'numeric' as const },
    ],
    rows: used.map(
      (row): TableRow => [
        { text: `${row.theme.depth ? '— ' : ''}${row.theme.name}` },
        { text: cellText(row.overall, r.weighted, opts.suppressBelow).text, format: 'numeric' },
        { text: interval(r.weighted ? row.overall.weightedCi95 : row.overall.ci95), format: 'numeric' },
      ],
    ),
    breakdown: r.breakdown
      ? {
          label: r.breakdown.label,
          head: [{ text: 'Theme' }, ...r.breakdown.levels.map((l) => ({ text: l.label, format: 'numeric' as const }))],
          rows: used.map(
            (row): TableRow => [
              { text: `${row.theme.depth ? '— ' : ''}${row.theme.name}` },
              ...row.groups.map((g) => ({ text: cellText(g, r.weighted, opts.suppressBelow).text, format: 'numeric' as const })),
            ],
          ),
        }
      : null,
    quotes: used
      .map((row) => ({
        theme: row.theme.name,
        quotes: r.quotes.filter((q) => q.themeIds.includes(row.theme.id)).map((q) => ({ reference: q.reference, text: q.text })),
      }))
      .filter((t) => t.quotes.length),
    otherQuotes: r.quotes
      .filter((q) => q.themeIds.every((id) => !nameOf.has(id)) || q.themeIds.length === 0)
      .map((q) => ({ reference: q.reference, text: q.text })),
  };
}

/** The results as a table for the CSV download: a row per theme and group (All first), the theme's code with its name; small bases not shown. */
export function resultsTable(r: ResultsOk, suppressBelow: number): { header: string[]; rows: (string | number)[][] } {
  const header = ['question', 'theme', 'theme_name', 'group', 'base', 'count', 'percent', 'ci_low', 'ci_high'];
  if (r.weighted) header.push('weighted_percent', 'weighted_ci_low', 'weighted_ci_high');
  const round = (x: number | null | undefined) => (x === null || x === undefined ? '' : Math.round(x * 100) / 100);
  const rows: (string | number)[][] = [];
  for (const row of r.rows) {
    const cells = [
      { group: 'All', c: row.overall },
      ...row.groups.map((c, j) => ({ group: `${r.breakdown?.label}: ${r.breakdown?.levels[j]?.label}`, c })),
    ];
    for (const { group, c } of cells) {
      if (c.base > 0 && c.base < suppressBelow) {
        rows.push([r.question.code, row.theme.code, row.theme.name, group, `fewer than ${suppressBelow}`]);
        continue;
      }
      const line: (string | number)[] = [
        r.question.code,
        row.theme.code,
        row.theme.name,
        group,
        c.base,
        c.count,
        round(c.percent),
        round(c.ci95?.[0]),
        round(c.ci95?.[1]),
      ];
      if (r.weighted) line.push(round(c.weightedPercent), round(c.weightedCi95?.[0]), round(c.weightedCi95?.[1]));
      rows.push(line);
    }
  }
  return { header, rows };
}
