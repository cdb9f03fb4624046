import { describe, expect, it } from 'vitest';
import { toAppError } from '../app/plugins/errorHandler.js';
import { describeFailure } from '../cli/io.js';
import { CliError } from '../platform/cli.js';
import { AppError } from '../platform/errors.js';
import { crimeSurveyTemplate } from '../surveys/templates/crimeSurvey.js';
import { analyseTable, analysisContext } from './analyseConsultation.js';
import { AnalysisInputError, rethrowAsCliError, rethrowAsValidationFailure } from './analysisInputError.js';
import { crossTab } from './crossTab.js';
import { buildResponseTable } from './responseTable.js';
import { HAND_BUILT, WARDS } from './testFixtures.js';

const table = buildResponseTable(crimeSurveyTemplate(), HAND_BUILT, WARDS);

function thrown(work: () => unknown): unknown {
  try {
    work();
  } catch (err) {
    return err;
  }
  throw new Error('expected an error');
}

describe('analysis input errors', () => {
  it('are what the analyst asked for and the survey cannot answer, each naming its field', () => {
    const cases: [() => unknown, string, RegExp][] = [
      [() => analysisContext(table, { filters: { sex: 'martian' } }), 'filters', /"martian" is not an answer to "sex"/],
      [() => analysisContext(table, { filters: { feel_safer: 'x' } }), 'filters', /"feel_safer" cannot be used as a filter/],
      [() => crossTab(analysisContext(table), 'feel_safer', 'ward'), 'xq', /"feel_safer" cannot be cross-tabulated/],
      [() => crossTab(analysisContext(table), 'safe_day', 'shoe_size'), 'by', /"shoe_size" is not a breakdown/],
      [() => analyseTable(table, { benchmarks: [{ indicator: 'safe_dark', proportion: 49, label: 'England' }] }), 'benchmarks', /"safe_dark"/],
      [() => analyseTable(table, { benchmarks: [{ indicator: 'safe_dark', proportion: 0.49, n: 0, label: 'England' }] }), 'benchmarks', /base/],
      [() => analysisContext(table, { rules: { suppressBelow: -1 } }), 'suppressBelow', /whole numbers of 0 or more/],
      [() => analysisContext(table, { rules: { suppressBelow: 2.5 } }), 'suppressBelow', /got 2.5/],
    ];
    for (const [work, field, message] of cases) {
      const err = thrown(work);
      expect(err).toBeInstanceOf(AnalysisInputError);
      expect(err).toMatchObject({ field, message: expect.stringMatching(message) });
    }
  });

  it('leave programming errors as they are', () => {
    const err = thrown(() => analysisContext(table, { weights: { values: [1, 2] } }));
    expect(err).toBeInstanceOf(RangeError);
    expect(err).not.toBeInstanceOf(AnalysisInputError);
  });

  it('become a 422 naming the field in the API and pages; anything else stays a 500', () => {
    const input = thrown(() => rethrowAsValidationFailure(new AnalysisInputError('filters', '"martian" is not an answer to "sex"')));
    expect(input).toBeInstanceOf(AppError);
    expect(toAppError(input as AppError)).toMatchObject({
      status: 422,
      code: 'validation_failed',
      fields: [{ field: 'filters', message: '"martian" is not an answer to "sex"' }],
    });
    const bug = new RangeError('weight 3 is not positive');
    expect(thrown(() => rethrowAsValidationFailure(bug))).toBe(bug);
    const answered = toAppError(bug);
    expect(answered).toMatchObject({ status: 500, code: 'internal', fields: [] });
    expect(answered.message).not.toMatch(/filter|weight/);
  });

  it('become the message alone at the command line; anything else is an unexpected error', () => {
    const input = thrown(() => rethrowAsCliError(new AnalysisInputError('filters', '"martian" is not an answer to "sex"')));
    expect(input).toBeInstanceOf(CliError);
    expect(describeFailure(input)).toBe('"martian" is not an answer to "sex"');
    const bug = new RangeError('weight 3 is not positive');
    expect(thrown(() => rethrowAsCliError(bug))).toBe(bug);
    expect(describeFailure(bug)).toMatch(/^Unexpected error: RangeError: weight 3 is not positive/);
  });
});
