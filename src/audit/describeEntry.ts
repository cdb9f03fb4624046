/**
 * An audit entry in plain English: who did it (name and email, not an id), what they did ("Imported 450 responses")
 * and what it was done to (a consultation's title, a user's name, the partnership's name). Pure: the names come in.
 * A new action is described here; one this file does not know is shown by its code and its details.
 */
import { isRole, ROLE_LABELS } from '../accounts/index.js';
import { channelLabel } from '../responses/index.js';
import { TEMPLATES } from '../surveys/index.js';
import type { AuditEntry } from './queries/auditEntries.js';

export interface Person {
  name: string;
  email: string;
}

/** The names the log refers to by id, within the reader's partnerships. */
export interface AuditNames {
  users: ReadonlyMap<string, Person>;
  consultations: ReadonlyMap<string, string>;
  partnerships: ReadonlyMap<string, string>;
}

export interface DescribedEntry {
  id: string;
  at: string;
  who: string;
  what: string;
  record: string;
  partnership: string;
  action: string;
}

const count = (n: unknown, one: string, many = `${one}s`) => {
  const value = typeof n === 'number' ? n : Number(n ?? 0);
  return `${value.toLocaleString('en-GB')} ${value === 1 ? one : many}`;
};
const text = (value: unknown) => (typeof value === 'string' ? value : value === undefined || value === null ? '' : JSON.stringify(value));
const roleName = (role: unknown) => (typeof role === 'string' && isRole(role) ? ROLE_LABELS[role] : text(role));
const formatName = (format: unknown) => (typeof format === 'string' && format ? ` (${format.toUpperCase()})` : '');
const templateName = (id: unknown) =>
  typeof id === 'string' && Object.hasOwn(TEMPLATES, id) ? TEMPLATES[id as keyof typeof TEMPLATES].name : text(id);

type Detail = Record<string, unknown>;
const because = (reason: unknown) => (typeof reason === 'string' && reason ? `: “${reason}”` : '');
const quoted = (value: unknown) => `“${text(value)}”`;
const changedKeys = (after: unknown) =>
  after && typeof after === 'object' && Object.keys(after).length ? ` (${Object.keys(after).join(', ')})` : '';

/** How a sign-in passed two-step verification, and what a failed attempt was doing. */
const TWO_STEP_WAYS: Record<string, string> = {
  code: ' with a two-step code',
  'recovery-code': ' with a two-step recovery code',
  'set-up': ', setting up two-step verification',
};
const TWO_STEP_FAILURES: Record<string, string> = {
  'sign-in': 'a wrong or used code when signing in',
  'set-up': 'a wrong code while setting it up',
  'recovery-codes': 'a wrong password or code when making new recovery codes',
  'turn-off': 'a wrong password when turning it off',
};

/** Why a single sign-on was refused (accounts/oidc/signInWithOidc.ts). */
const SSO_REFUSALS: Record<string, string> = {
  'no-role': 'their account at the identity provider has no SaferPlan role',
  disabled: 'the user is disabled',
  'not-a-user': 'no SaferPlan user has that email address',
  'provider-error': 'the identity provider did not sign them in',
  expired: 'the sign-in had expired or was already used',
  'invalid-response': "the identity provider's answer failed its checks",
  unreachable: 'the identity provider could not be reached',
};
const SSO = " (single sign-on with the council's account)";
const viaSso = (d: Detail) => (d.via === 'sso' ? SSO : '');

/** What each known action says, from its detail. */
const ACTIONS: Record<string, (d: Detail) => string> = {
  'session.sign-in': (d) => `Signed in${TWO_STEP_WAYS[text(d.twoStep)] ?? ''}${viaSso(d)}`,
  'session.sso-refused': (d) => `Refused single sign-on: ${SSO_REFUSALS[text(d.reason)] ?? text(d.reason)}`,
  'session.password-accepted': (d) =>
    `Entered a correct password, then was asked ${d.secondStep === 'set-up' ? 'to set up two-step verification' : 'for a two-step code'}`,
  'session.sign-in-failed': () => 'Failed to sign in: wrong email address or password',
  'session.sign-out': () => 'Signed out',
  'user.create': (d) => `Added the user as ${roleName(d.role)}${d.via === 'sso' ? ' at their first single sign-on' : ''}`,
  'user.role': (d) => `Changed the role from ${roleName(d.from)} to ${roleName(d.to)}${d.via === 'sso' ? ', as the identity provider says' : ''}`,
  'user.disable': () => 'Disabled the user and signed them out',
  'user.enable': () => 'Enabled the user',
  'user.password': (d) => (d.own ? 'Changed their own password' : 'Set a new password for the user'),
  'user.remove': () => 'Removed the user',
  'user.password-reset-link': () => 'Created a one-time password reset link',
  'user.password-reset': () => 'Set a new password with a reset link',
  'two-step.enrol': () => 'Set up two-step verification',
  'two-step.recovery-codes': () => 'Made new two-step recovery codes',
  'two-step.recovery-code-used': (d) => `Used a two-step recovery code (${count(d.left, 'code')} left)`,
  'two-step.failed': (d) => `Failed two-step verification: ${TWO_STEP_FAILURES[text(d.stage)] ?? text(d.stage)}`,
  'two-step.turn-off': () => 'Turned off their two-step verification',
  'two-step.reset': (d) => `Reset the user's two-step verification${d.wasSetUp === false ? ' (it was not set up)' : ''}`,
  'partnership.create': () => 'Created the partnership',
  'partnership.set_suppression_minimum': (d) => `Changed the smallest base shown from ${text(d.from)} to ${text(d.to)}`,
  'consultation.create': (d) => `Created the consultation from the ${templateName(d.template)} template`,
  'consultation.schedule': () => 'Scheduled the consultation',
  'consultation.open': () => 'Opened the consultation',
  'consultation.close': () => 'Closed the consultation',
  'consultation.mark-analysed': () => 'Marked the consultation as analysed',
  'consultation.publish': () => 'Published the results',
  'survey.edit': (d) => `Edited the survey (version ${text(d.fromVersion)} to ${text(d.toVersion)})${d.summary ? `: ${text(d.summary)}` : ''}`,
  'invitations.create': (d) => `Created ${count(d.count, 'invitation link')}`,
  'invitations.export': (d) => `Downloaded ${count(d.rows, 'invitation link')}${formatName(d.format)}`,
  'responses.import': (d) => `Imported ${count(d.rows, 'response')}`,
  'responses.export': (d) => `Downloaded ${count(d.rows, 'response')}${formatName(d.format)}${d.complete === false ? ', not finished' : ''}`,
  'response.enter': (d) => `Keyed in a response (${channelLabel(text(d.channel))})`,
  'audit.export': (d) => `Downloaded ${count(d.rows, 'audit log entry', 'audit log entries')}${formatName(d.format)}`,
  'database.backup': () => 'Backed up the database',
  'database.restore': () => 'Restored the database from a backup',
  'consultation.update': (d) => `Changed the consultation's details${changedKeys(d.after)}`,
  'consultation.reopen': (d) => `Reopened the consultation${because(d.reason)}`,
  'response.correct': (d) => `Corrected response ${text(d.reference)}${because(d.reason)}`,
  'response.withdraw': (d) => `Withdrew response ${text(d.reference)}${because(d.reason)}`,
  'response.restore': (d) => `Restored response ${text(d.reference)}`,
  'analysis.save_margins': (d) => `Saved the population margins for weighting (${count(d.lines, 'line')})`,
  'invitations.download_links': (d) => `Downloaded ${count(d.count, 'personal invitation link')} (CSV)`,
  'codebook.seed': (d) => `Started the codebook with ${count(d.themes, 'theme')}`,
  'codebook.theme.add': (d) => `Added the theme ${quoted(d.name ?? d.theme)}`,
  'codebook.theme.update': (d) => `Changed the theme ${quoted(d.theme)}`,
  'codebook.theme.remove': (d) => `Removed the theme ${quoted(d.theme)}`,
  'codebook.theme.merge': (d) => `Merged the theme ${quoted(d.from)} into ${quoted(d.into)}`,
  'codebook.theme.split': (d) => `Split the theme ${quoted(d.theme)}`,
  'coding.code': () => 'Coded an answer',
  'coding.code-blind': () => 'Coded an answer blind (second coder)',
  'coding.blind-sample': (d) => `Drew ${count(d.drawn, 'answer')} for blind coding`,
  'coding.import': (d) => `Imported ${count(d.added, 'coding')}`,
  'coding.export': (d) => `Downloaded ${count(d.rows, 'coding')}`,
  'geography.import': (d) => `Imported ${count(d.count, 'boundary', 'boundaries')} (${text(d.areas)}s)`,
  'coding.llm-run': (d) => `Asked the LLM (${text(d.model)}) to suggest themes for ${count(d.answers, 'answer')} to ${text(d.question)}`,
  'redaction.settings': (d) =>
    d.keepOriginals ? `Chose to keep residents' text as typed for ${count(d.retentionDays, 'day')}` : "Chose not to keep residents' text as typed",
  'redaction.read-original': (d) => `Read response ${text(d.reference)} as typed, before redaction`,
  'redaction.purge-originals': (d) => `Deleted ${count(d.deleted, 'text as typed', 'texts as typed')} past their retention period`,
  'stakeholder.add': () => 'Added a contact to the stakeholder register',
  'stakeholder.edit': () => 'Changed a contact in the stakeholder register',
  'stakeholder.remove': () => 'Removed a contact from the stakeholder register',
  'stakeholder.import': (d) => `Imported the stakeholder register${d.file ? ` from ${text(d.file)}` : ''}`,
  'smtp.update': () => 'Changed the email (SMTP) settings',
  'suggestions.set_llm': (d) => `Set the LLM for theme suggestions (${text(d.model)})`,
  'suggestions.remove_llm': () => 'Removed the LLM for theme suggestions',
  'workshop.create': () => 'Created the workshop',
  'workshop.update': () => "Changed the workshop's details",
  'workshop.attendees': () => "Changed the workshop's list of attendees",
  'workshop.attendance': () => 'Recorded attendance at the workshop',
  'workshop.invitations_send': () => 'Sent personal voting links for the workshop',
  'workshop.item_add': () => 'Captured an item at the workshop',
  'workshop.item_edit': () => "Changed a workshop's item",
  'workshop.item_remove': () => "Removed a workshop's item",
  'workshop.candidate_add': () => 'Added a candidate priority for voting',
  'workshop.candidate_edit': () => 'Changed a candidate priority',
  'workshop.candidate_remove': () => 'Removed a candidate priority',
  'workshop.voting_open': () => 'Opened voting at the workshop',
  'workshop.voting_closed': () => 'Closed voting at the workshop',
  'workshop.vote': (d) => `Voted with ${count(d.dots, 'dot')}`,
};

/** Short names for the action filter, in the order offered. */
export const ACTION_NAMES: Record<string, string> = {
  'session.sign-in': 'Signed in',
  'session.sign-in-failed': 'Failed sign-in',
  'session.sso-refused': 'Refused single sign-on',
  'session.sign-out': 'Signed out',
  'user.create': 'Added a user',
  'user.role': 'Changed a role',
  'user.disable': 'Disabled a user',
  'user.enable': 'Enabled a user',
  'user.password': 'Set or changed a password',
  'user.password-reset-link': 'Created a password reset link',
  'user.password-reset': 'Reset a password with a link',
  'session.password-accepted': 'Entered a correct password (second step due)',
  'two-step.enrol': 'Set up two-step verification',
  'two-step.recovery-codes': 'Made new recovery codes',
  'two-step.recovery-code-used': 'Used a recovery code',
  'two-step.failed': 'Failed two-step verification',
  'two-step.turn-off': 'Turned off two-step verification',
  'two-step.reset': "Reset a user's two-step verification",
  'user.remove': 'Removed a user',
  'partnership.create': 'Created a partnership',
  'partnership.set_suppression_minimum': 'Changed the smallest base',
  'consultation.create': 'Created a consultation',
  'consultation.schedule': 'Scheduled a consultation',
  'consultation.open': 'Opened a consultation',
  'consultation.close': 'Closed a consultation',
  'consultation.mark-analysed': 'Marked a consultation analysed',
  'consultation.publish': 'Published results',
  'survey.edit': 'Edited a survey',
  'invitations.create': 'Created invitation links',
  'invitations.export': 'Downloaded invitation links',
  'responses.import': 'Imported responses',
  'responses.export': 'Downloaded responses',
  'response.enter': 'Keyed in a response',
  'audit.export': 'Downloaded the audit log',
  'consultation.update': "Changed a consultation's details",
  'consultation.reopen': 'Reopened a consultation',
  'response.correct': 'Corrected a response',
  'response.withdraw': 'Withdrew a response',
  'response.restore': 'Restored a response',
  'invitations.download_links': 'Downloaded invitation links',
  'coding.code': 'Coded an answer',
  'coding.import': 'Imported codings',
  'coding.export': 'Downloaded codings',
  'coding.llm-run': 'Asked the LLM for themes',
  'geography.import': 'Imported geography',
  'redaction.settings': "Changed keeping residents' text as typed",
  'stakeholder.import': 'Imported the stakeholder register',
  'workshop.vote': 'Voted at a workshop',
};

/** Groups of actions offered as one choice in the filter. */
export const ACTION_GROUPS: Record<string, { name: string; actions: readonly string[] }> = {
  'sign-ins': {
    name: 'Sign-ins, failed sign-ins and sign-outs',
    actions: ['session.sign-in', 'session.password-accepted', 'session.sign-in-failed', 'session.sso-refused', 'two-step.failed', 'session.sign-out'],
  },
  'two-step': {
    name: 'Two-step verification',
    actions: Object.keys(ACTION_NAMES).filter((a) => a.startsWith('two-step.')),
  },
  downloads: {
    name: 'Downloads of personal data',
    actions: ['responses.export', 'invitations.export', 'invitations.download_links', 'audit.export', 'coding.export'],
  },
  users: {
    name: 'Changes to users',
    actions: Object.keys(ACTION_NAMES).filter((a) => a.startsWith('user.')),
  },
};

/** An action this file does not know: its code and its details as "key: value". */
function fallback(action: string, detail: Detail): string {
  const parts = Object.entries(detail).map(([k, v]) => `${k}: ${text(v)}`);
  return parts.length ? `${action} (${parts.join('; ')})` : action;
}

export const describeAction = (action: string, detail: Detail): string => ACTIONS[action]?.(detail) ?? fallback(action, detail);

const personName = (p: Person) => (p.name ? `${p.name} (${p.email})` : p.email);

/** Who acted: a known user by name and email; the command line as such; otherwise the label recorded (an email). */
export function describeActor(entry: Pick<AuditEntry, 'actorId' | 'actor'>, names: AuditNames): string {
  const known = entry.actorId ? names.users.get(entry.actorId) : undefined;
  if (known) return personName(known);
  if (entry.actor.startsWith('cli:')) return `Command line (${entry.actor.slice(4)})`;
  return entry.actor;
}

/** What the entry is about, by its name. */
export function describeRecord(entry: Pick<AuditEntry, 'entity' | 'entityId' | 'detail'>, names: AuditNames): string {
  const { entity, entityId: id, detail } = entry;
  switch (entity) {
    case 'user': {
      const user = id ? names.users.get(id) : undefined;
      if (user) return `User ${personName(user)}`;
      return detail.email ? `User ${text(detail.email)}` : 'A user no longer here';
    }
    case 'consultation':
      return `Consultation “${(id && names.consultations.get(id)) || text(detail.title) || 'no longer here'}”`;
    case 'partnership':
      return `Partnership ${(id && names.partnerships.get(id)) || text(detail.name)}`;
    case 'response':
      return `Response ${text(detail.reference) || id}`;
    case 'database':
      return 'The database';
    case 'audit_log':
      return 'The audit log';
    default:
      return id ? `${entity} ${id}` : entity;
  }
}

export function describeEntry(entry: AuditEntry, names: AuditNames): DescribedEntry {
  return {
    id: entry.id,
    at: entry.at,
    who: describeActor(entry, names),
    what: describeAction(entry.action, entry.detail),
    record: describeRecord(entry, names),
    partnership: entry.partnershipId ? (names.partnerships.get(entry.partnershipId) ?? '') : '',
    action: entry.action,
  };
}
