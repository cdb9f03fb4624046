/** The staff's list of people to invite: one a line, "name, email" (the last comma splits, so names may hold commas). */
import type { FieldError } from '../../platform/errors.js';

export interface Invitee {
  name: string;
  email: string;
}

/** Blank lines are skipped; a line without a comma is an email address with no name (createInvitations asks for one). */
export function parseInvitees(text: string): Invitee[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const comma = line.lastIndexOf(',');
      return comma < 0 ? { name: '', email: line } : { name: line.slice(0, comma).trim(), email: line.slice(comma + 1).trim() };
    });
}

/** The first problem createInvitations found, said with the line it is on ("0.email" is line 1). */
export function inviteeProblem(fields: readonly FieldError[]): string {
  const first = fields[0];
  const row = first ? /^(\d+)\./.exec(first.field)?.[1] : undefined;
  return `${row !== undefined ? `Line ${Number(row) + 1}: ` : ''}${first?.message ?? 'Check the list'}`;
}
