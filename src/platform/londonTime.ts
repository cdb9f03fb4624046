/** Consultation dates are set and shown in UK time (Europe/London) and stored as UTC ISO instants. */
const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function londonOffsetMinutes(utcMs: number): number {
  const p = Object.fromEntries(PARTS.formatToParts(new Date(utcMs)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return Math.round((asUtc - utcMs) / 60_000);
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?$/;

/**
 * "2024-07-10" or "2024-07-10T09:00" read as UK local time; a date alone means the start of that day,
 * or its last minute when `endOfDay` (a consultation closing on 2 October is open all that day).
 * Returns undefined for anything that is not a real date.
 */
export function londonLocalToUtcIso(text: string, { endOfDay = false } = {}): string | undefined {
  const m = LOCAL.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const hasTime = m[4] !== undefined;
  const [h, mi] = hasTime ? [Number(m[4]), Number(m[5])] : endOfDay ? [23, 59] : [0, 0];
  const guess = Date.UTC(y, mo - 1, d, h, mi, endOfDay && !hasTime ? 59 : 0);
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) return undefined;
  // The offset at the guessed instant, refined once for the hour around a clock change.
  let utc = guess - londonOffsetMinutes(guess) * 60_000;
  utc = guess - londonOffsetMinutes(utc) * 60_000;
  return new Date(utc).toISOString();
}

const FORMATS: Record<'date' | 'short', Intl.DateTimeFormatOptions> = {
  /** 2 October 2024 */
  date: { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric' },
  /** 2 Oct 2024, 23:59 (tables) */
  short: { timeZone: 'Europe/London', dateStyle: 'medium', timeStyle: 'short' },
};

/** The UK wall-clock parts of an instant. */
function londonParts(iso: string) {
  const p = Object.fromEntries(PARTS.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return { year: p.year ?? '', month: p.month ?? '', day: p.day ?? '', hour: Number(p.hour), minute: Number(p.minute) };
}

/**
 * A time of day as GOV.UK style writes it: "midnight", "12pm" for noon (not "midday"), "9am", "5:30pm",
 * "11:59pm"; no leading zero, no space before am or pm, no ":00".
 */
export function govukTime(hour: number, minute: number): string {
  if (hour === 0 && minute === 0) return 'midnight';
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  return `${h12}${minute ? `:${String(minute).padStart(2, '0')}` : ''}${hour < 12 ? 'am' : 'pm'}`;
}

/**
 * An instant in UK time: 'date' "2 October 2024"; 'datetime' (the default) "2 October 2024 at 11:59pm" or
 * "10 July 2024 at midnight" (GOV.UK style, govukTime); 'short' "2 Oct 2024, 23:59" for tables.
 */
export function formatLondon(iso: string, style: 'date' | 'datetime' | 'short' = 'datetime'): string {
  if (style !== 'datetime') return new Intl.DateTimeFormat('en-GB', FORMATS[style]).format(new Date(iso));
  const { hour, minute } = londonParts(iso);
  return `${formatLondon(iso, 'date')} at ${govukTime(hour, minute)}`;
}

/** The UK calendar date of an instant, as "YYYY-MM-DD" (what a GOV.UK date input shows for it). */
export function londonDateOf(iso: string): string {
  const { year, month, day } = londonParts(iso);
  return `${year}-${month}-${day}`;
}
