/**
 * Properties of the stakeholder CSV: a file of valid contacts reads to exactly those contacts; any other file reads to
 * problems naming row and column, never a throw; and an import on both engines stores the contacts or is refused,
 * changing nothing.
 */
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { hostileText, wellFormed } from '../../test-support/arbitraries.js';
import { describeEachEngine } from '../../test-support/databases.js';
import { buildPartnership } from '../../test-support/factories.js';
import { tableCounts } from '../../test-support/tableCounts.js';
import { cliActor } from '../platform/recordAudit.js';
import { importStakeholders, StakeholderImportRejected } from './manageStakeholders.js';
import { parseStakeholderCsv } from './parseStakeholderCsv.js';
import { SECTORS } from './sectors.js';
import { CSV_COLUMNS } from './stakeholderFields.js';

const HEADER = CSV_COLUMNS.map(([column]) => column);
const words = (max: number) =>
  hostileText(40)
    .map((s) => s.trim().slice(0, max))
    .filter((s) => wellFormed(s) && !s.includes('\u0000') && s.trim() === s);
const contact = fc.record({
  organisation: words(200).filter((s) => s !== ''),
  sector: fc.constantFrom(...SECTORS),
  contactName: words(200).filter((s) => s !== ''),
  email: fc
    .tuple(fc.stringMatching(/^[A-Za-z0-9]([A-Za-z0-9._-]{0,20}[A-Za-z0-9])?$/), fc.stringMatching(/^[a-z0-9]{1,12}$/))
    .map(([local, domain]) => `${local.replace(/\.{2,}/g, '.')}@${domain}.org.uk`),
  phone: fc.stringMatching(/^[0-9+() -]{0,20}$/).map((s) => s.trim()),
  role: words(200),
});
const contacts = fc.uniqueArray(contact, { minLength: 1, maxLength: 6, selector: (c) => c.email.toLowerCase() });
const csvOf = (cs: (typeof contact extends fc.Arbitrary<infer T> ? T : never)[]) =>
  stringify([HEADER, ...cs.map((c) => [c.organisation, c.sector.toUpperCase(), c.contactName, c.email, c.phone, c.role])]);

const hostileCsv = fc.oneof(
  hostileText(200),
  fc.array(fc.array(hostileText(20), { minLength: 6, maxLength: 6 }), { maxLength: 4 }).map((rows) => stringify([HEADER, ...rows])),
  fc.tuple(contacts, fc.nat(), fc.nat({ max: 5 }), fc.oneof(hostileText(30), fc.constant('Org\u0000name'))).map(([cs, at, column, bad]) =>
    stringify([
      HEADER,
      ...cs.map((c, i) => {
        const cells = [c.organisation, c.sector, c.contactName, c.email, c.phone, c.role];
        if (i === at % cs.length) cells[column] = bad;
        return cells;
      }),
    ]),
  ),
);

describe('reading a stakeholder CSV', () => {
  it('reads a file of valid contacts to exactly those contacts', () => {
    fc.assert(
      fc.property(contacts, (cs) => {
        expect(parseStakeholderCsv(csvOf(cs))).toEqual({ ok: true, contacts: cs.map((c) => ({ ...c, email: c.email.toLowerCase() })) });
      }),
      { numRuns: 200 },
    );
  });

  it('reads any other file to contacts or problems naming row and column, never throwing', () => {
    fc.assert(
      fc.property(hostileCsv, (text) => {
        const read = parseStakeholderCsv(text);
        if (read.ok) for (const c of read.contacts) for (const v of Object.values(c)) expect(v).not.toContain('\u0000');
        else
          for (const p of read.problems) {
            expect(p.row).toBeGreaterThanOrEqual(1);
            expect(p.message.length).toBeGreaterThan(0);
          }
      }),
      { numRuns: 500 },
    );
  });
});

describeEachEngine('importing stakeholders (properties)', ({ handle }) => {
  let partnershipId: string;
  beforeAll(async () => {
    ({ id: partnershipId } = await buildPartnership({ db: handle().db, wards: [] }));
  });
  it('stores valid contacts as given, or refuses any other file, changing nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          contacts.map((cs) => ({ cs, csv: csvOf(cs) })),
          hostileCsv.map((csv) => ({ csv })),
        ),
        async (f) => {
          const before = await tableCounts(handle().db, ['stakeholders', 'audit_log']);
          const result = await importStakeholders({ db: handle().db, actor: cliActor(), partnershipId, csv: f.csv, fileName: 'c.csv' }).catch(
            (e: unknown) => e,
          );
          if (result instanceof Error) {
            expect(result, String(result.stack)).toBeInstanceOf(StakeholderImportRejected);
            expect(await tableCounts(handle().db, ['stakeholders', 'audit_log'])).toEqual(before);
            return;
          }
          if ('cs' in f) {
            const stored = await handle()
              .db.selectFrom('stakeholders')
              .select(['email', 'organisation', 'contact_name'])
              .where('partnership_id', '=', partnershipId)
              .execute();
            for (const c of f.cs)
              expect(stored).toContainEqual({ email: c.email.toLowerCase(), organisation: c.organisation, contact_name: c.contactName });
          }
        },
      ),
      { numRuns: 12 },
    );
  });
});
