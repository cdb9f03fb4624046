import { describe, expect, it } from 'vitest';
import type { SurveyDefinition } from '../definition.js';
import { addOption, addPage, addQuestion, addRow, moveQuestion, removeOption, removeRow, renamePage } from './edits.js';
import { errors, ok, SMALL_SURVEY } from './smallSurvey.fixture.js';

const layout = (d: SurveyDefinition) => d.pages.map((p) => `${p.code}: ${p.questions.map((q) => q.code).join(' ')}`);

const WITH_GRID = ok(
  addQuestion(SMALL_SURVEY, 'about_you', {
    type: 'rating_grid',
    code: 'park',
    label: 'The park',
    required: true,
    rows: 'park_day|By day',
    options: 'safe|Safe\nunsafe|Unsafe',
  }),
);

describe('options and rows', () => {
  it('adds an option from "value|label" or a label, and marks "Prefer not to say" non-substantive', () => {
    let d = ok(addOption(SMALL_SURVEY, 'safe_day', 'very_unsafe|Very unsafe'));
    d = ok(addOption(d, 'safe_day', 'Prefer not to say'));
    expect(d.pages[0]?.questions[0]).toEqual({
      code: 'safe_day',
      type: 'single_choice',
      label: 'How safe do you feel by day?',
      required: true,
      options: [
        { value: 'safe', label: 'Safe' },
        { value: 'unsafe', label: 'Unsafe' },
        { value: 'dont_know', label: "Don't know", nonSubstantive: true },
        { value: 'very_unsafe', label: 'Very unsafe' },
        {
          value: 'prefer_not_to_say',
          label: 'Prefer not to say',
          nonSubstantive: true,
        },
      ],
    });
  });

  it('refuses a duplicate option, an option on a text question and an empty line', () => {
    expect(errors(addOption(SMALL_SURVEY, 'safe_day', 'Safe'))).toEqual([
      {
        field: 'newOption',
        message: '"safe_day" already has an option with the value "safe"',
      },
    ]);
    expect(errors(addOption(SMALL_SURVEY, 'why_unsafe', 'Safe'))).toEqual([
      {
        field: 'newOption',
        message: '"why_unsafe" is a long text question: it has no options',
      },
    ]);
    expect(errors(addOption(SMALL_SURVEY, 'safe_day', '  '))).toEqual([
      {
        field: 'newOption',
        message: 'Enter one option, like "very_safe|Very safe" or "Very safe"',
      },
    ]);
  });

  it('removes an option, but not one a showIf uses or the only one', () => {
    const d = ok(removeOption(SMALL_SURVEY, 'safe_day', 'dont_know'));
    expect(d.pages[0]?.questions[0]).toMatchObject({
      options: [
        { value: 'safe', label: 'Safe' },
        { value: 'unsafe', label: 'Unsafe' },
      ],
    });
    expect(errors(removeOption(SMALL_SURVEY, 'safe_day', 'unsafe'))).toEqual([
      {
        field: 'pages.0.questions.1.showIf.anyOf.0',
        message: 'showIf of "why_unsafe" uses "unsafe", which is not an option of "safe_day"',
      },
    ]);
    const single = ok(removeOption(d, 'safe_day', 'safe'));
    expect(errors(removeOption(single, 'safe_day', 'unsafe'))).toEqual([
      {
        field: 'form',
        message: '"unsafe" is the only option of "safe_day", so it cannot be removed',
      },
    ]);
    expect(errors(removeOption(SMALL_SURVEY, 'safe_day', 'maybe'))).toEqual([
      {
        field: 'form',
        message: '"safe_day" has no option with the value "maybe"',
      },
    ]);
  });

  it('adds and removes grid rows; row codes are unique across the survey', () => {
    const d = ok(addRow(WITH_GRID, 'park', 'After dark'));
    expect(d.pages[1]?.questions[1]).toMatchObject({
      rows: [
        { code: 'park_day', label: 'By day' },
        { code: 'park_after_dark', label: 'After dark' },
      ],
    });
    expect(errors(addRow(WITH_GRID, 'park', 'age|Age'))).toEqual([
      {
        field: 'newRow',
        message: 'The code "age" is already used in this survey: choose another',
      },
    ]);
    expect(errors(addRow(SMALL_SURVEY, 'safe_day', 'x'))).toEqual([
      {
        field: 'newRow',
        message: '"safe_day" is not a rating grid: it has no rows',
      },
    ]);
    expect(ok(removeRow(d, 'park', 'park_day')).pages[1]?.questions[1]).toMatchObject({
      rows: [{ code: 'park_after_dark', label: 'After dark' }],
    });
    expect(errors(removeRow(WITH_GRID, 'park', 'park_day'))).toEqual([
      {
        field: 'form',
        message: '"park_day" is the only row of "park", so it cannot be removed',
      },
    ]);
  });
});

describe('moveQuestion', () => {
  const three = ok(
    addQuestion(SMALL_SURVEY, 'safety', {
      type: 'date',
      code: 'when',
      label: 'When?',
      required: false,
    }),
  );

  it('swaps with a neighbour on the same page', () => {
    expect(layout(ok(moveQuestion(three, 'when', 'up')))).toEqual(['safety: safe_day when why_unsafe', 'about_you: age']);
  });

  it('moves across pages: down from the end of a page to the start of the next, up from the start to the end of the one before', () => {
    expect(layout(ok(moveQuestion(three, 'when', 'down')))).toEqual(['safety: safe_day why_unsafe', 'about_you: when age']);
    expect(layout(ok(moveQuestion(three, 'age', 'up')))).toEqual(['safety: safe_day why_unsafe when age']);
  });

  it('refuses moves off either end and moves that put a showIf before its question', () => {
    expect(errors(moveQuestion(three, 'safe_day', 'up'))).toEqual([
      {
        field: 'form',
        message: '"safe_day" is already the first question in the survey',
      },
    ]);
    expect(errors(moveQuestion(three, 'age', 'down'))).toEqual([
      {
        field: 'form',
        message: '"age" is already the last question in the survey',
      },
    ]);
    expect(errors(moveQuestion(three, 'why_unsafe', 'up'))).toEqual([
      {
        field: 'pages.0.questions.0.showIf.question',
        message: 'showIf of "why_unsafe" refers to "safe_day", which must come earlier in the survey',
      },
    ]);
  });
});

describe('pages', () => {
  it('adds a page after another, with its first question', () => {
    const d = ok(
      addPage(
        SMALL_SURVEY,
        { title: 'Your area', intro: ' About where you live ' },
        { type: 'ward', code: 'ward', label: 'Which ward?', required: true },
        'safety',
      ),
    );
    expect(d.pages[1]).toEqual({
      code: 'your_area',
      title: 'Your area',
      intro: 'About where you live',
      questions: [{ code: 'ward', type: 'ward', label: 'Which ward?', required: true }],
    });
    expect(layout(d)).toEqual(['safety: safe_day why_unsafe', 'your_area: ward', 'about_you: age']);
  });

  it('refuses a taken page code and reports page and question fields', () => {
    expect(errors(addPage(SMALL_SURVEY, { code: 'safety', title: 'Again' }, { type: 'date', code: 'd', label: 'D', required: true }))).toEqual([
      {
        field: 'pageCode',
        message: 'The page code "safety" is already used in this survey: choose another',
      },
    ]);
    expect(errors(addPage(SMALL_SURVEY, { code: 'more', title: ' ' }, { type: 'date', code: 'd', label: '', required: true }))).toEqual([
      { field: 'pageTitle', message: 'Enter the page title' },
      { field: 'label', message: 'Enter the question text' },
    ]);
  });

  it('renames a page and clears its introduction', () => {
    const withIntro = ok(
      renamePage(SMALL_SURVEY, 'about_you', {
        title: 'About you and your home',
        intro: 'Optional questions',
      }),
    );
    expect(withIntro.pages[1]).toMatchObject({
      code: 'about_you',
      title: 'About you and your home',
      intro: 'Optional questions',
    });
    expect(ok(renamePage(withIntro, 'about_you', { title: 'About you' })).pages[1]).toEqual(SMALL_SURVEY.pages[1]);
    expect(errors(renamePage(SMALL_SURVEY, 'about_you', { title: '' }))).toEqual([{ field: 'pageTitle', message: 'Enter the page title' }]);
  });
});
