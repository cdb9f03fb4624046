/**
 * The paper version of a survey: every question in survey order (the order of the staff key-in form), numbered, with
 * each option's code beside its tick box so staff can key a returned form in, write-in lines for text, and an
 * instruction saying how to answer and when to skip. Pure: a view model from the definition and the wards.
 */
import type { Question, SurveyDefinition, SurveyOption, Ward } from '../../surveys/index.js';

export interface PaperOption {
  code: string;
  label: string;
}

export interface PaperQuestion {
  number: number;
  code: string;
  label: string;
  hint: string;
  /** How to answer, e.g. "Tick one box", "Tick up to 3 boxes", "Write your answer on the lines". */
  instruction: string;
  /** When a question is asked only after a given answer: "Answer this only if you answered … to question 4." */
  condition: string;
  kind: 'choices' | 'grid' | 'ranking' | 'lines' | 'boxes';
  options: PaperOption[];
  /** Rating grids: one row each, answered under the row's own code. */
  rows: PaperOption[];
  /** Write-in lines for text answers; the number of boxes for a number, postcode or date. */
  lines: number;
  /** Box captions, for a date (DD MM YYYY) or a postcode. */
  boxes: string[];
}

export interface PaperSection {
  title: string;
  intro: string;
  questions: PaperQuestion[];
}

const optionsOf = (options: readonly SurveyOption[]): PaperOption[] => options.map((o) => ({ code: o.value, label: o.label }));

/** Where a question or grid row is answered, for conditions: its number and the labels of its options. */
interface Asked {
  number: number;
  label: string;
  options: PaperOption[];
}

function condition(question: Question, asked: ReadonlyMap<string, Asked>): string {
  if (!question.showIf) return '';
  const earlier = asked.get(question.showIf.question);
  if (!earlier) return '';
  const answers = question.showIf.anyOf.map((value) => `“${earlier.options.find((o) => o.code === value)?.label ?? value}”`);
  const listed = answers.length > 1 ? `${answers.slice(0, -1).join(', ')} or ${answers.at(-1)}` : answers[0];
  return `Answer this only if you answered ${listed} to question ${earlier.number}${earlier.label ? ` (${earlier.label})` : ''}.`;
}

function shape(question: Question, wards: readonly Ward[]): Pick<PaperQuestion, 'instruction' | 'kind' | 'options' | 'rows' | 'lines' | 'boxes'> {
  const none = { options: [], rows: [], lines: 0, boxes: [] };
  switch (question.type) {
    case 'single_choice':
      return { ...none, kind: 'choices', instruction: 'Tick one box.', options: optionsOf(question.options) };
    case 'ward':
      return { ...none, kind: 'choices', instruction: 'Tick one box.', options: wards.map((w) => ({ code: w.code, label: w.name })) };
    case 'multiple_choice':
      return {
        ...none,
        kind: 'choices',
        instruction: question.maxChoices
          ? `Tick up to ${question.maxChoices} ${question.maxChoices === 1 ? 'box' : 'boxes'}.`
          : 'Tick all that apply.',
        options: optionsOf(question.options),
      };
    case 'rating_grid':
      return {
        ...none,
        kind: 'grid',
        instruction: 'Tick one box in each row.',
        options: optionsOf(question.options),
        rows: question.rows.map((r) => ({ code: r.code, label: r.label })),
      };
    case 'ranking':
      return {
        ...none,
        kind: 'ranking',
        instruction: `Write 1 beside your first choice, 2 beside your second${question.rankTop > 2 ? `, and so on up to ${question.rankTop}` : ''}.`,
        options: optionsOf(question.options),
      };
    case 'short_text':
      return { ...none, kind: 'lines', instruction: 'Write your answer on the line.', lines: 1 };
    case 'long_text':
      return { ...none, kind: 'lines', instruction: 'Write your answer on the lines.', lines: question.maxLength > 1000 ? 6 : 4 };
    case 'number': {
      const range = question.min !== undefined && question.max !== undefined ? ` from ${question.min} to ${question.max}` : '';
      return { ...none, kind: 'boxes', instruction: `Write a ${question.integer ? 'whole ' : ''}number${range} in the box.`, boxes: ['Number'] };
    }
    case 'postcode':
      return { ...none, kind: 'boxes', instruction: 'Write your postcode in the box.', boxes: ['Postcode'] };
    case 'date':
      return {
        ...none,
        kind: 'boxes',
        instruction: 'Write the date as day, month and year, for example 27 3 2026.',
        boxes: ['Day', 'Month', 'Year'],
      };
  }
}

/** Every question in survey order, numbered from 1, in the sections (pages) of the online survey. */
export function paperSections(definition: SurveyDefinition, wards: readonly Ward[]): PaperSection[] {
  const asked = new Map<string, Asked>();
  let number = 0;
  return definition.pages.map((page) => ({
    title: page.title,
    intro: page.intro ?? '',
    questions: page.questions.map((question): PaperQuestion => {
      number += 1;
      const paper: PaperQuestion = {
        number,
        code: question.code,
        label: question.label,
        hint: question.hint ?? '',
        condition: condition(question, asked),
        ...shape(question, wards),
      };
      asked.set(question.code, { number, label: '', options: paper.options });
      for (const row of paper.rows) asked.set(row.code, { number, label: row.label, options: paper.options });
      return paper;
    }),
  }));
}

/** The question codes in the order the paper form asks them (grid rows by their own codes): the key-in order. */
export const paperOrder = (sections: readonly PaperSection[]): string[] =>
  sections.flatMap((s) => s.questions.flatMap((q) => (q.kind === 'grid' ? q.rows.map((r) => r.code) : [q.code])));
