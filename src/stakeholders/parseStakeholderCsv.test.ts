import { describe, expect, it } from 'vitest';
import { parseStakeholderCsv } from './parseStakeholderCsv.js';

const HEADER = 'organisation,sector,contact_name,email,phone,role';

describe('parseStakeholderCsv', () => {
  it('reads every contact, lower-casing emails and sectors', () => {
    expect(parseStakeholderCsv(`${HEADER}\nWest Midlands Police,Police,Sam Patel,Sam@Example.org,0121 000 0000,Inspector\n`)).toEqual({
      ok: true,
      contacts: [
        {
          organisation: 'West Midlands Police',
          sector: 'police',
          contactName: 'Sam Patel',
          email: 'sam@example.org',
          phone: '0121 000 0000',
          role: 'Inspector',
        },
      ],
    });
  });

  it('names every problem by row and column', () => {
    const csv = `${HEADER}\n,army,A,not-an-email,,\nOrg,faith,B,b@example.org,call me,\nOrg,faith,C,b@example.org,,\n`;
    expect(parseStakeholderCsv(csv)).toEqual({
      ok: false,
      problems: [
        { row: 2, column: 'organisation', message: 'Enter the organisation' },
        {
          row: 2,
          column: 'sector',
          message: 'Choose a sector: police, fire, health, probation, housing, education, voluntary, business, faith, council',
        },
        { row: 2, column: 'email', message: 'Enter an email address in the correct format, like name@example.org' },
        { row: 3, column: 'phone', message: 'Enter a phone number using only digits, spaces, brackets, + and -' },
        { row: 4, column: 'email', message: 'b@example.org is already on row 3' },
      ],
    });
  });

  it('names missing columns and an empty file', () => {
    expect(parseStakeholderCsv('organisation,sector\n')).toEqual({
      ok: false,
      problems: ['contact_name', 'email', 'phone', 'role'].map((column) => ({ row: 1, column, message: `The header has no ${column} column` })),
    });
    expect(parseStakeholderCsv(`${HEADER}\n`)).toEqual({
      ok: false,
      problems: [{ row: 2, column: '', message: 'The file has no contacts under its header' }],
    });
  });

  it('refuses a cell holding NUL, which PostgreSQL could not store (found by the properties)', () => {
    expect(parseStakeholderCsv('organisation,sector,contact_name,email,phone,role\nOrg\u0000name,police,Ann,ann@example.org,,\n')).toEqual({
      ok: false,
      problems: [{ row: 2, column: 'organisation', message: 'The organisation must not hold a NUL character' }],
    });
  });
});
