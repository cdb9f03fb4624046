// Workshop items are coded with the consultation's codebook, beside its survey answers: listed as one more question,
// coded one at a time, counted on the results page, exported and imported by reference like answers.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/databases.js';
import { type BuiltPartnership, buildConsultation, buildPartnership, buildResponses, buildUser } from '../../test-support/factories.js';
import { type HttpClient, startTestServer, type TestServer } from '../../test-support/httpClient.js';
import { ROLES, type Role } from '../accounts/roles.js';
import type { Consultation } from '../consultations/index.js';
import { cliActor } from '../platform/recordAudit.js';
import { addText } from '../workshops/manageItems.js';
import { createWorkshop } from '../workshops/manageWorkshops.js';
import { workshopPath } from '../workshops/viewModels.js';
import { importCodings } from './importCodings.js';
import { listThemes } from './queries/listThemes.js';
import { textAnswers } from './queries/textAnswers.js';
import { withComment } from './testFixtures.js';
import { WORKSHOP_ITEMS_QUESTION } from './units.js';

const ITEMS = [
  'Not enough youth workers in the evenings',
  'Vulnerable adults exploited by county lines gangs, Dave Smith saw it on Hill Street',
  'Reporting online is hard for older people',
];

describeEachEngine('workshop items in theme coding', ({ handle }) => {
  let server: TestServer;
  let p: BuiltPartnership;
  let c: Consultation;
  let other: Consultation;
  let linkedWorkshop = '';
  const staff = new Map<Role, HttpClient>();
  let analyst: HttpClient;
  const db = () => handle().db;
  const home = () => `/staff/consultations/${c.id}/coding`;
  const items = async () => (await textAnswers(db(), c)).filter((a) => a.questionCode === WORKSHOP_ITEMS_QUESTION);
  const themeId = async (code: string) => (await listThemes(db(), p.id, c.id)).find((t) => t.code === code)?.id ?? '';
  const post = async (client: HttpClient, url: string, fields: [string, string][]) => {
    const csrf = await client.csrfFrom(url);
    return client.request('POST', url, {
      body: new URLSearchParams([['_csrf', csrf], ...fields]).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  };

  beforeAll(async () => {
    server = await startTestServer(handle(), { signInRateLimit: 0 });
    p = await buildPartnership({ db: db(), name: 'Itemshire Community Safety Partnership' });
    c = await buildConsultation({ db: db(), partnershipId: p.id, stage: 'closed', title: 'Itemshire crime survey' });
    other = await buildConsultation({ db: db(), partnershipId: p.id, stage: 'closed', title: 'Itemshire members survey' });
    await buildResponses({ handle: handle(), consultation: c, answers: [withComment('More police on foot'), withComment('Better lighting')] });
    const actor = cliActor();
    const fields = (consultationId: string, title: string) => ({
      title,
      heldOn: '2024-09-12',
      theme: 'victim',
      customTheme: '',
      consultationId,
      evidence: '',
      evidenceLinks: '',
      dots: '3',
    });
    const linked = await createWorkshop({ db: db(), actor, partnershipId: p.id, fields: fields(c.id, 'Victim workshop') });
    linkedWorkshop = linked;
    for (const text of ITEMS) await addText({ db: db(), actor, partnershipId: p.id, workshopId: linked, kind: 'item', text });
    // Another consultation's workshop: its items are not this consultation's to code.
    const elsewhere = await createWorkshop({ db: db(), actor, partnershipId: p.id, fields: fields(other.id, 'Members workshop') });
    await addText({ db: db(), actor, partnershipId: p.id, workshopId: elsewhere, kind: 'item', text: 'Planted elsewhere' });
    for (const role of ROLES) staff.set(role, (await buildUser({ db: db(), role, partnershipId: p.id, server })).client);
    analyst = staff.get('analyst') as HttpClient;
  });
  afterAll(() => server.close());

  it('lists the linked workshops’ items as one more question, redacted as stored, and no other workshop’s', async () => {
    const listed = await items();
    expect(listed.map((i) => i.text)).toEqual([
      ITEMS[0],
      'Vulnerable adults exploited by county lines gangs, [name] saw it on Hill Street',
      ITEMS[2],
    ]);
    expect(listed.every((i) => /^W-[0-9a-f]{8}$/.test(i.reference) && i.kind === 'workshop_item')).toBe(true);
    const overview = await (await analyst.get(home())).text();
    expect(overview).toContain('Ideas captured at partner workshops');
    const list = await (await analyst.get(`${home()}/answers?question=${WORKSHOP_ITEMS_QUESTION}`)).text();
    expect(list).toContain('3 answers');
    expect(list).toContain('Victim workshop: Victim workshop, 2024-09-12');
    expect(list).not.toContain('Planted elsewhere');
    expect(list).not.toContain('More police on foot');
    // The workshop's own page sends an analyst there.
    const workshop = await (await analyst.get(workshopPath(p, { id: linkedWorkshop }))).text();
    expect(workshop).toContain(`href="${home()}/answers?question=${WORKSHOP_ITEMS_QUESTION}"`);
  });

  it('codes an item with the codebook, audited, and counts it on the results page with its quote', async () => {
    const [first] = await items();
    const url = `${home()}/answers/${first?.reference}/${WORKSHOP_ITEMS_QUESTION}`;
    const page = await (await analyst.get(url)).text();
    expect(page).toContain(`Workshop item ${first?.reference}`);
    const youth = await themeId('youth_provision');
    expect(youth).not.toBe('');
    const saved = await post(analyst, url, [
      ['themes', youth],
      ['note', ''],
      ['quotable', 'yes'],
      ['next', 'stay'],
    ]);
    expect(saved.status).toBe(303);
    await saved.text();
    const unit = await db()
      .selectFrom('coding_units')
      .selectAll()
      .where('unit_key', '=', first?.unitKey ?? '')
      .executeTakeFirstOrThrow();
    expect(unit).toMatchObject({ kind: 'workshop_item', item_id: first?.itemId, response_id: null, question_code: null });
    const audit = await db()
      .selectFrom('audit_log')
      .select('detail')
      .where('partnership_id', '=', p.id)
      .where('action', '=', 'coding.code')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail)).toMatchObject({ reference: first?.reference, question: WORKSHOP_ITEMS_QUESTION });

    const results = await (await analyst.get(`${home()}/results?question=${WORKSHOP_ITEMS_QUESTION}`)).text();
    expect(results).toContain('3 ideas were captured at the partner workshops');
    expect(results).toContain('1 of them are coded');
    expect(results).toContain(`Workshop item ${first?.reference}`);
    expect(results).toContain(ITEMS[0]);
    // A breakdown by ward means nothing for workshop items: said, and the counts are shown without it.
    const byWard = await (await analyst.get(`${home()}/results?question=${WORKSHOP_ITEMS_QUESTION}&by=ward`)).text();
    expect(byWard).toContain('they have no ward or group');
    expect(byWard).toContain('3 ideas were captured');
  });

  it('exports item codings by reference and imports them back', async () => {
    const csv = await (await analyst.get(`${home()}/codings.csv`)).text();
    const [first, second] = await items();
    expect(csv).toContain(`${first?.reference},${WORKSHOP_ITEMS_QUESTION},youth_provision`);
    const csvIn = `reference,question,theme\n${second?.reference},${WORKSHOP_ITEMS_QUESTION},exploitation_of_vulnerable_people\n`;
    await importCodings({ db: db(), actor: cliActor(), consultation: c, csv: csvIn });
    const names = (await listThemes(db(), p.id, c.id)).filter((t) => t.code === 'exploitation_of_vulnerable_people');
    expect(names).toHaveLength(1);
    const codings = await db()
      .selectFrom('codings')
      .select('theme_id')
      .where('unit_key', '=', second?.unitKey ?? '')
      .execute();
    expect(codings.map((r) => r.theme_id)).toEqual([names[0]?.id]);
  });

  it('refuses partners, members, viewers and another partnership’s admin an item', async () => {
    const [first] = await items();
    const url = `${home()}/answers/${first?.reference}/${WORKSHOP_ITEMS_QUESTION}`;
    for (const role of ['partner', 'member', 'viewer'] as const) {
      const res = await (staff.get(role) as HttpClient).get(url);
      expect(res.status, role).toBe(403);
      await res.text();
    }
    const stranger = (await buildUser({ db: db(), role: 'admin', server })).client;
    const refused = await stranger.get(url);
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain(ITEMS[0]);
  });
});
