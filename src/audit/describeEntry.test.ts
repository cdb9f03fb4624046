import { describe, expect, it } from 'vitest';
import { type AuditNames, describeAction, describeEntry } from './describeEntry.js';
import type { AuditEntry } from './queries/auditEntries.js';

const names: AuditNames = {
  users: new Map([
    ['u1', { name: 'Jane Smith', email: 'jane@anytown.example' }],
    ['u2', { name: '', email: 'officer@anytown.example' }],
  ]),
  consultations: new Map([['c1', 'Crime Survey 2024']]),
  partnerships: new Map([['p1', 'Anytown Community Safety Partnership']]),
};

const entry = (over: Partial<AuditEntry>): AuditEntry => ({
  id: 'e1',
  at: '2026-02-05T10:30:00.000Z',
  actorId: 'u1',
  actor: 'jane@anytown.example',
  partnershipId: 'p1',
  action: 'session.sign-in',
  entity: 'user',
  entityId: 'u1',
  detail: {},
  ...over,
});

describe('describeEntry', () => {
  it('names the actor, the action and the record in plain English', () => {
    expect(
      describeEntry(entry({ action: 'responses.import', entity: 'consultation', entityId: 'c1', detail: { importId: 'x', rows: 450 } }), names),
    ).toEqual({
      id: 'e1',
      at: '2026-02-05T10:30:00.000Z',
      who: 'Jane Smith (jane@anytown.example)',
      what: 'Imported 450 responses',
      record: 'Consultation “Crime Survey 2024”',
      partnership: 'Anytown Community Safety Partnership',
      action: 'responses.import',
    });
  });

  it('describes each two-step verification entry and how a sign-in passed it', () => {
    const described = [
      ['session.sign-in', {}],
      ['session.sign-in', { twoStep: 'code' }],
      ['session.sign-in', { twoStep: 'recovery-code' }],
      ['session.sign-in', { twoStep: 'set-up' }],
      ['session.password-accepted', { secondStep: 'code' }],
      ['session.password-accepted', { secondStep: 'set-up' }],
      ['two-step.enrol', {}],
      ['two-step.recovery-codes', {}],
      ['two-step.recovery-code-used', { left: 1 }],
      ['two-step.failed', { stage: 'sign-in', with: 'code' }],
      ['two-step.failed', { stage: 'set-up' }],
      ['two-step.failed', { stage: 'recovery-codes', with: 'password' }],
      ['two-step.failed', { stage: 'turn-off', with: 'password' }],
      ['two-step.turn-off', {}],
      ['two-step.reset', { wasSetUp: true }],
      ['two-step.reset', { wasSetUp: false }],
    ] as const;
    expect(described.map(([action, detail]) => describeAction(action, detail))).toEqual([
      'Signed in',
      'Signed in with a two-step code',
      'Signed in with a two-step recovery code',
      'Signed in, setting up two-step verification',
      'Entered a correct password, then was asked for a two-step code',
      'Entered a correct password, then was asked to set up two-step verification',
      'Set up two-step verification',
      'Made new two-step recovery codes',
      'Used a two-step recovery code (1 code left)',
      'Failed two-step verification: a wrong or used code when signing in',
      'Failed two-step verification: a wrong code while setting it up',
      'Failed two-step verification: a wrong password or code when making new recovery codes',
      'Failed two-step verification: a wrong password when turning it off',
      'Turned off their two-step verification',
      "Reset the user's two-step verification",
      "Reset the user's two-step verification (it was not set up)",
    ]);
  });

  it('describes single sign-on: the sign-in, the user it created, the role it changed and a refusal', () => {
    expect(describeAction('session.sign-in', { email: 'jane@anytown.example', via: 'sso' })).toBe(
      "Signed in (single sign-on with the council's account)",
    );
    expect(describeAction('user.create', { role: 'admin', via: 'sso' })).toBe('Added the user as Administrator at their first single sign-on');
    expect(describeAction('user.role', { from: 'analyst', to: 'viewer', via: 'sso' })).toBe(
      'Changed the role from Analyst to Viewer, as the identity provider says',
    );
    expect(describeAction('session.sso-refused', { email: 'jane@anytown.example', reason: 'no-role' })).toBe(
      'Refused single sign-on: their account at the identity provider has no SaferPlan role',
    );
    expect(describeAction('session.sso-refused', { reason: 'expired' })).toBe('Refused single sign-on: the sign-in had expired or was already used');
  });

  it('describes the command line, failed sign-ins and users no longer here', () => {
    const cli = describeEntry(
      entry({ actorId: null, actor: 'cli:root', action: 'user.create', entityId: 'gone', detail: { email: 'old@anytown.example', role: 'viewer' } }),
      names,
    );
    expect([cli.who, cli.what, cli.record]).toEqual(['Command line (root)', 'Added the user as Viewer', 'User old@anytown.example']);
    const failed = describeEntry(
      entry({ actorId: null, actor: 'jane@anytown.example', action: 'session.sign-in-failed', detail: { email: 'jane@anytown.example' } }),
      names,
    );
    expect([failed.who, failed.what, failed.record]).toEqual([
      'jane@anytown.example',
      'Failed to sign in: wrong email address or password',
      'User Jane Smith (jane@anytown.example)',
    ]);
    const removed = describeEntry(
      entry({
        actorId: 'u2',
        entity: 'consultation',
        entityId: 'deleted',
        action: 'consultation.create',
        detail: { title: 'Old survey', template: 'crime-survey' },
      }),
      names,
    );
    expect([removed.who, removed.what, removed.record]).toEqual([
      'officer@anytown.example',
      'Created the consultation from the Crime Survey (public) template',
      'Consultation “Old survey”',
    ]);
  });

  it('says what each download and change was, with counts and formats', () => {
    expect(describeAction('responses.export', { format: 'csv', rows: 1234 })).toBe('Downloaded 1,234 responses (CSV)');
    expect(describeAction('responses.export', { format: 'xlsx', rows: 1, complete: false })).toBe('Downloaded 1 response (XLSX), not finished');
    expect(describeAction('invitations.export', { format: 'csv', rows: 12 })).toBe('Downloaded 12 invitation links (CSV)');
    expect(describeAction('audit.export', { format: 'xlsx', rows: 1 })).toBe('Downloaded 1 audit log entry (XLSX)');
    expect(describeAction('user.role', { email: 'x', from: 'viewer', to: 'analyst' })).toBe('Changed the role from Viewer to Analyst');
    expect(describeAction('user.password', { own: true })).toBe('Changed their own password');
    expect(describeAction('user.password', { own: false })).toBe('Set a new password for the user');
    expect(describeAction('partnership.set_suppression_minimum', { from: 10, to: 15 })).toBe('Changed the smallest base shown from 10 to 15');
    expect(describeAction('survey.edit', { fromVersion: 1, toVersion: 2, summary: 'changed concerns' })).toBe(
      'Edited the survey (version 1 to 2): changed concerns',
    );
    expect(describeAction('invitations.create', { count: 1, emails: ['a@b'] })).toBe('Created 1 invitation link');
    expect(describeAction('response.enter', { reference: 'ABCD', channel: 'paper' })).toBe('Keyed in a response (Paper)');
  });

  it('describes managing responses, coding, redaction and workshops', () => {
    expect(describeAction('response.withdraw', { reference: 'ABCD', reason: 'duplicate' })).toBe('Withdrew response ABCD: “duplicate”');
    expect(describeAction('consultation.update', { before: { title: 'A' }, after: { title: 'B', closesAt: 'x' } })).toBe(
      "Changed the consultation's details (title, closesAt)",
    );
    expect(describeAction('codebook.theme.merge', { from: 'asb', into: 'youth', moved: 3 })).toBe('Merged the theme “asb” into “youth”');
    expect(describeAction('coding.blind-sample', { drawn: 24, total: 24 })).toBe('Drew 24 answers for blind coding');
    expect(describeAction('geography.import', { kind: 'boundaries', areas: 'ward', count: 18, file: 'w.geojson' })).toBe(
      'Imported 18 boundaries (wards)',
    );
    expect(describeAction('coding.llm-run', { question: 'feel_safer', answers: 6, model: 'llama3.1' })).toBe(
      'Asked the LLM (llama3.1) to suggest themes for 6 answers to feel_safer',
    );
    expect(describeAction('redaction.settings', { keepOriginals: true, retentionDays: 30, deleted: 0 })).toBe(
      "Chose to keep residents' text as typed for 30 days",
    );
    expect(describeAction('redaction.purge-originals', { deleted: 1, retentionDays: 30 })).toBe(
      'Deleted 1 text as typed past their retention period',
    );
    expect(describeAction('workshop.vote', { dots: 3 })).toBe('Voted with 3 dots');
    expect(describeAction('invitations.download_links', { personalData: true, count: 2, emails: [] })).toBe(
      'Downloaded 2 personal invitation links (CSV)',
    );
  });

  it('shows an action it does not know by its code and details', () => {
    expect(describeAction('something.else', { reference: 'ABCD', reason: 'duplicate' })).toBe('something.else (reference: ABCD; reason: duplicate)');
    expect(describeAction('something.new', {})).toBe('something.new');
  });
});
