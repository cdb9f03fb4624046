import { describe, expect, it } from 'vitest';
import { PLAN_THEMES } from '../../partnerships/demo/coventry.js';
import { columnsFor } from '../columns.js';
import { type SurveyDefinition, surveyDefinitionSchema } from '../definition.js';
import { ASB_ITEMS, crimeSurveyTemplate, SAFETY_ROWS } from './crimeSurvey.js';
import { ETHNIC_GROUP_5, ETHNICITY_OPTIONS } from './equality.js';
import { membersSurveyTemplate, themeRows } from './membersSurvey.js';

const codes = (def: ReturnType<typeof crimeSurveyTemplate>) => columnsFor(def).map((c) => c.code);

describe('crime survey template', () => {
  const def = crimeSurveyTemplate();

  it('passes the schema', () => {
    const result = surveyDefinitionSchema.safeParse(def);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it('has the stable export columns in survey order', () => {
    expect(codes(def)).toEqual([
      'ward',
      'postcode',
      'safe_day',
      'safe_dark',
      'safe_centre_day',
      'safe_centre_dark',
      'asb_noisy_neighbours',
      'asb_teenagers',
      'asb_litter',
      'asb_vandalism',
      'asb_drugs',
      'asb_drunk',
      'asb_abandoned_cars',
      'asb_fly_tipping',
      'concerns',
      'worry_burglary',
      'worry_mugged',
      'worry_car_stolen',
      'worry_attacked',
      'victim',
      'victim_reported',
      'victim_not_reported_why',
      'police_job',
      'deal_with_issues',
      'feel_safer',
      'age_band',
      'sex',
      'gender_identity',
      'ethnicity',
      'disability',
      'religion',
      'sexual_orientation',
    ]);
    expect(SAFETY_ROWS.every((row) => codes(def).includes(row))).toBe(true);
  });

  it('uses the national safety scale with dont_know non-substantive', () => {
    const safeDay = columnsFor(def).find((c) => c.code === 'safe_day');
    expect(safeDay?.options?.map((o) => [o.value, o.nonSubstantive ?? false])).toEqual([
      ['very_safe', false],
      ['fairly_safe', false],
      ['a_bit_unsafe', false],
      ['very_unsafe', false],
      ['dont_know', true],
    ]);
  });

  it('marks seven national ASB items plus fly-tipping', () => {
    expect(ASB_ITEMS.filter((i) => i.national).length).toBe(7);
    expect(ASB_ITEMS.filter((i) => !i.national).map((i) => i.code)).toEqual(['asb_fly_tipping']);
  });

  it('offers concerns with at most 3 choices, including the four seed findings', () => {
    const concerns = columnsFor(def).find((c) => c.code === 'concerns')?.question;
    expect(concerns?.type === 'multiple_choice' && concerns.maxChoices).toBe(3);
    expect(concerns && 'options' in concerns && concerns.options.slice(0, 4).map((o) => o.value)).toEqual([
      'fly_tipping',
      'asb',
      'vehicle_crime',
      'drugs',
    ]);
  });

  it('gives every equality question a non-substantive prefer_not_to_say', () => {
    for (const code of ['age_band', 'sex', 'gender_identity', 'ethnicity', 'disability', 'religion', 'sexual_orientation']) {
      const options = columnsFor(def).find((c) => c.code === code)?.options ?? [];
      expect(options.at(-1)).toEqual({
        value: 'prefer_not_to_say',
        label: 'Prefer not to say',
        nonSubstantive: true,
      });
    }
  });

  it('has the 19 Census 2021 ethnic groups mapped to 5 high-level groups', () => {
    expect(ETHNICITY_OPTIONS.length).toBe(19);
    const counts: Record<string, number> = {};
    for (const group of Object.values(ETHNIC_GROUP_5)) counts[group] = (counts[group] ?? 0) + 1;
    expect(counts).toEqual({
      asian: 5,
      black: 3,
      mixed: 4,
      white: 5,
      other: 2,
    });
  });

  it('names the centre as asked', () => {
    const town = crimeSurveyTemplate({ centreName: 'the town centre' });
    expect(columnsFor(town).find((c) => c.code === 'safety_centre' || c.code === 'safe_centre_dark')?.question.label).toBe(
      'How safe do you feel walking alone in the town centre…',
    );
  });
});

describe('members survey template', () => {
  const def = membersSurveyTemplate({ themes: PLAN_THEMES });
  const valid = (d: SurveyDefinition) => {
    const result = surveyDefinitionSchema.safeParse(d);
    return result.success ? [] : result.error.issues;
  };

  it('passes the schema', () => {
    expect(valid(def)).toEqual([]);
  });

  it("has the stable export columns in survey order, the demo partnership's themes giving the codes it always had", () => {
    expect(codes(def)).toEqual([
      'ward',
      'ward_priorities',
      'theme_offending',
      'theme_public_place',
      'theme_exploitation',
      'theme_comments',
      'partners_differently',
      'other_comments',
    ]);
  });

  it("rates a partnership's own themes, one row each in the plan's order, named in its error messages", () => {
    const themes = [
      { id: 'roads', title: 'Safer roads' },
      { id: 'night-time', title: 'A safe night-time economy' },
      { id: 'asb', title: 'ASB in town centres' },
    ];
    const own = membersSurveyTemplate({ title: 'Members 2026', themes });
    expect(valid(own)).toEqual([]);
    expect(own.title).toBe('Members 2026');
    const grid = columnsFor(own).filter((c) => c.question.code === 'theme_importance');
    expect(grid.map((c) => c.row)).toEqual([
      { code: 'theme_roads', label: 'Safer roads', errorName: 'how important safer roads is' },
      { code: 'theme_night_time', label: 'A safe night-time economy', errorName: 'how important a safe night-time economy is' },
      { code: 'theme_asb', label: 'ASB in town centres', errorName: 'how important ASB in town centres is' },
    ]);
    expect(own.pages.find((p) => p.code === 'themes')?.intro).toBe('The plan is built around 3 themes.');
    expect(membersSurveyTemplate({ themes: themes.slice(0, 1) }).pages.find((p) => p.code === 'themes')?.intro).toBe(
      'The plan is built around one theme.',
    );
  });

  it('gives themes whose ids would give the same code, or a code the page already uses, codes of their own', () => {
    const rows = themeRows([
      { id: 'public-place', title: 'A' },
      { id: 'Public place', title: 'B' },
      { id: 'comments', title: 'C' },
    ]);
    expect(rows.map((r) => r.code)).toEqual(['theme_public_place', 'theme_public_place_2', 'theme_comments_2']);
  });

  it('leaves the themes page out, and is still valid, for a partnership with no plan themes', () => {
    const none = membersSurveyTemplate({ themes: [] });
    expect(valid(none)).toEqual([]);
    expect(none.pages.map((p) => p.code)).toEqual(['your_ward', 'partners']);
    expect(codes(none)).toEqual(['ward', 'ward_priorities', 'partners_differently', 'other_comments']);
  });
});
