// Every stage change (schedule, open, close, mark analysed, publish) and every refusal, through HTTP and the CLI.
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/databases.js';
import { buildConsultation, buildPartnership, buildUser } from '../../test-support/factories.js';
import { type HttpClient, startTestServer, type TestServer } from '../../test-support/httpClient.js';
import { runCli } from '../../test-support/runCli.js';
import { listAuditLog } from '../accounts/queries/listAuditLog.js';
import type { StageAction } from './changeConsultationStage.js';
import { loadConsultation } from './queries/loadConsultation.js';
import type { ConsultationStatus } from './status.js';

const DAY_MS = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

/** What each successful change writes: its new stage, and which dates it moves to now. */
interface Success {
  from: ConsultationStatus;
  action: StageAction;
  to: ConsultationStatus;
  detail: { stage?: string; opensNow?: true; closedNow?: true };
}

const SUCCESSES: Success[] = [
  { from: 'draft', action: 'schedule', to: 'scheduled', detail: { stage: 'ready' } },
  { from: 'draft', action: 'open', to: 'open', detail: { stage: 'ready' } },
  { from: 'scheduled', action: 'open', to: 'open', detail: { stage: 'ready', opensNow: true } },
  { from: 'scheduled', action: 'close', to: 'closed', detail: { opensNow: true, closedNow: true } },
  { from: 'open', action: 'close', to: 'closed', detail: { closedNow: true } },
  { from: 'closed', action: 'mark-analysed', to: 'analysed', detail: { stage: 'analysed' } },
  { from: 'closed', action: 'publish', to: 'published', detail: { stage: 'published' } },
  { from: 'analysed', action: 'publish', to: 'published', detail: { stage: 'published' } },
];

/** Each 409 changeConsultationStage makes; `T` stands for the consultation's title. */
const REFUSALS: { from: ConsultationStatus; action: StageAction; message: string }[] = [
  { from: 'scheduled', action: 'schedule', message: '"T" is already scheduled' },
  { from: 'open', action: 'schedule', message: '"T" is already scheduled' },
  { from: 'open', action: 'open', message: '"T" is already open' },
  { from: 'closed', action: 'open', message: '"T" cannot open: it was closed early (an administrator can reopen it)' },
  { from: 'draft', action: 'close', message: '"T" is not open (it is draft)' },
  { from: 'closed', action: 'close', message: '"T" is not open (it is closed)' },
  { from: 'open', action: 'mark-analysed', message: '"T" must be closed before it is marked analysed (it is open)' },
  { from: 'analysed', action: 'mark-analysed', message: '"T" must be closed before it is marked analysed (it is analysed)' },
  { from: 'draft', action: 'publish', message: '"T" must be closed before its results are published (it is draft)' },
  { from: 'open', action: 'publish', message: '"T" must be closed before its results are published (it is open)' },
  { from: 'published', action: 'publish', message: '"T" must be closed before its results are published (it is published)' },
];

/** What a page says, as a reader sees it (entities decoded). */
const textOf = (html: string) => parseHTML(html).document.body.textContent ?? '';

describeEachEngine('consultation stage changes', ({ handle, target }) => {
  let server: TestServer;
  let partnershipId: string;
  let analyst: { client: HttpClient; email: string };

  beforeAll(async () => {
    server = await startTestServer(handle());
    partnershipId = (await buildPartnership({ db: handle().db })).id;
    analyst = await buildUser({ db: handle().db, role: 'analyst', partnershipId, server });
  });
  afterAll(() => server.close());

  /** A consultation at `from`; a draft about to be scheduled opens in a week, so that scheduling leaves it forthcoming. */
  const consultationAt = (from: ConsultationStatus, action: StageAction, title: string) => {
    const forthcoming = from === 'draft' && action === 'schedule' ? { opens: inDays(7), closes: inDays(30) } : {};
    return buildConsultation({ db: handle().db, partnershipId, stage: from, title, ...forthcoming });
  };
  const row = (id: string) => handle().db.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const auditOf = async (id: string) => (await listAuditLog(handle().db, [partnershipId], 10_000)).filter((e) => e.entityId === id);
  const post = async (id: string, action: string) =>
    analyst.client.postForm(`/staff/consultations/${id}/stage`, { _csrf: await analyst.client.csrfFrom(`/staff/consultations/${id}`), action });

  it.each(SUCCESSES)('$action: $from -> $to over HTTP, with its audit entry', async ({ from, action, to, detail }) => {
    const c = await consultationAt(from, action, `${action} from ${from}`);
    const before = await row(c.id);
    const startedAt = new Date().toISOString();
    const res = await post(c.id, action);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/staff/consultations/${c.id}?changed=1`);
    expect((await loadConsultation(handle().db, c.id, partnershipId))?.status).toBe(to);

    const after = await row(c.id);
    expect(after.stage).toBe(detail.stage ?? before.stage);
    const movedToNow = (was: string, is: string) => is !== was && is >= startedAt && is <= new Date().toISOString();
    expect(movedToNow(before.opens_at, after.opens_at)).toBe(detail.opensNow === true);
    // Closing keeps the planned closing date and records when it closed beside it.
    expect(after.closes_at).toBe(before.closes_at);
    expect(after.closed_at !== null && after.closed_at >= startedAt && after.closed_at <= new Date().toISOString()).toBe(detail.closedNow === true);
    const mine = (await auditOf(c.id)).filter((e) => e.actor === analyst.email);
    expect(mine.map(({ action, entity, partnershipId: pid, detail }) => ({ action, entity, pid, detail }))).toEqual([
      {
        action: `consultation.${action}`,
        entity: 'consultation',
        pid: partnershipId,
        detail: {
          ...(detail.stage ? { stage: detail.stage } : {}),
          ...(detail.opensNow ? { opens_at: after.opens_at } : {}),
          ...(detail.closedNow ? { closed_at: after.closed_at } : {}),
        },
      },
    ]);
  });

  it.each(REFUSALS)('refuses $action when $from with 409, changing nothing', async ({ from, action, message }) => {
    const title = `Refuse ${action} when ${from}`;
    const c = await consultationAt(from, action, title);
    const [rowBefore, auditBefore] = [await row(c.id), await auditOf(c.id)];
    const res = await post(c.id, action);
    expect(res.status).toBe(409);
    const page = textOf(await res.text());
    expect(page).toContain('Error code: conflict');
    expect(page).toContain(message.replace('T', title));
    expect(await row(c.id)).toEqual(rowBefore);
    expect(await auditOf(c.id)).toEqual(auditBefore);
  });

  it('refuses an unknown action, and staff who may not manage consultations, changing nothing', async () => {
    const c = await consultationAt('draft', 'open', 'Not for everyone');
    const before = await row(c.id);
    expect((await post(c.id, 'explode')).status).toBe(400);
    for (const role of ['partner', 'member', 'viewer'] as const) {
      const { client } = await buildUser({ db: handle().db, role, partnershipId, server });
      const _csrf = await client.csrfFrom(`/staff/consultations/${c.id}`);
      const res = await client.postForm(`/staff/consultations/${c.id}/stage`, { _csrf, action: 'open' });
      expect(res.status).toBe(403);
    }
    expect(await row(c.id)).toEqual(before);
    expect((await auditOf(c.id)).map((e) => e.action)).toEqual(['consultation.create']);
  });

  it('opens and closes with saferplan consultation open|close, each audited as the command line, and refuses as HTTP does', async () => {
    const cli = (...args: string[]) => runCli(['--db', target(), 'consultation', ...args]);
    const c = await consultationAt('draft', 'open', 'From the command line');
    const opened = await cli('open', c.id);
    expect(opened.stderr).toBe('');
    expect(JSON.parse(opened.stdout)).toEqual({ id: c.id, status: 'open', opensAt: c.opensAt, closesAt: c.closesAt, closedAt: null });

    const again = await cli('open', c.id);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('"From the command line" is already open');

    const closed = await cli('close', c.id);
    expect(closed.code).toBe(0);
    const after = await row(c.id);
    expect(after.closes_at).toBe(c.closesAt);
    expect(JSON.parse(closed.stdout)).toEqual({ id: c.id, status: 'closed', opensAt: c.opensAt, closesAt: c.closesAt, closedAt: after.closed_at });

    const closedAgain = await cli('close', c.id);
    expect(closedAgain.code).toBe(1);
    expect(closedAgain.stderr).toContain('"From the command line" is not open (it is closed)');

    const entries = (await auditOf(c.id)).reverse();
    expect(entries.map((e) => [e.action, e.actor.startsWith('cli:')])).toEqual([
      ['consultation.create', true],
      ['consultation.open', true],
      ['consultation.close', true],
    ]);
    expect(entries.at(-1)?.detail).toEqual({ closed_at: after.closed_at });
  }, 120_000);

  it('prints the new consultation’s public address from PUBLIC_URL with saferplan consultation create', async () => {
    const created = await runCli(
      [
        '--db',
        target(),
        'consultation',
        'create',
        '--partnership',
        partnershipId,
        '--template',
        'blank',
        '--title',
        'Printed address',
        '--opens',
        '2099-01-01',
        '--closes',
        '2099-02-01',
      ],
      { env: { PUBLIC_URL: 'https://safety.example.gov.uk' } },
    );
    const slug = (await handle().db.selectFrom('partnerships').select('slug').where('id', '=', partnershipId).executeTakeFirstOrThrow()).slug;
    expect(created.stderr).toBe('');
    expect(JSON.parse(created.stdout).url).toBe(`https://safety.example.gov.uk/p/${slug}/printed-address`);
  }, 60_000);
});
