import { londonLocalToUtcIso } from './londonTime.js';

export interface UkDateTime {
  /** The instant, as a UTC ISO string (a date alone: the start of that day in UK time). */
  instant: string;
  /** The calendar day it falls on in the UK, YYYY-MM-DD. */
  day: string;
  /** False for a date alone. */
  hasTime: boolean;
}

const UK = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const LOCAL_ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;
/** An ISO instant with its own offset: taken as given. */
const ZONED_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/;

const pad = (n: string) => n.padStart(2, '0');
const LONDON_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The UK calendar day of an instant, YYYY-MM-DD. */
export const londonDay = (iso: string): string => LONDON_DAY.format(new Date(iso));

/**
 * A date, or date and time, as people in the UK write it: day first (05/02/2026 is 5 February), or ISO
 * (2026-02-05, 2026-02-05T14:30, 2026-02-05T14:30:00Z). Times without an offset are UK time. Undefined for
 * anything else, including dates that do not exist (31/02/2026) and month-first dates that cannot be day-first.
 */
export function readUkDateTime(raw: string): UkDateTime | undefined {
  const text = raw.trim();
  if (ZONED_ISO.test(text)) {
    const t = Date.parse(text);
    if (Number.isNaN(t) || !LOCAL_ISO.test(text.slice(0, 10))) return undefined;
    const instant = new Date(t).toISOString();
    return { instant, day: londonDay(instant), hasTime: true };
  }
  let local: string | undefined;
  let seconds: string | undefined;
  const uk = UK.exec(text);
  if (uk) {
    local = `${uk[3]}-${pad(uk[2] as string)}-${pad(uk[1] as string)}${uk[4] ? `T${pad(uk[4])}:${uk[5]}` : ''}`;
    seconds = uk[6];
  } else {
    const iso = LOCAL_ISO.exec(text);
    if (iso) {
      local = `${iso[1]}-${iso[2]}-${iso[3]}${iso[4] ? `T${iso[4]}:${iso[5]}` : ''}`;
      seconds = iso[6];
    }
  }
  if (!local || (seconds !== undefined && Number(seconds) > 59)) return undefined;
  const start = londonLocalToUtcIso(local);
  if (!start) return undefined;
  const instant = seconds ? new Date(Date.parse(start) + Number(seconds) * 1000).toISOString() : start;
  return { instant, day: local.slice(0, 10), hasTime: local.length > 10 };
}
