import { describe, expect, it } from 'vitest';
import type { SurveyDefinition } from '../definition.js';
import { addQuestion, editQuestion, removeQuestion, setShowIf } from './edits.js';
import { errors, ok, SMALL_SURVEY } from './smallSurvey.fixture.js';

const page = (d: SurveyDefinition, i: number) => d.pages[i]?.questions ?? [];

describe('addQuestion', () => {
  it('adds a single choice question with options from "value|label" lines and labels alone', () => {
    const next = ok(
      addQuestion(SMALL_SURVEY, 'about_you', {
        type: 'single_choice',
        code: 'tenure',
        label: '  Do you own or rent your home? ',
        hint: '',
        required: true,
        options: 'own|Own outright\r\nRent from the council\n\n  Prefer not to say  ',
      }),
    );
    expect(page(next, 1)[1]).toEqual({
      code: 'tenure',
      type: 'single_choice',
      label: 'Do you own or rent your home?',
      required: true,
      options: [
        { value: 'own', label: 'Own outright' },
        { value: 'rent_from_the_council', label: 'Rent from the council' },
        {
          value: 'prefer_not_to_say',
          label: 'Prefer not to say',
          nonSubstantive: true,
        },
      ],
    });
    expect(SMALL_SURVEY.pages[1]?.questions).toHaveLength(1);
  });

  it('makes the code from the label when none is given, and adds a rating grid with generated row codes', () => {
    const next = ok(
      addQuestion(SMALL_SURVEY, 'safety', {
        type: 'rating_grid',
        label: 'How safe do you feel in the park?',
        required: true,
        rows: 'By day\nAfter dark',
        options: 'Safe\nUnsafe',
      }),
    );
    expect(page(next, 0)[2]).toEqual({
      code: 'how_safe_do_you_feel_in_the',
      type: 'rating_grid',
      label: 'How safe do you feel in the park?',
      required: true,
      rows: [
        { code: 'how_safe_do_you_feel_in_the_by_day', label: 'By day' },
        { code: 'how_safe_do_you_feel_in_the_after_dark', label: 'After dark' },
      ],
      options: [
        { value: 'safe', label: 'Safe' },
        { value: 'unsafe', label: 'Unsafe' },
      ],
    });
  });

  it('adds each kind of limit: maxChoices, rankTop, maxLength (with a default), min and max', () => {
    let d = ok(
      addQuestion(SMALL_SURVEY, 'about_you', {
        type: 'multiple_choice',
        code: 'worries',
        label: 'Worries',
        required: false,
        options: 'a|A\nb|B\nc|C',
        maxChoices: 2,
      }),
    );
    d = ok(
      addQuestion(d, 'about_you', {
        type: 'ranking',
        code: 'rank',
        label: 'Rank',
        required: true,
        options: 'a|A\nb|B\nc|C',
        rankTop: 2,
      }),
    );
    d = ok(
      addQuestion(d, 'about_you', {
        type: 'short_text',
        code: 'name',
        label: 'Name',
        required: false,
      }),
    );
    d = ok(
      addQuestion(d, 'about_you', {
        type: 'number',
        code: 'children',
        label: 'Children',
        required: false,
        min: 0,
        max: 20,
        integer: true,
      }),
    );
    d = ok(
      addQuestion(d, 'about_you', {
        type: 'postcode',
        code: 'postcode',
        label: 'Postcode',
        required: true,
        options: 'ignored',
      }),
    );
    expect(page(d, 1).slice(1)).toEqual([
      {
        code: 'worries',
        type: 'multiple_choice',
        label: 'Worries',
        required: false,
        options: [
          { value: 'a', label: 'A' },
          { value: 'b', label: 'B' },
          { value: 'c', label: 'C' },
        ],
        maxChoices: 2,
      },
      {
        code: 'rank',
        type: 'ranking',
        label: 'Rank',
        required: true,
        options: [
          { value: 'a', label: 'A' },
          { value: 'b', label: 'B' },
          { value: 'c', label: 'C' },
        ],
        rankTop: 2,
      },
      {
        code: 'name',
        type: 'short_text',
        label: 'Name',
        required: false,
        maxLength: 200,
      },
      {
        code: 'children',
        type: 'number',
        label: 'Children',
        required: false,
        min: 0,
        max: 20,
        integer: true,
      },
      { code: 'postcode', type: 'postcode', label: 'Postcode', required: true },
    ]);
  });

  it('reports field errors for a taken code, missing text, no options, bad lines and impossible limits', () => {
    expect(
      errors(
        addQuestion(SMALL_SURVEY, 'safety', {
          type: 'short_text',
          code: 'age',
          label: 'Age again',
          required: true,
        }),
      ),
    ).toEqual([
      {
        field: 'code',
        message: 'The code "age" is already used in this survey: choose another',
      },
    ]);
    expect(
      errors(
        addQuestion(SMALL_SURVEY, 'safety', {
          type: 'single_choice',
          code: 'q',
          label: ' ',
          required: true,
          options: '',
        }),
      ),
    ).toEqual([
      { field: 'label', message: 'Enter the question text' },
      { field: 'options', message: 'Add at least one option' },
    ]);
    expect(
      errors(
        addQuestion(SMALL_SURVEY, 'safety', {
          type: 'single_choice',
          code: 'q',
          label: 'Q',
          required: true,
          options: 'a|A\nB-value|B',
        }),
      ),
    ).toEqual([
      {
        field: 'options',
        message: 'Line 2: option value "B-value" must use only a-z, 0-9 and _ (like very_safe)',
      },
    ]);
    expect(
      errors(
        addQuestion(SMALL_SURVEY, 'safety', {
          type: 'single_choice',
          code: 'q',
          label: 'Q',
          required: true,
          options: 'a|\n',
        }),
      ),
    ).toEqual([{ field: 'options', message: 'Line 1: enter the option label after "|"' }]);
    expect(
      errors(
        addQuestion(SMALL_SURVEY, 'safety', {
          type: 'ranking',
          code: 'q',
          label: 'Q',
          required: true,
          options: 'A\nB',
        }),
      ),
    ).toEqual([
      {
        field: 'rankTop',
        message: 'Enter how many of the options people should rank',
      },
    ]);
    expect(
      errors(
        addQuestion(SMALL_SURVEY, 'safety', {
          type: 'multiple_choice',
          code: 'q',
          label: 'Q',
          required: true,
          options: 'A\nA',
          maxChoices: 3,
        }),
      ),
    ).toEqual([
      {
        field: 'option-1',
        message: 'Option value "a" is used more than once in "q"',
      },
      {
        field: 'maxChoices',
        message: 'maxChoices (3) of "q" is more than its 2 options',
      },
    ]);
    expect(
      errors(
        addQuestion(SMALL_SURVEY, 'safety', {
          type: 'short_text',
          code: 'Bad Code',
          label: 'Q',
          required: true,
        }),
      ),
    ).toEqual([
      {
        field: 'code',
        message: 'Codes must start with a lower-case letter and use only a-z, 0-9 and _ (like safe_day)',
      },
    ]);
    expect(
      errors(
        addQuestion(SMALL_SURVEY, 'nowhere', {
          type: 'date',
          code: 'd',
          label: 'D',
          required: true,
        }),
      ),
    ).toEqual([
      {
        field: 'form',
        message: 'There is no page with the code "nowhere" in this survey',
      },
    ]);
  });
});

describe('editQuestion', () => {
  it('rewords the label, hint, option labels and keeps values, limits and showIf', () => {
    const next = ok(
      editQuestion(SMALL_SURVEY, 'safe_day', {
        label: 'How safe do you feel during the day?',
        hint: 'Think of the last month',
        required: false,
        optionLabels: ['Very safe', 'Not safe', 'Not sure'],
      }),
    );
    expect(page(next, 0)[0]).toEqual({
      code: 'safe_day',
      type: 'single_choice',
      label: 'How safe do you feel during the day?',
      hint: 'Think of the last month',
      required: false,
      options: [
        { value: 'safe', label: 'Very safe' },
        { value: 'unsafe', label: 'Not safe' },
        { value: 'dont_know', label: 'Not sure', nonSubstantive: true },
      ],
    });
    expect(page(next, 0)[1]).toEqual(page(SMALL_SURVEY, 0)[1]);
  });

  it('sets and clears limits and showIf; a missing required limit stays as it was', () => {
    const next = ok(
      editQuestion(SMALL_SURVEY, 'age', {
        label: 'Age',
        required: true,
        max: 120,
        showIf: { question: 'safe_day', anyOf: ['safe', 'unsafe'] },
      }),
    );
    expect(page(next, 1)[0]).toEqual({
      code: 'age',
      type: 'number',
      label: 'Age',
      required: true,
      max: 120,
      showIf: { question: 'safe_day', anyOf: ['safe', 'unsafe'] },
    });
    const text = ok(
      editQuestion(SMALL_SURVEY, 'why_unsafe', {
        label: 'Why?',
        hint: 'Optional',
        required: false,
        showIf: null,
      }),
    );
    expect(page(text, 0)[1]).toEqual({
      code: 'why_unsafe',
      type: 'long_text',
      label: 'Why?',
      hint: 'Optional',
      required: false,
      maxLength: 500,
    });
  });

  it('reports an empty option label by its field, and a stale list of labels', () => {
    expect(
      errors(
        editQuestion(SMALL_SURVEY, 'safe_day', {
          label: 'Q',
          required: true,
          optionLabels: ['Safe', '', 'DK'],
        }),
      ),
    ).toEqual([{ field: 'option-1', message: 'Enter the option label' }]);
    expect(
      errors(
        editQuestion(SMALL_SURVEY, 'safe_day', {
          label: 'Q',
          required: true,
          optionLabels: ['Safe'],
        }),
      ),
    ).toEqual([
      {
        field: 'form',
        message: 'The options have changed since the form was opened: reload the page and try again',
      },
    ]);
    expect(errors(editQuestion(SMALL_SURVEY, 'nope', { label: 'Q', required: true }))).toEqual([
      {
        field: 'form',
        message: 'There is no question with the code "nope" in this survey',
      },
    ]);
  });
});

describe('setShowIf', () => {
  it('sets a condition on an earlier choice question and refuses one pointing forwards or at a missing value', () => {
    const next = ok(
      setShowIf(SMALL_SURVEY, 'age', {
        question: 'safe_day',
        anyOf: ['dont_know'],
      }),
    );
    expect(page(next, 1)[0]?.showIf).toEqual({
      question: 'safe_day',
      anyOf: ['dont_know'],
    });
    expect(errors(setShowIf(SMALL_SURVEY, 'safe_day', { question: 'age', anyOf: ['1'] }))).toEqual([
      {
        field: 'showIfQuestion',
        message: 'showIf of "safe_day" refers to "age", which must come earlier in the survey',
      },
    ]);
    expect(
      errors(
        setShowIf(SMALL_SURVEY, 'age', {
          question: 'safe_day',
          anyOf: ['maybe'],
        }),
      ),
    ).toEqual([
      {
        field: 'showIfValues',
        message: 'showIf of "age" uses "maybe", which is not an option of "safe_day"',
      },
    ]);
    expect(page(ok(setShowIf(SMALL_SURVEY, 'why_unsafe', null)), 0)[1]).not.toHaveProperty('showIf');
  });
});

describe('removeQuestion', () => {
  it('removes a question, and a page left empty with it', () => {
    const next = ok(removeQuestion(SMALL_SURVEY, 'age'));
    expect(next.pages.map((p) => p.code)).toEqual(['safety']);
    expect(page(next, 0).map((q) => q.code)).toEqual(['safe_day', 'why_unsafe']);
  });

  it('refuses to remove a question another one depends on, naming the path', () => {
    expect(errors(removeQuestion(SMALL_SURVEY, 'safe_day'))).toEqual([
      {
        field: 'pages.0.questions.0.showIf.question',
        message: 'showIf of "why_unsafe" refers to "safe_day", which is not a question in this survey',
      },
    ]);
  });

  it('refuses to remove the last question of the survey', () => {
    const one: SurveyDefinition = {
      schemaVersion: 1,
      title: 'One',
      pages: [
        {
          code: 'p',
          title: 'P',
          questions: [{ code: 'd', type: 'date', label: 'D', required: true }],
        },
      ],
    };
    expect(errors(removeQuestion(one, 'd'))).toEqual([
      {
        field: 'form',
        message: '"d" is the only question in the survey, so it cannot be removed',
      },
    ]);
  });
});
