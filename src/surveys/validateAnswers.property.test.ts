/**
 * Properties of answer validation, the check every stored answer passes (form, API, key-in, import): valid answers
 * come out as the clean answers they stand for, and then validate to themselves; anything else is refused naming the
 * field; nothing, whatever its shape, makes it throw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostileText, validAnswers } from '../../test-support/arbitraries.js';
import { PLAN_THEMES } from '../partnerships/demo/coventry.js';
import { columnsFor } from './columns.js';
import { type SurveyDefinition, surveyDefinitionSchema } from './definition.js';
import { crimeSurveyTemplate } from './templates/crimeSurvey.js';
import { membersSurveyTemplate } from './templates/membersSurvey.js';
import { validateAnswers } from './validateAnswers.js';

const wards = [
  { code: 'earlsdon', name: 'Earlsdon' },
  { code: 'st-michaels', name: 'St Michael’s' },
  { code: 'foleshill', name: 'Foleshill' },
];

/** One question of every type, grid rows, and a chain of conditions: what the templates do not cover. */
const everyType: SurveyDefinition = surveyDefinitionSchema.parse({
  schemaVersion: 1,
  title: 'Every type',
  pages: [
    {
      code: 'one',
      title: 'One',
      questions: [
        {
          code: 'pick',
          label: 'Pick one',
          type: 'single_choice',
          required: true,
          options: [
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
            { value: '1', label: 'Ünïcödé label' },
          ],
        },
        {
          code: 'many',
          label: 'Pick some',
          type: 'multiple_choice',
          required: false,
          maxChoices: 2,
          showIf: { question: 'pick', anyOf: ['yes'] },
          options: [
            { value: 'a', label: 'Alpha' },
            { value: 'b', label: 'Beta' },
            { value: 'c', label: 'Gamma' },
          ],
        },
        {
          code: 'why',
          label: 'Why',
          type: 'short_text',
          required: true,
          maxLength: 12,
          showIf: { question: 'many', anyOf: ['b'] },
        },
        {
          code: 'grid',
          label: 'Rate',
          type: 'rating_grid',
          required: true,
          rows: [
            { code: 'grid_day', label: 'Day' },
            { code: 'grid_night', label: 'Night' },
          ],
          options: [
            { value: 'good', label: 'Good' },
            { value: 'bad', label: 'Bad' },
          ],
        },
        {
          code: 'rank',
          label: 'Rank',
          type: 'ranking',
          required: false,
          rankTop: 2,
          options: [
            { value: 'x', label: 'Ex' },
            { value: 'y', label: 'Why' },
            { value: 'z', label: 'Zed' },
          ],
        },
      ],
    },
    {
      code: 'two',
      title: 'Two',
      questions: [
        { code: 'story', label: 'Tell us', type: 'long_text', required: false, maxLength: 500 },
        { code: 'age', label: 'Age', type: 'number', required: true, min: 16, max: 120, integer: true },
        { code: 'spend', label: 'Spend', type: 'number', required: false, min: -5.5, max: 1000 },
        { code: 'postcode', label: 'Postcode', type: 'postcode', required: false },
        { code: 'ward', label: 'Ward', type: 'ward', required: true },
        { code: 'when', label: 'When', type: 'date', required: false },
      ],
    },
  ],
});

const SURVEYS: [string, SurveyDefinition][] = [
  ['every type', everyType],
  ['crime survey', crimeSurveyTemplate()],
  ['members’ survey', membersSurveyTemplate({ themes: PLAN_THEMES })],
];

/** Any value a JSON body, a form or a cell could carry, and some no JSON can (objects without a prototype). */
const anyValue = fc.oneof(
  hostileText(),
  fc.jsonValue({ maxDepth: 3 }),
  fc.anything({ maxDepth: 2, withNullPrototype: true, withBoxedValues: true, withBigInt: true, withMap: true, withSet: true, withDate: true }),
  fc.array(hostileText(), { maxLength: 4 }),
  fc.dictionary(fc.constantFrom('toString', 'valueOf', 'length', '0'), fc.jsonValue({ maxDepth: 1 })),
);

describe.each(SURVEYS)('validating answers to the %s', (_name, definition) => {
  const codes = columnsFor(definition).map((c) => c.code);

  it('turns any valid answers, keyed in or online, into exactly the clean answers they stand for', () => {
    fc.assert(
      fc.property(validAnswers(definition, wards), fc.boolean(), ({ raw, expected }, keyedIn) => {
        const result = validateAnswers(definition, raw, { wards, keyedIn });
        // Online, a required question left blank is refused; keyed in, it is kept as not answered.
        if (!keyedIn && !result.ok) {
          for (const e of result.errors) expect(expected[e.field], e.field).toBeNull();
          return;
        }
        expect(result).toEqual({ ok: true, answers: expected });
        if (result.ok) expect(Object.keys(result.answers)).toEqual(codes.filter((c) => c in expected));
      }),
      { numRuns: 200 },
    );
  });

  it('accepts every answer a person gives online to each required question', () => {
    fc.assert(
      fc.property(validAnswers(definition, wards, true), ({ raw, expected }) => {
        expect(validateAnswers(definition, raw, { wards })).toEqual({ ok: true, answers: expected });
      }),
      { numRuns: 200 },
    );
  });

  it('validates what it stored to the same answers (stored answers read back and checked again are unchanged)', () => {
    fc.assert(
      fc.property(validAnswers(definition, wards), ({ raw }) => {
        const first = validateAnswers(definition, raw, { wards, keyedIn: true });
        if (!first.ok) throw new Error(JSON.stringify(first.errors));
        expect(validateAnswers(definition, first.answers, { wards, keyedIn: true })).toEqual(first);
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on any input, and either gives answers of the survey’s columns or names each bad field', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.oneof(fc.constantFrom(...codes), hostileText(12)), anyValue, { maxKeys: 8 }), fc.boolean(), (raw, keyedIn) => {
        const result = validateAnswers(definition, raw, { wards, keyedIn });
        if (result.ok) {
          for (const [code, value] of Object.entries(result.answers)) {
            expect(codes).toContain(code);
            expect(value === null || typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) || Array.isArray(value)).toBe(
              true,
            );
          }
          for (const key of Object.keys(raw)) expect(codes).toContain(key);
        } else {
          expect(result.errors.length).toBeGreaterThan(0);
          for (const e of result.errors) {
            expect(codes.includes(e.field) || Object.hasOwn(raw, e.field), e.field).toBe(true);
            expect(typeof e.message).toBe('string');
            expect(e.message.length).toBeGreaterThan(0);
          }
          // The stored answers must round-trip through JSON: a message holds text only.
          expect(() => JSON.stringify(result)).not.toThrow();
        }
      }),
      { numRuns: 300 },
    );
  });

  it('refuses valid answers with one column spoilt, naming that column', () => {
    fc.assert(
      fc.property(
        validAnswers(definition, wards),
        fc.constantFrom(...columnsFor(definition).filter((c) => c.type !== 'short_text' && c.type !== 'long_text')),
        fc.constantFrom('not-an-option-zz', '=cmd|calc', { toString: 1 }, [{}], '\u0000', 'CV99 9ZZZ', '32/13/2024', '1e3', 'NaN'),
        ({ raw, expected }, column, bad) => {
          fc.pre(column.code in expected);
          const result = validateAnswers(definition, { ...raw, [column.code]: bad }, { wards, keyedIn: true });
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.errors.map((e) => e.field)).toContain(column.code);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses any key that is not one of the survey’s columns, naming it', () => {
    fc.assert(
      fc.property(
        validAnswers(definition, wards),
        hostileText(12).filter((k) => !codes.includes(k)),
        hostileText(),
        ({ raw }, key, value) => {
          const withExtra = { ...raw };
          Object.defineProperty(withExtra, key, { value, enumerable: true, configurable: true, writable: true });
          const result = validateAnswers(definition, withExtra, { wards, keyedIn: true });
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.errors.map((e) => e.field)).toContain(key);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('validating an answer that is an object', () => {
  it('refuses one whose toString is not a function with the question’s message, rather than throwing (found by the properties)', () => {
    const result = validateAnswers(
      everyType,
      { pick: { toString: 1 }, many: [{ toString: 1 }], grid_day: Object.create(null) },
      { wards, keyedIn: true },
    );
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.filter((e) => ['pick', 'grid_day'].includes(e.field)).map((e) => e.message)).toEqual([
        '"an object" is not an option of pick: use one of yes, no, 1 (or the option\'s label)',
        '"an object" is not an option of grid_day: use one of good, bad (or the option\'s label)',
      ]);
  });
});
