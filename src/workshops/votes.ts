/** Dot voting: an attendee's dots, spread or stacked, checked against the allowance. Pure. */
export interface Ballot {
  /** Dots on each candidate, by candidate id (zeros left out). */
  dots: Record<string, number>;
}

/** Reads the form's dots-<candidateId> fields; a problem names its field. */
export function readBallot(
  fields: Record<string, string>,
  candidateIds: readonly string[],
  allowance: number,
): { ok: true; ballot: Ballot } | { ok: false; field: string; message: string } {
  const dots: Record<string, number> = {};
  let total = 0;
  for (const id of candidateIds) {
    const raw = (fields[`dots-${id}`] ?? '').trim();
    if (raw === '') continue;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0 || n > allowance)
      return { ok: false, field: `dots-${id}`, message: `Give each priority a whole number of dots from 0 to ${allowance}` };
    if (n > 0) dots[id] = n;
    total += n;
  }
  if (total > allowance)
    return {
      ok: false,
      field: `dots-${candidateIds[0] ?? ''}`,
      message: `You have ${allowance} dots: you placed ${total}. Take some off and try again`,
    };
  return { ok: true, ballot: { dots } };
}
