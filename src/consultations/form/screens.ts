/**
 * The respondent's screens: one per survey page, except that a question controlled by another question on the
 * same page moves to a follow-on screen ("<page>-2"), so conditional questions work the same with JavaScript off.
 */
import type { Answers, Question, SurveyDefinition } from '../../surveys/index.js';
import { answerCodes, visibleCodes } from '../../surveys/index.js';

export interface Screen {
  code: string;
  title: string;
  intro?: string;
  questions: Question[];
}

export { answerCodes };

const screensCache = new WeakMap<SurveyDefinition, Screen[]>();

export function surveyScreens(definition: SurveyDefinition): Screen[] {
  const cached = screensCache.get(definition);
  if (cached) return cached;
  const screens: Screen[] = [];
  for (const page of definition.pages) {
    let current: Screen = { code: page.code, title: page.title, ...(page.intro ? { intro: page.intro } : {}), questions: [] };
    let codes = new Set<string>();
    let part = 1;
    for (const question of page.questions) {
      if (question.showIf && codes.has(question.showIf.question)) {
        screens.push(current);
        part += 1;
        current = { code: `${page.code}-${part}`, title: page.title, questions: [] };
        codes = new Set();
      }
      current.questions.push(question);
      for (const c of answerCodes(question)) codes.add(c);
    }
    screens.push(current);
  }
  screensCache.set(definition, screens);
  return screens;
}

/** Raw answers (form strings) read as answers for deciding what is shown. */
const asAnswers = (raw: Record<string, unknown>) => raw as Answers;

/** The screens with something to show given the answers so far, each holding only its shown questions. */
export function visibleScreens(definition: SurveyDefinition, raw: Record<string, unknown>): Screen[] {
  // A first visit (nothing answered yet) is the common case on every question page: worked out once per survey.
  const fresh = Object.keys(raw).length === 0;
  const cached = fresh ? freshScreensCache.get(definition) : undefined;
  if (cached) return cached;
  const shown = visibleCodes(definition, asAnswers(raw));
  const screens = surveyScreens(definition)
    .map((s) => ({ ...s, questions: s.questions.filter((q) => shown.has(q.code)) }))
    .filter((s) => s.questions.length > 0);
  if (fresh) freshScreensCache.set(definition, screens);
  return screens;
}

const freshScreensCache = new WeakMap<SurveyDefinition, Screen[]>();

export interface ScreenPosition {
  screen: Screen;
  previous?: Screen;
  next?: Screen;
}

/** Where a screen sits among the visible ones; undefined when it is unknown or has nothing to show now. */
export function locateScreen(definition: SurveyDefinition, raw: Record<string, unknown>, code: string): ScreenPosition | undefined {
  const screens = visibleScreens(definition, raw);
  const i = screens.findIndex((s) => s.code === code);
  if (i < 0) return undefined;
  const screen = screens[i] as Screen;
  return { screen, previous: screens[i - 1], next: screens[i + 1] };
}

/** The first visible screen after `code` in survey order (whether or not `code` itself is still shown). */
export function screenAfter(definition: SurveyDefinition, raw: Record<string, unknown>, code: string): Screen | undefined {
  const order = surveyScreens(definition).map((s) => s.code);
  const at = order.indexOf(code);
  return visibleScreens(definition, raw).find((s) => order.indexOf(s.code) > at);
}
