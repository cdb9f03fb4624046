/** The suggestions pages' view models: plain data for the GOV.UK macros in suggestions/views/. */
import type { Consultation } from '../consultations/index.js';
import type { Partnership } from '../partnerships/index.js';
import type { FieldError } from '../platform/errors.js';
import { formatLondon } from '../platform/londonTime.js';
import { errorSummaryItems, messagesByField } from '../platform/validation.js';
import type { LlmRun } from './queries/latestLlmRun.js';
import type { LlmSettingsView } from './queries/loadLlmSettings.js';
import type { QuestionSuggestions } from './queries/questionSuggestions.js';

export interface LlmPageState {
  partnership: Partnership;
  saved?: LlmSettingsView;
  /** As entered, when the form is shown again; never the key. */
  entered?: { baseUrl: string; model: string };
  fields?: readonly FieldError[];
  notice?: 'saved' | 'removed';
}

/** The admins' page for the partnership's optional LLM: the key is never shown, only whether one is saved. */
export const llmSettingsPage = ({ partnership, saved, entered, fields = [], notice }: LlmPageState) => ({
  title: `LLM for theme suggestions: ${partnership.name}`,
  partnership,
  action: `/staff/partnerships/${partnership.id}/llm`,
  removeAction: `/staff/partnerships/${partnership.id}/llm/remove`,
  backPath: `/staff/partnerships/${partnership.id}/settings`,
  configured: saved !== undefined,
  hasKey: saved?.hasKey ?? false,
  lastChange: saved ? `${formatLondon(saved.updatedAt)} by ${saved.updatedBy}` : '',
  baseUrl: entered?.baseUrl ?? saved?.baseUrl ?? '',
  model: entered?.model ?? saved?.model ?? '',
  notice: notice ?? '',
  errors: errorSummaryItems(fields),
  fieldErrors: messagesByField(fields),
});

/** Answers shown at a time: once they are accepted (so coded), the next ones appear. */
const PAGE_SIZE = 50;

const SENTIMENT_LABEL = { negative: 'Negative', neutral: 'Neutral', positive: 'Positive' } as const;
const SENTIMENT_TAG = { negative: 'govuk-tag--red', neutral: 'govuk-tag--grey', positive: 'govuk-tag--green' } as const;
const DONE = {
  accepted: 'The suggestions you ticked were saved as your coding.',
  none: 'Nothing was ticked, so nothing was saved.',
  theme: 'The theme was added to the codebook. Suggestions now include it.',
  llm: 'The LLM is working on the uncoded answers. Refresh this page in a minute or two to see what it suggests.',
} as const;

export interface SuggestionsPageState {
  consultation: Consultation;
  questions: readonly { code: string; label: string }[];
  result: QuestionSuggestions | undefined;
  done: keyof typeof DONE | undefined;
  problems?: readonly FieldError[];
  /** Whether the partnership has an LLM, and its last run for this question. */
  llm?: { configured: boolean; run: LlmRun | undefined };
}

/** A question's uncoded answers with the themes proposed for them, the candidate themes, and approximate sentiment. */
export function suggestionsPage({ consultation, questions, result, done, problems = [], llm }: SuggestionsPageState) {
  const home = `/staff/consultations/${consultation.id}/coding`;
  const themeId = new Map(result?.themes.map((t) => [t.name, t.id]));
  return {
    title: `Suggested themes: ${consultation.title}`,
    consultation,
    home,
    acceptAction: `${home}/suggestions/accept`,
    themeAction: `${home}/suggestions/themes`,
    questions: questions.map((q) => ({
      ...q,
      href: `${home}/suggestions?question=${encodeURIComponent(q.code)}`,
      current: q.code === result?.question.code,
    })),
    question: result?.question ?? null,
    codedExamples: result?.codedExamples ?? 0,
    done: done ? DONE[done] : null,
    uncodedCount: result?.suggestions.length ?? 0,
    shown: Math.min(PAGE_SIZE, result?.suggestions.length ?? 0),
    answers: (result?.suggestions ?? []).slice(0, PAGE_SIZE).map((s, i) => ({
      reference: s.reference,
      text: s.answer.text,
      sentiment: { text: `${SENTIMENT_LABEL[s.sentiment]} (approximate)`, classes: SENTIMENT_TAG[s.sentiment] },
      items: s.themes.map((t) => ({
        value: `${s.answer.unitKey} ${themeId.get(t.theme) ?? ''}`,
        text: `${t.theme} (${Math.round(t.confidence * 100)}% confident)`,
        checked: t.confidence >= 0.5,
      })),
      idPrefix: `accept-${i}`,
    })),
    discovered: (result?.discovered ?? []).map((d, i) => ({
      id: `candidate-${i}`,
      keyTerms: d.keyTerms.join(', '),
      size: d.size,
      quotes: d.quotes,
      name: (d.keyTerms[0] ?? '').replace(/^./, (c) => c.toUpperCase()),
      description: `Answers about ${d.keyTerms.join(', ')}`,
    })),
    errors: errorSummaryItems(problems).map((e) => ({ ...e, href: e.href === '#llm' ? '#llm' : '#candidate-0-name' })),
    llm: llmSection(home, result, llm),
  };
}

/** The LLM's part of the page: the button, and its last run's outcome, its assignments as boxes to tick. */
function llmSection(home: string, result: QuestionSuggestions | undefined, llm: SuggestionsPageState['llm']) {
  if (!llm || !result) return null;
  const run = llm.run;
  const base = {
    configured: llm.configured,
    action: `${home}/suggestions/llm`,
    running: run?.status === 'running',
    failed: run?.status === 'failed' ? `The LLM could not finish (${run.stage} stage): ${run.reason}. The coding is as it was.` : null,
    started: run ? `${formatLondon(run.startedAt)} by ${run.startedBy}, ${run.answersSent} answers sent` : null,
  };
  if (run?.status !== 'done') return { ...base, themes: [], answers: [] };
  const idOf = new Map(result.themes.map((t) => [t.name.toLowerCase(), t.id]));
  const uncoded = new Map(result.suggestions.map((s) => [s.reference, s.answer]));
  const answers = Object.entries(run.assignments)
    .filter(([reference, names]) => uncoded.has(reference) && names.length > 0)
    .slice(0, PAGE_SIZE)
    .map(([reference, names], i) => {
      const answer = uncoded.get(reference) as NonNullable<ReturnType<typeof uncoded.get>>;
      return {
        reference,
        text: answer.text,
        idPrefix: `llm-${i}`,
        items: names.map((name) => {
          const id = idOf.get(name.toLowerCase());
          return id
            ? { value: `${answer.unitKey} ${id}`, text: name, checked: false }
            : { value: '', text: `${name} (add it to the codebook first)`, disabled: true };
        }),
      };
    });
  return {
    ...base,
    finished: formatLondon(run.finishedAt),
    themes: run.themes.map((t, i) => ({ ...t, id: `llm-theme-${i}`, inCodebook: idOf.has(t.name.toLowerCase()) })),
    answers,
  };
}
