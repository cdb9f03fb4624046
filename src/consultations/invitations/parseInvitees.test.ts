import { describe, expect, it } from 'vitest';
import { inviteeProblem, parseInvitees } from './parseInvitees.js';

describe('parseInvitees', () => {
  it('reads one person a line, splitting at the last comma and skipping blank lines', () => {
    expect(parseInvitees('Cllr Jane Smith, jane@example.gov.uk\r\n\n  Bob, Jones ,bob@example.org  \nno-name@example.org')).toEqual([
      { name: 'Cllr Jane Smith', email: 'jane@example.gov.uk' },
      { name: 'Bob, Jones', email: 'bob@example.org' },
      { name: '', email: 'no-name@example.org' },
    ]);
    expect(parseInvitees(' \n ')).toEqual([]);
  });
});

describe('inviteeProblem', () => {
  it('names the line of the first problem, counting from 1', () => {
    expect(
      inviteeProblem([
        { field: '2.name', message: 'Enter the name of the person to invite' },
        { field: '3.email', message: 'Enter an email address' },
      ]),
    ).toBe('Line 3: Enter the name of the person to invite');
    expect(inviteeProblem([{ field: 'form', message: 'Add at least one person to invite' }])).toBe('Add at least one person to invite');
    expect(inviteeProblem([])).toBe('Check the list');
  });
});
