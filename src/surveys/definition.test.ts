import { describe, expect, it } from 'vitest';
import { type SurveyDefinition, surveyDefinitionSchema } from './definition.js';

const base = (): SurveyDefinition => ({
  schemaVersion: 1,
  title: 'Test',
  pages: [
    {
      code: 'one',
      title: 'One',
      questions: [
        {
          code: 'victim',
          type: 'single_choice',
          label: 'Victim?',
          required: false,
          options: [
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
          ],
        },
        {
          code: 'safety',
          type: 'rating_grid',
          label: 'How safe?',
          required: true,
          rows: [
            { code: 'safe_day', label: 'Day' },
            { code: 'safe_dark', label: 'Dark' },
          ],
          options: [
            { value: 'safe', label: 'Safe' },
            { value: 'unsafe', label: 'Unsafe' },
            { value: 'dont_know', label: "Don't know", nonSubstantive: true },
          ],
        },
        {
          code: 'why',
          type: 'long_text',
          label: 'Why?',
          required: false,
          maxLength: 100,
          showIf: { question: 'victim', anyOf: ['yes'] },
        },
      ],
    },
  ],
});

function messagesOf(def: unknown): { path: string; message: string }[] {
  const result = surveyDefinitionSchema.safeParse(def);
  if (result.success) return [];
  return result.error.issues.map((i) => ({
    path: i.path.join('.'),
    message: i.message,
  }));
}

function withQuestion(q: unknown): SurveyDefinition {
  const def = base();
  (def.pages[0]?.questions as unknown[] | undefined)?.push(q);
  return def;
}

describe('surveyDefinitionSchema', () => {
  it('accepts a well-formed definition', () => {
    expect(messagesOf(base())).toEqual([]);
  });

  it('rejects a question code used twice', () => {
    expect(
      messagesOf(
        withQuestion({
          code: 'victim',
          type: 'date',
          label: 'When?',
          required: false,
        }),
      ),
    ).toEqual([
      {
        path: 'pages.0.questions.3.code',
        message: 'Code "victim" is used more than once: question and grid row codes must be unique across the survey',
      },
    ]);
  });

  it('rejects a question code that repeats a grid row code', () => {
    expect(
      messagesOf(
        withQuestion({
          code: 'safe_dark',
          type: 'date',
          label: 'When?',
          required: false,
        }),
      ),
    ).toEqual([
      {
        path: 'pages.0.questions.3.code',
        message: 'Code "safe_dark" is used more than once: question and grid row codes must be unique across the survey',
      },
    ]);
  });

  it('rejects badly formed codes and reserved codes', () => {
    expect(
      messagesOf(
        withQuestion({
          code: 'Safe-Day',
          type: 'date',
          label: 'When?',
          required: false,
        }),
      ),
    ).toEqual([
      {
        path: 'pages.0.questions.3.code',
        message: 'Codes must start with a lower-case letter and use only a-z, 0-9 and _ (like safe_day)',
      },
    ]);
    expect(
      messagesOf(
        withQuestion({
          code: 'reference',
          type: 'date',
          label: 'When?',
          required: false,
        }),
      ),
    ).toEqual([
      {
        path: 'pages.0.questions.3.code',
        message: '"reference" is reserved for an export column: choose another code',
      },
    ]);
  });

  it('rejects an option value used twice in one question', () => {
    const q = {
      code: 'pick',
      type: 'single_choice',
      label: 'Pick',
      required: false,
      options: [
        { value: 'a', label: 'A' },
        { value: 'a', label: 'A again' },
      ],
    };
    expect(messagesOf(withQuestion(q))).toEqual([
      {
        path: 'pages.0.questions.3.options.1.value',
        message: 'Option value "a" is used more than once in "pick"',
      },
    ]);
  });

  it('rejects a showIf that refers to a later question', () => {
    const def = base();
    const page = def.pages[0];
    if (!page) throw new Error('no page');
    page.questions.unshift({
      code: 'early',
      type: 'short_text',
      label: 'Early',
      required: false,
      maxLength: 10,
      showIf: { question: 'victim', anyOf: ['yes'] },
    });
    expect(messagesOf(def)).toEqual([
      {
        path: 'pages.0.questions.0.showIf.question',
        message: 'showIf of "early" refers to "victim", which must come earlier in the survey',
      },
    ]);
  });

  it('rejects a showIf to an unknown question, a value the question lacks, a text question or a whole grid', () => {
    const q = (showIf: unknown) => ({
      code: 'later',
      type: 'date',
      label: 'When?',
      required: false,
      showIf,
    });
    expect(messagesOf(withQuestion(q({ question: 'nothing', anyOf: ['yes'] })))).toEqual([
      {
        path: 'pages.0.questions.3.showIf.question',
        message: 'showIf of "later" refers to "nothing", which is not a question in this survey',
      },
    ]);
    expect(messagesOf(withQuestion(q({ question: 'victim', anyOf: ['yes', 'maybe'] })))).toEqual([
      {
        path: 'pages.0.questions.3.showIf.anyOf.1',
        message: 'showIf of "later" uses "maybe", which is not an option of "victim"',
      },
    ]);
    expect(messagesOf(withQuestion(q({ question: 'why', anyOf: ['x'] })))).toEqual([
      {
        path: 'pages.0.questions.3.showIf.question',
        message:
          'showIf of "later" refers to "why", a long_text question: it can refer only to a single choice or multiple choice question or a grid row',
      },
    ]);
    expect(messagesOf(withQuestion(q({ question: 'safety', anyOf: ['safe'] })))).toEqual([
      {
        path: 'pages.0.questions.3.showIf.question',
        message: 'showIf of "later" refers to the grid "safety": refer to one of its rows instead',
      },
    ]);
    expect(messagesOf(withQuestion(q({ question: 'safe_dark', anyOf: ['unsafe'] })))).toEqual([]);
  });

  it('rejects maxChoices or rankTop above the number of options, and min above max', () => {
    const opts = [
      { value: 'a', label: 'A' },
      { value: 'b', label: 'B' },
    ];
    expect(
      messagesOf(
        withQuestion({
          code: 'm',
          type: 'multiple_choice',
          label: 'M',
          required: false,
          options: opts,
          maxChoices: 3,
        }),
      ),
    ).toEqual([
      {
        path: 'pages.0.questions.3.maxChoices',
        message: 'maxChoices (3) of "m" is more than its 2 options',
      },
    ]);
    expect(
      messagesOf(
        withQuestion({
          code: 'r',
          type: 'ranking',
          label: 'R',
          required: false,
          options: opts,
          rankTop: 5,
        }),
      ),
    ).toEqual([
      {
        path: 'pages.0.questions.3.rankTop',
        message: 'rankTop (5) of "r" is more than its 2 options',
      },
    ]);
    expect(
      messagesOf(
        withQuestion({
          code: 'n',
          type: 'number',
          label: 'N',
          required: false,
          min: 10,
          max: 1,
        }),
      ),
    ).toEqual([
      {
        path: 'pages.0.questions.3.max',
        message: 'max of "n" is less than its min',
      },
    ]);
  });

  it('rejects duplicate page codes, unknown properties and an unknown question type', () => {
    const def = base();
    const page = def.pages[0];
    if (!page) throw new Error('no page');
    def.pages.push({
      ...page,
      questions: [{ code: 'other', type: 'date', label: 'When?', required: false }],
    });
    expect(messagesOf(def)).toEqual([
      {
        path: 'pages.1.code',
        message: 'Page code "one" is used more than once',
      },
    ]);
    expect(
      messagesOf(
        withQuestion({
          code: 'x',
          type: 'date',
          label: 'X',
          required: false,
          colour: 'red',
        }),
      ).map((m) => m.path),
    ).toEqual(['pages.0.questions.3']);
    expect(
      messagesOf(
        withQuestion({
          code: 'x',
          type: 'slider',
          label: 'X',
          required: false,
        }),
      ).map((m) => m.path),
    ).toEqual(['pages.0.questions.3.type']);
  });

  it('rejects a ward question that carries options', () => {
    const result = surveyDefinitionSchema.safeParse(
      withQuestion({
        code: 'w',
        type: 'ward',
        label: 'Ward',
        required: false,
        options: [],
      }),
    );
    expect(result.success).toBe(false);
  });
});
