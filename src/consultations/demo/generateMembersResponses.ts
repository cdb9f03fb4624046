/** Deterministic demo responses to the members' survey: one councillor per ward, up to `count`. All demo data. */

import { columnsFor, type SurveyDefinition, type Ward } from '../../surveys/index.js';
import { campaignDay, DAY_MS, momentOn, type Window, windowBounds } from './demoWindow.js';
import { partnersText } from './freeText.js';
import { checkedAnswers, type DemoResponse } from './generateDemoResponses.js';
import { createRandom, type Random } from './random.js';

export interface MembersDemoOptions extends Window {
  wards: Ward[];
  count?: number;
  seed?: number;
  /** The members' survey as the partnership's template made it: its rating rows are the partnership's plan themes. */
  definition: SurveyDefinition;
}

const IMPORTANCE = { very_important: 55, fairly_important: 35, not_very_important: 7, not_at_all_important: 1, dont_know: 2 };

function memberRaw(random: Random, ward: Ward, themeCodes: string[]): Record<string, string | string[]> {
  const raw: Record<string, string | string[]> = {
    ward: ward.code,
    ward_priorities: random.sample(
      {
        fly_tipping: 30,
        asb: 28,
        drugs: 20,
        vehicle_crime: 16,
        road_safety: 14,
        burglary: 10,
        knife_crime: 8,
        exploitation: 6,
        violence: 5,
        domestic_abuse: 4,
      },
      3,
    ),
  };
  for (const code of themeCodes) raw[code] = random.weighted(IMPORTANCE);
  if (random.chance(0.8)) raw.partners_differently = partnersText(random, ward.name);
  if (random.chance(0.3))
    raw.theme_comments = random.pick([
      'Road safety is missing and matters most to my residents.',
      'The themes are right; the test is delivery.',
      'Environmental crime deserves its own priority.',
    ]);
  if (random.chance(0.25))
    raw.other_comments = random.pick([
      'Please report back to ward forums.',
      'Thank you for asking members.',
      'I would welcome a ward briefing on the results.',
    ]);
  return raw;
}

export function generateMembersResponses(options: MembersDemoOptions): DemoResponse[] {
  const { wards, count = 12, seed = 2025, definition } = options;
  const columns = columnsFor(definition);
  // The rows of the theme grid: one per plan theme of the partnership, whatever its themes are.
  const themeCodes = columns.filter((c) => c.question.code === 'theme_importance').map((c) => c.code);
  const asked = new Set(columns.map((c) => c.code));
  const random = createRandom(seed);
  const { start, end } = windowBounds(options);
  const days = Math.max(1, Math.ceil((end - start) / DAY_MS));
  const order = random.sample(Object.fromEntries(wards.map((_, i) => [String(i), 1])), wards.length).map(Number);
  const responses: DemoResponse[] = [];
  for (let i = 0; i < count && wards.length > 0; i++) {
    const ward = wards[order[i % order.length] ?? 0] as Ward;
    const submittedAt = momentOn(random, start, end, campaignDay(random, days), false);
    // Only what this survey asks: one without plan themes has no theme_comments either.
    const raw = Object.entries(memberRaw(random, ward, themeCodes)).filter(([code]) => asked.has(code));
    responses.push({ answers: checkedAnswers(definition, Object.fromEntries(raw), wards), channel: 'online', submittedAt });
  }
  return responses.sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
}
