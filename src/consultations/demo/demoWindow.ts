/** Dates for demo responses: a twelve-week window like Coventry's 2024 Crime Survey, submissions spread the way real campaigns see them. */
import type { Random } from './random.js';

/** The seed's public consultation: 10 July to 2 October 2024 (12 weeks), Europe/London (BST, UTC+1). */
export const DEMO_CRIME_SURVEY_WINDOW = { opens: '2024-07-09T23:00:00.000Z', closes: '2024-10-02T22:59:59.000Z' } as const;

export interface Window {
  opens: Date | string;
  closes: Date | string;
}

export const DAY_MS = 86_400_000;

export function windowBounds(window: Window): { start: number; end: number } {
  const start = new Date(window.opens).getTime();
  const end = new Date(window.closes).getTime();
  if (!(end > start)) throw new Error('The demo window must close after it opens');
  return { start, end };
}

/** A day offset: a burst after launch, a steady middle, a push before closing. */
export function campaignDay(random: Random, days: number): number {
  const phase = random.weighted({ launch: 35, middle: 40, closing: 25 });
  if (phase === 'launch') return Math.min(days - 1, Math.floor(-Math.log(1 - random.next()) * 5));
  if (phase === 'closing') return Math.max(0, days - 1 - Math.floor(random.next() * 10));
  return random.int(days);
}

/** A moment on the given day within the window: office hours for keyed-in responses, waking hours otherwise. */
export function momentOn(random: Random, start: number, end: number, day: number, officeHours: boolean): string {
  const hour = officeHours ? 9 + random.int(8) : 7 + random.int(16);
  const at = start + day * DAY_MS + hour * 3_600_000 + random.int(3_600_000);
  return new Date(Math.min(Math.max(at, start), end)).toISOString();
}
