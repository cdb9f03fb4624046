/** Pure edits to pages: add a page (with its first question: a page is never empty), rename one. */
import { CODE_PATTERN, type SurveyDefinition } from '../definition.js';
import { buildQuestion, type QuestionInput, usedCodes } from './buildQuestion.js';
import { codeFromLabel } from './codes.js';
import { copyOf, type EditResult, failed, type Path, questionField, validated } from './editResult.js';

export interface PageInput {
  /** Blank: made from the title. */
  code?: string;
  title: string;
  intro?: string;
}

function pageField(rest: Path): string {
  const [head, , ...inner] = rest;
  if (head === 'questions') return questionField(inner);
  return head === 'title' || head === 'intro' || head === 'code' ? `page${String(head).replace(/^./, (c) => c.toUpperCase())}` : 'form';
}

/** Adds a page with its first question after the page `afterPageCode` (or at the end). Form fields: pageCode, pageTitle, pageIntro and the question's. */
export function addPage(definition: SurveyDefinition, page: PageInput, first: QuestionInput, afterPageCode?: string): EditResult {
  const next = copyOf(definition);
  const code = page.code?.trim() || codeFromLabel(page.title, 30);
  if (code === '') return failed('pageCode', 'Enter a page code, or a page title to make one from');
  if (!CODE_PATTERN.test(code))
    return failed('pageCode', 'Page codes must start with a lower-case letter and use only a-z, 0-9 and _ (like about_you)');
  if (next.pages.some((p) => p.code === code)) return failed('pageCode', `The page code "${code}" is already used in this survey: choose another`);
  const built = buildQuestion(first, usedCodes(definition));
  if (!built.ok) return built;
  const after = afterPageCode === undefined ? -1 : next.pages.findIndex((p) => p.code === afterPageCode);
  const pageIndex = after < 0 ? next.pages.length : after + 1;
  const intro = page.intro?.trim();
  next.pages.splice(pageIndex, 0, {
    code,
    title: page.title,
    ...(intro ? { intro } : {}),
    questions: [built.question],
  });
  return validated(next, { path: ['pages', pageIndex], field: pageField });
}

/** Changes a page's title and introduction (its code stays). Form fields: pageTitle, pageIntro. */
export function renamePage(definition: SurveyDefinition, pageCode: string, page: Omit<PageInput, 'code'>): EditResult {
  const next = copyOf(definition);
  const pageIndex = next.pages.findIndex((p) => p.code === pageCode);
  const target = next.pages[pageIndex];
  if (!target) return failed('form', `There is no page with the code "${pageCode}" in this survey`);
  target.title = page.title;
  const intro = page.intro?.trim();
  if (intro) target.intro = intro;
  else delete target.intro;
  return validated(next, { path: ['pages', pageIndex], field: pageField });
}
