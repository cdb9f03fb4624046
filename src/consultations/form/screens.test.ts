import { describe, expect, it } from 'vitest';
import type { Question } from '../../surveys/definition.js';
import { crimeSurveyTemplate } from '../../surveys/templates/crimeSurvey.js';
import { errorLinks } from './fieldIds.js';
import { locateScreen, screenAfter, surveyScreens, visibleScreens } from './screens.js';
import { answerText } from './summary.js';

const crime = crimeSurveyTemplate();
const codes = (screens: { code: string }[]) => screens.map((s) => s.code);

describe('survey screens', () => {
  it('moves a question controlled by one on the same page to a follow-on screen', () => {
    expect(codes(surveyScreens(crime))).toEqual([
      'where_you_live',
      'feeling_safe',
      'problems',
      'worry',
      'experience',
      'experience-2',
      'experience-3',
      'confidence',
      'one_thing',
      'about_you',
    ]);
    expect(surveyScreens(crime)[5]?.questions.map((q) => q.code)).toEqual(['victim_reported']);
  });

  it('shows follow-on screens only when the earlier answer makes them visible', () => {
    expect(codes(visibleScreens(crime, {}))).not.toContain('experience-2');
    expect(codes(visibleScreens(crime, { victim: 'yes' }))).toContain('experience-2');
    expect(codes(visibleScreens(crime, { victim: 'yes', victim_reported: 'no' }))).toContain('experience-3');
    // A stale answer to a hidden controlling question shows nothing.
    expect(codes(visibleScreens(crime, { victim: 'no', victim_reported: 'no' }))).not.toContain('experience-3');
    expect(screenAfter(crime, { victim: 'no' }, 'experience')?.code).toBe('confidence');
    expect(screenAfter(crime, { victim: 'yes' }, 'experience')?.code).toBe('experience-2');
    expect(screenAfter(crime, {}, 'about_you')).toBeUndefined();
    expect(locateScreen(crime, {}, 'experience-2')).toBeUndefined();
    const at = locateScreen(crime, {}, 'experience');
    expect([at?.previous?.code, at?.screen.code, at?.next?.code]).toEqual(['worry', 'experience', 'confidence']);
  });

  it('links each error to its field: grid rows by row code, dates by their day box, rankings by the 1st choice', () => {
    const page = surveyScreens(crime)[1]?.questions ?? [];
    expect(
      errorLinks(page, [
        { field: 'safe_centre_dark', message: 'm2' },
        { field: 'safe_dark', message: 'm1' },
        { field: 'ward', message: 'x' },
      ]),
    ).toEqual([
      { field: 'safe_dark', text: 'm1', href: '#safe_dark' },
      { field: 'safe_centre_dark', text: 'm2', href: '#safe_centre_dark' },
    ]);
    const date: Question = { code: 'when', type: 'date', label: 'D', required: true };
    const rank: Question = { code: 'rank', type: 'ranking', label: 'R', required: true, rankTop: 2, options: [{ value: 'a', label: 'A' }] };
    expect(
      errorLinks(
        [date, rank],
        [
          { field: 'when', message: 'd' },
          { field: 'rank', message: 'r' },
        ],
      ).map((e) => e.href),
    ).toEqual(['#when-day', '#rank__1']);
  });

  it('reads answers back in words for check your answers', () => {
    const q = (code: string) =>
      surveyScreens(crime)
        .flatMap((s) => s.questions)
        .find((x) => x.code === code);
    const wards = [{ code: 'earlsdon', name: 'Earlsdon' }];
    expect(answerText(q('ward')!, 'earlsdon', wards)).toEqual({ text: 'Earlsdon' });
    expect(answerText(q('postcode')!, 'cv5 6ab', wards)).toEqual({ text: 'CV5 6 (we keep only this part)' });
    expect(answerText(q('concerns')!, ['asb', 'drugs'], wards)).toEqual({
      html: '<ul class="govuk-list"><li>Anti-social behaviour</li><li>People using or dealing drugs</li></ul>',
    });
    expect(answerText(q('feel_safer')!, '<b>lights</b>', wards)).toEqual({ text: '<b>lights</b>' });
    expect(answerText(q('victim')!, '', wards)).toEqual({ text: 'Not answered' });
    expect(answerText({ code: 'd', type: 'date', label: 'D', required: false }, '2024-03-07', wards)).toEqual({ text: '7 March 2024' });
  });
});
