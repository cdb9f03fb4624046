import { describe, expect, it } from 'vitest';
import { PLAN_THEMES } from '../../partnerships/demo/coventry.js';
import type { Answers, SurveyDefinition } from '../../surveys/definition.js';
import { crimeSurveyTemplate } from '../../surveys/templates/crimeSurvey.js';
import { membersSurveyTemplate } from '../../surveys/templates/membersSurvey.js';
import { IMPORTANCE_OPTIONS } from '../../surveys/templates/options.js';
import { validateAnswers } from '../../surveys/validateAnswers.js';
import { DEMO_CRIME_SURVEY_WINDOW } from './demoWindow.js';
import { generateDemoResponses } from './generateDemoResponses.js';
import { generateMembersResponses } from './generateMembersResponses.js';
import { createRandom } from './random.js';

const NAMES = ['Bablake', 'Binley and Willenhall', 'Cheylesmore', 'Earlsdon', 'Foleshill', 'Henley', 'Holbrook', 'Longford', 'Lower Stoke'];
const wards = NAMES.map((name) => ({ code: name.toLowerCase().replace(/ /g, '-'), name }));
const responses = generateDemoResponses({ wards, ...DEMO_CRIME_SURVEY_WINDOW });
const definition = crimeSurveyTemplate();

const share = (code: string, values: string[]) =>
  Math.round((1000 * responses.filter((r) => values.includes(r.answers[code] as string)).length) / responses.length) / 10;
const SAFE = ['very_safe', 'fairly_safe'];
const IMPORTANCE_VALUES = IMPORTANCE_OPTIONS.map((o) => o.value);

/** The default seed's exact figures. */
const [DAY, DARK, CENTRE_DAY, CENTRE_DARK] = [79.3, 45, 67.4, 28.6];
const TOP4 = [367, 314, 220, 162];
const VICTIMS = 25.6;
const REPORTED = 85 / 178;
const EQUALITY = [53.7, 4.2, 5.7];
const TEXTS = 483;
const CHANNELS = { online: 565, paper: 72, email: 32, event: 27 };

function topConcerns(seed: number): string[] {
  const counts: Record<string, number> = {};
  for (const r of generateDemoResponses({ wards, ...DEMO_CRIME_SURVEY_WINDOW, seed })) {
    for (const c of (r.answers.concerns as string[] | null) ?? []) counts[c] = (counts[c] ?? 0) + 1;
  }
  return Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([code]) => code);
}

describe('mulberry32 random', () => {
  it('gives the same sequence for the same seed', () => {
    const a = createRandom(1);
    const b = createRandom(1);
    expect([a.next(), a.next(), a.int(10)]).toEqual([b.next(), b.next(), b.int(10)]);
    expect(createRandom(1).next()).toBeCloseTo(0.6270739405881613, 12);
  });
});

describe('generateDemoResponses', () => {
  it('is deterministic: same seed, same output; another seed, other output', () => {
    expect(generateDemoResponses({ wards, ...DEMO_CRIME_SURVEY_WINDOW })).toEqual(responses);
    expect(generateDemoResponses({ wards, ...DEMO_CRIME_SURVEY_WINDOW, seed: 7 })).not.toEqual(responses);
  });

  it('makes 696 responses by default, each passing validateAnswers unchanged', () => {
    expect(responses.length).toBe(696);
    for (const r of responses) {
      const raw = Object.fromEntries(Object.entries(r.answers).filter(([, v]) => v !== null));
      expect(validateAnswers(definition, raw, { wards })).toEqual({ ok: true, answers: r.answers });
    }
  });

  it('feels clearly safer by day than after dark, and less safe in the centre after dark', () => {
    const day = share('safe_day', SAFE);
    const dark = share('safe_dark', SAFE);
    expect([day, dark, share('safe_centre_day', SAFE), share('safe_centre_dark', SAFE)]).toEqual([DAY, DARK, CENTRE_DAY, CENTRE_DARK]);
    expect(day - dark).toBeGreaterThanOrEqual(25);
  });

  it('has fly-tipping, ASB, vehicle crime and drugs as the top four concerns, in that order', () => {
    const counts: Record<string, number> = {};
    for (const r of responses) for (const c of (r.answers.concerns as string[] | null) ?? []) counts[c] = (counts[c] ?? 0) + 1;
    const ranked = Object.entries(counts).sort((a, b) => b[1] - a[1]);
    expect(ranked.slice(0, 4).map(([code]) => code)).toEqual(['fly_tipping', 'asb', 'vehicle_crime', 'drugs']);
    expect(ranked.map(([, n]) => n).slice(0, 4)).toEqual(TOP4);
  });

  it('keeps the top four concerns under other seeds', () => {
    for (const seed of [1, 2, 3]) expect(topConcerns(seed)).toEqual(['fly_tipping', 'asb', 'vehicle_crime', 'drugs']);
  });

  it('has about a quarter victims, about half of whom reported', () => {
    expect(share('victim', ['yes'])).toBe(VICTIMS);
    const victims = responses.filter((r) => r.answers.victim === 'yes');
    expect(victims.filter((r) => r.answers.victim_reported === 'yes').length / victims.length).toBeCloseTo(REPORTED, 3);
    expect(responses.filter((r) => r.answers.victim !== 'yes').every((r) => !('victim_reported' in r.answers))).toBe(true);
  });

  it('has an equality mix including prefer_not_to_say', () => {
    expect([share('sex', ['female']), share('sex', ['prefer_not_to_say']), share('ethnicity', ['prefer_not_to_say'])]).toEqual(EQUALITY);
  });

  it('has varied free text', () => {
    const texts = new Set(responses.map((r) => r.answers.feel_safer).filter((t) => typeof t === 'string'));
    expect(texts.size).toBe(TEXTS);
    expect(texts.size).toBeGreaterThanOrEqual(100);
  });

  it('spreads submissions over the window, sorted, with a channel mix', () => {
    const times = responses.map((r) => r.submittedAt);
    expect([...times].sort()).toEqual(times);
    expect(times[0] && times[0] >= DEMO_CRIME_SURVEY_WINDOW.opens).toBe(true);
    expect((times.at(-1) ?? '') <= DEMO_CRIME_SURVEY_WINDOW.closes).toBe(true);
    const channels: Record<string, number> = {};
    for (const r of responses) channels[r.channel] = (channels[r.channel] ?? 0) + 1;
    expect(channels).toEqual(CHANNELS);
    const weeks = new Set(times.map((t) => Math.floor((Date.parse(t) - Date.parse(DEMO_CRIME_SURVEY_WINDOW.opens)) / 604_800_000)));
    expect(weeks.size).toBe(13);
  });

  it('honours count, and refuses a window that closes before it opens', () => {
    expect(generateDemoResponses({ wards, ...DEMO_CRIME_SURVEY_WINDOW, count: 5 }).length).toBe(5);
    expect(() => generateDemoResponses({ wards, opens: '2024-10-02', closes: '2024-07-10' })).toThrow('The demo window must close after it opens');
  });
});

describe('generateMembersResponses', () => {
  const window = { opens: '2025-01-06T09:00:00Z', closes: '2025-02-03T17:00:00Z' };
  const demoSurvey = membersSurveyTemplate({ themes: PLAN_THEMES });
  const members = generateMembersResponses({ wards, ...window, count: 12, definition: demoSurvey });
  const valid = (survey: SurveyDefinition, answers: Answers) =>
    validateAnswers(survey, Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== null)), { wards }).ok;

  it('makes deterministic, valid responses, one per ward until the wards run out', () => {
    expect(members.length).toBe(12);
    expect(generateMembersResponses({ wards, ...window, count: 12, definition: demoSurvey })).toEqual(members);
    for (const r of members) {
      expect(valid(demoSurvey, r.answers)).toBe(true);
      expect((r.answers.ward_priorities as string[]).length).toBe(3);
      expect(Object.keys(r.answers).filter((code) => code.startsWith('theme_') && code !== 'theme_comments')).toEqual([
        'theme_offending',
        'theme_public_place',
        'theme_exploitation',
      ]);
    }
    expect(new Set(members.map((r) => r.answers.ward)).size).toBe(wards.length);
  });

  it('rates the themes of the survey it is given, and asks nothing about themes when there are none', () => {
    const roads = membersSurveyTemplate({
      themes: [
        { id: 'roads', title: 'Safer roads' },
        { id: 'night-time', title: 'A safe night-time economy' },
      ],
    });
    for (const r of generateMembersResponses({ wards, ...window, count: 5, definition: roads })) {
      expect(valid(roads, r.answers)).toBe(true);
      expect(IMPORTANCE_VALUES).toContain(r.answers.theme_roads);
      expect(IMPORTANCE_VALUES).toContain(r.answers.theme_night_time);
      expect(r.answers).not.toHaveProperty('theme_offending');
    }
    const none = membersSurveyTemplate({ themes: [] });
    for (const r of generateMembersResponses({ wards, ...window, count: 5, definition: none })) {
      expect(valid(none, r.answers)).toBe(true);
      expect(Object.keys(r.answers).filter((code) => code.startsWith('theme_'))).toEqual([]);
    }
  });
});
