// The public hub over HTTP: its GET search and filter form (no JavaScript), and closed consultations in the past tense.
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/databases.js';
import { type BuiltPartnership, buildConsultation, buildPartnership } from '../../test-support/factories.js';
import { HttpClient, startTestServer, type TestServer } from '../../test-support/httpClient.js';
import { cliActor } from '../platform/recordAudit.js';
import { updateConsultation } from './updateConsultation.js';

const textOf = (html: string) => (parseHTML(html).document.body.textContent ?? '').replace(/\s+/g, ' ');
const linksOf = (html: string) => [...parseHTML(html).document.querySelectorAll('.app-consultation-list a')].map((a) => a.textContent?.trim());

describeEachEngine('the public hub', ({ handle }) => {
  let server: TestServer;
  let partnership: BuiltPartnership;
  const visitor = () => new HttpClient(server.url);
  const hub = (query = '') => visitor().get(`/p/${partnership.slug}${query}`);

  beforeAll(async () => {
    server = await startTestServer(handle());
    const db = handle().db;
    partnership = await buildPartnership({
      db,
      themes: [
        { id: 'asb', title: 'Anti-social behaviour' },
        { id: 'roads', title: 'Safer roads' },
      ],
    });
    const partnershipId = partnership.id;
    const make = async (stage: 'open' | 'closed' | 'scheduled' | 'draft', title: string, topics: string[], summary = '') => {
      const dates = stage === 'scheduled' ? { opens: '2099-01-06T12:00', closes: '2099-03-01' } : { opens: '2024-03-01' };
      const c = await buildConsultation({ db, partnershipId, stage, title, ...dates });
      await updateConsultation({ db, actor: cliActor(), partnershipId, consultationId: c.id, changes: { topics, summary } });
      return c;
    };
    await make('open', 'Crime Survey', ['asb'], 'How safe do you feel at night?');
    await make('closed', 'Road safety survey', ['roads']);
    await make('scheduled', 'Night-time economy', ['asb', 'roads']);
    await make('draft', 'Crime draft', ['asb']);
  });
  afterAll(() => server.close());

  it('shows a search and filter form that works without JavaScript (GET), and every consultation but drafts', async () => {
    const html = await (await hub()).text();
    const form = parseHTML(html).document.querySelector('form[role="search"]');
    expect(form?.getAttribute('method')).toBe('get');
    expect(form?.getAttribute('action')).toBe(`/p/${partnership.slug}`);
    expect([...(form?.querySelectorAll('select#topic option') ?? [])].map((o) => o.textContent)).toEqual([
      'Any topic',
      'Anti-social behaviour',
      'Safer roads',
    ]);
    expect(linksOf(html)).toEqual(['Crime Survey', 'Night-time economy', 'Road safety survey']);
    expect(textOf(html)).toContain('Opens 6 January 2099 at 12pm');
    expect(textOf(html)).toMatch(/Opened 1 March 2024\. Closed \d+ \w+ 20\d\d/);
    expect(textOf(html)).not.toContain('consultations found');
  });

  it('searches and filters by status and topic, keeping the choices in the form', async () => {
    const search = await (await hub('?q=NIGHT&status=&topic=')).text();
    expect(linksOf(search)).toEqual(['Crime Survey', 'Night-time economy']);
    expect(textOf(search)).toContain('2 consultations found');
    expect(search).toContain('value="NIGHT"');
    expect(search).toContain('Clear search and filters');

    const roads = await (await hub('?q=&status=closed&topic=roads')).text();
    expect(linksOf(roads)).toEqual(['Road safety survey']);
    expect(textOf(roads)).toContain('1 consultation found');
    expect(roads).toMatch(/<option value="roads" selected>/);
    expect(roads).toMatch(/<option value="closed" selected>/);

    const nothing = await (await hub('?q=burglary')).text();
    expect(linksOf(nothing)).toEqual([]);
    expect(textOf(nothing)).toContain('0 consultations found');

    // A status or topic that is not offered filters nothing, rather than failing.
    const unknown = await hub('?status=draft&topic=nope');
    expect(unknown.status).toBe(200);
    expect(linksOf(await unknown.text())).toEqual(['Crime Survey', 'Night-time economy', 'Road safety survey']);
  });

  it('says "Opened" and "Closed" on a closed consultation’s page, and "Opens" and "Closes" before it opens', async () => {
    const closed = textOf(await (await visitor().get(`/p/${partnership.slug}/road-safety-survey`)).text());
    expect(closed).toMatch(/Opened 1 March 2024 at midnight Closed \d+ \w+ 20\d\d at \d+(:\d\d)?[ap]m/);
    expect(closed).not.toContain('Opens');
    const soon = textOf(await (await visitor().get(`/p/${partnership.slug}/night-time-economy`)).text());
    expect(soon).toMatch(/Opens 6 January 2099 at 12pm Closes/);
  });
});
