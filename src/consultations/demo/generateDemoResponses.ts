/**
 * Deterministic demo responses to the crime survey, matching what Coventry's 2024 Crime Survey found: safer by day than after dark,
 * fly-tipping, ASB, vehicle crime and drugs the top concerns, about a quarter victims of whom about half reported.
 * Every response is checked with validateAnswers, so it is stored exactly as a real one would be. All demo data.
 */
import type { Answers, SurveyDefinition } from '../../surveys/index.js';
import { crimeSurveyTemplate, validateAnswers, type Ward } from '../../surveys/index.js';
import { crimeRawAnswers } from './crimeRawAnswers.js';
import { campaignDay, DAY_MS, momentOn, type Window, windowBounds } from './demoWindow.js';
import { createRandom } from './random.js';

export const DEMO_CHANNELS = ['online', 'paper', 'email', 'event'] as const;
export type DemoChannel = (typeof DEMO_CHANNELS)[number];

export interface DemoResponse {
  answers: Answers;
  channel: DemoChannel;
  /** ISO 8601, UTC. */
  submittedAt: string;
}

export interface DemoResponsesOptions extends Window {
  wards: Ward[];
  count?: number;
  seed?: number;
  /** The crime survey definition the responses answer (the template by default). */
  definition?: SurveyDefinition;
}

export const DEMO_RESPONSE_COUNT = 696;
export const DEMO_SEED = 20240710;

/** Validates raw demo answers; a failure is a bug in the generator, not in the data. */
export function checkedAnswers(definition: SurveyDefinition, raw: Record<string, unknown>, wards: Ward[]): Answers {
  const result = validateAnswers(definition, raw, { wards });
  if (!result.ok) throw new Error(`Demo response failed validation: ${JSON.stringify(result.errors)}`);
  return result.answers;
}

export function generateDemoResponses(options: DemoResponsesOptions): DemoResponse[] {
  const { wards, count = DEMO_RESPONSE_COUNT, seed = DEMO_SEED, definition = crimeSurveyTemplate() } = options;
  const random = createRandom(seed);
  const { start, end } = windowBounds(options);
  const days = Math.max(1, Math.ceil((end - start) / DAY_MS));
  const wardWeights = Object.fromEntries(wards.map((w) => [w.code, 0.5 + random.next()]));
  const eventDays = [0.2, 0.45, 0.7].map((f) => Math.floor(days * f));

  const responses: DemoResponse[] = [];
  for (let i = 0; i < count; i++) {
    const channel = random.weighted<DemoChannel>({ online: 82, paper: 10, email: 4, event: 4 });
    const day = channel === 'event' ? random.pick(eventDays) : campaignDay(random, days);
    const submittedAt = momentOn(random, start, end, day, channel !== 'online');
    const raw = crimeRawAnswers(random, wards, wardWeights);
    responses.push({ answers: checkedAnswers(definition, raw, wards), channel, submittedAt });
  }
  return responses.sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
}
