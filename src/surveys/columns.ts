/** Walking a definition: questions in survey order, export columns, look-ups by code. */
import type { GridRow, Question, QuestionType, SurveyDefinition, SurveyOption, SurveyPage } from './definition.js';

export interface PlacedQuestion {
  question: Question;
  page: SurveyPage;
  pageIndex: number;
  questionIndex: number;
}

/** Every question in survey order, with where it sits. */
export function placedQuestions(definition: SurveyDefinition): PlacedQuestion[] {
  return definition.pages.flatMap((page, pageIndex) =>
    page.questions.map((question, questionIndex) => ({
      question,
      page,
      pageIndex,
      questionIndex,
    })),
  );
}

/** The codes a question is answered under: its own, or its grid rows' codes. */
export function answerCodes(question: Question): string[] {
  return question.type === 'rating_grid' ? question.rows.map((r) => r.code) : [question.code];
}

export function allQuestions(definition: SurveyDefinition): Question[] {
  return definition.pages.flatMap((page) => page.questions);
}

/** Where the question with this code sits, if the survey has it. */
export function placeOf(definition: SurveyDefinition, code: string): PlacedQuestion | undefined {
  for (const [pageIndex, page] of definition.pages.entries()) {
    const questionIndex = page.questions.findIndex((q) => q.code === code);
    const question = page.questions[questionIndex];
    if (question) return { question, page, pageIndex, questionIndex };
  }
  return undefined;
}

export function questionByCode(definition: SurveyDefinition, code: string): Question | undefined {
  return placeOf(definition, code)?.question;
}

/** One stable export column: a question, or one row of a rating grid (answered under its own code). */
export interface Column {
  code: string;
  label: string;
  type: QuestionType;
  question: Question;
  row?: GridRow;
  /** The choices for the column, when it has fixed options (wards come at run time). */
  options?: SurveyOption[];
}

function columnsOf(question: Question): Column[] {
  if (question.type === 'rating_grid') {
    return question.rows.map((row) => ({
      code: row.code,
      label: `${question.label} ${row.label}`,
      type: question.type,
      question,
      row,
      options: question.options,
    }));
  }
  const options = 'options' in question ? question.options : undefined;
  return [
    {
      code: question.code,
      label: question.label,
      type: question.type,
      question,
      ...(options ? { options } : {}),
    },
  ];
}

/** The stable export column list: one per question, grid questions expanded to their row codes, in survey order. */
export function columnsFor(definition: SurveyDefinition): Column[] {
  return allQuestions(definition).flatMap(columnsOf);
}
