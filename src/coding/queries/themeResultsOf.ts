/** A question's theme results as the results page and its download show them: read, then themeResults (pure). */
import { availableBreakdowns, buildResponseTable, marginsText, parseMargins, savedMargins, weightsFromMargins } from '../../analysis/index.js';
import { type Consultation, loadSurveyDefinition } from '../../consultations/index.js';
import type { DbHandle } from '../../db/database.js';
import { listWards } from '../../partnerships/index.js';
import { responsesArrivedAfter } from '../../responses/index.js';
import { createDesign, type SurveyDesign } from '../../stats/index.js';
import { type Answers, indicatorSetFor } from '../../surveys/index.js';
import { type ThemeRow, themeResults } from '../themeResults.js';
import { answerUnitKey, WORKSHOP_ITEMS_QUESTION } from '../units.js';
import { codebookTree, listThemes, type Theme } from './listThemes.js';
import { textQuestions, workshopItemAnswers } from './textAnswers.js';
import { unitStates } from './unitStates.js';

export interface ThemeResultsRequest {
  question?: string | undefined;
  /** A breakdown code (ward, age band, sex, the template's own, channel), as the analysis offers them. */
  by?: string | undefined;
  weighted: boolean;
}

export interface Quote {
  reference: string;
  text: string;
  themeIds: string[];
}

export type ThemeResultsOutcome =
  | {
      ok: true;
      question: { code: string; label: string };
      questions: { code: string; label: string }[];
      breakdowns: { code: string; label: string }[];
      breakdown: { code: string; label: string; levels: { value: string; label: string }[] } | null;
      weighted: boolean;
      /** Respondents (counted responses) and those who answered the question. */
      respondents: number;
      rows: ThemeRow<Theme & { depth: 0 | 1 }>[];
      /** Coded answers of the question, and all its answers. */
      coded: number;
      quotes: Quote[];
    }
  | { ok: false; field: string; message: string };

/** Every counted response's answers with its channel, in arrival order, and the unit key of its answer to the question. */
export async function themeResultsOf(
  handle: Pick<DbHandle, 'db' | 'driver'>,
  consultation: Consultation,
  request: ThemeResultsRequest,
): Promise<ThemeResultsOutcome> {
  const { db } = handle;
  const questions = await textQuestions(db, consultation);
  const question = questions.find((q) => q.code === request.question) ?? questions[0];
  if (!question) return { ok: false, field: 'question', message: 'This survey has no free-text questions' };
  if (request.question && question.code !== request.question)
    return { ok: false, field: 'question', message: `${request.question} is not a free-text question of this survey` };
  const [definition, wards, themes, states] = await Promise.all([
    loadSurveyDefinition(db, consultation, consultation.surveyVersion),
    listWards(db, consultation.partnershipId),
    listThemes(db, consultation.partnershipId, consultation.id),
    unitStates(db, consultation.partnershipId, consultation.id, 'primary'),
  ]);
  const answers: Answers[] = [];
  const keys: string[] = [];
  const texts: { reference: string; text: string }[] = [];
  const items = question.code === WORKSHOP_ITEMS_QUESTION;
  if (items && (request.by || request.weighted))
    return {
      ok: false,
      field: request.by ? 'by' : 'weighted',
      message: 'Workshop items are counted as they are: they have no ward or group, and are not weighted',
    };
  // Workshop items are counted per item: each is "a respondent" that answered, with no breakdowns.
  if (items)
    for (const item of await workshopItemAnswers(db, consultation)) {
      answers.push({ [question.code]: item.text });
      keys.push(item.unitKey);
      texts.push({ reference: item.reference, text: item.text });
    }
  else
    await responsesArrivedAfter(
      handle,
      { partnershipId: consultation.partnershipId, consultationId: consultation.id, after: null, pageSize: 1000 },
      (page) => {
        for (const r of page) {
          answers.push({ ...r.answers, channel: r.channel });
          keys.push(answerUnitKey(r.id, question.code));
          const value = r.answers[question.code];
          texts.push({ reference: r.reference, text: typeof value === 'string' ? value : '' });
        }
      },
    );
  // Which breakdowns the survey offers depends on its questions, not its answers: the table of every answer (a second's
  // work at 100,000, on this thread) is built only when a breakdown or weighting needs it.
  const table = buildResponseTable(definition, request.by || request.weighted ? answers : [], wards);
  const breakdowns = items ? [] : availableBreakdowns(table, indicatorSetFor(consultation.template));
  const breakdown = request.by ? breakdowns.find((b) => b.code === request.by) : undefined;
  if (request.by && !breakdown) return { ok: false, field: 'by', message: `${request.by} is not a breakdown this survey offers` };

  let design: SurveyDesign | null = null;
  if (request.weighted) {
    const saved = await savedMargins(db, consultation.partnershipId);
    if (saved.length === 0)
      return { ok: false, field: 'weighted', message: 'Save the partnership’s weighting margins first: the results are weighted to them' };
    const parsed = parseMargins(marginsText(saved, []).text);
    const raked = parsed.ok ? weightsFromMargins(table, parsed.margins) : parsed;
    if (!raked.ok) return { ok: false, field: 'weighted', message: `The results cannot be weighted: ${raked.error.message}` };
    if (table.n >= 2) design = createDesign(raked.weights.values, raked.weights.calibration ?? []);
  }

  const n = answers.length;
  const answered = new Uint8Array(n);
  for (let i = 0; i < n; i++) answered[i] = answers[i]?.[question.code] !== null && answers[i]?.[question.code] !== undefined ? 1 : 0;
  const tree = codebookTree(themes);
  const parentOf = new Map(themes.map((t) => [t.id, t.parentId]));
  const position = new Map(tree.map((t, index) => [t.id, index]));
  const flags = tree.map(() => new Uint8Array(n));
  for (let i = 0; i < n; i++) {
    for (const id of states.get(keys[i] as string)?.themeIds ?? []) {
      const own = position.get(id);
      if (own !== undefined) (flags[own] as Uint8Array)[i] = 1;
      // A parent theme counts the respondents coded with it or with any theme under it.
      const parent = parentOf.get(id);
      const above = parent ? position.get(parent) : undefined;
      if (above !== undefined && tree[above]?.depth === 0) (flags[above] as Uint8Array)[i] = 1;
    }
  }
  const rows = themeResults({
    answered,
    themes: tree.map((theme, index) => ({ theme, has: flags[index] as Uint8Array })),
    groups: breakdown ? { codes: breakdown.codes, size: breakdown.levels.length } : null,
    design,
  });
  let coded = 0;
  const quotes: Quote[] = [];
  for (let i = 0; i < n; i++) {
    const s = states.get(keys[i] as string);
    if (!answered[i] || !s) continue;
    if (s.reviewedAt !== null || s.themeIds.length) coded++;
    if (s.quotable) quotes.push({ ...(texts[i] as { reference: string; text: string }), themeIds: s.themeIds });
  }
  let base = 0;
  for (let i = 0; i < n; i++) base += answered[i] as number;
  return {
    ok: true,
    question,
    questions,
    breakdowns: breakdowns.map((b) => ({ code: b.code, label: b.label })),
    breakdown: breakdown ? { code: breakdown.code, label: breakdown.label, levels: breakdown.levels } : null,
    weighted: design !== null,
    respondents: base,
    rows,
    coded,
    quotes,
  };
}
