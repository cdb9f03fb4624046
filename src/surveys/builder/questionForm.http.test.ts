// The question page is one form: whichever button is pressed (Save, Add option, Remove, Add row), what was typed in
// the other fields is saved with it, or shown again as typed when the change is refused. Posted as a browser posts it.
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test-support/databases.js';
import { buildConsultation, buildPartnership, buildUser } from '../../../test-support/factories.js';
import { type HttpClient, startTestServer, type TestServer } from '../../../test-support/httpClient.js';
import type { Consultation } from '../../consultations/index.js';
import { loadConsultation, loadSurveyDefinition } from '../../consultations/index.js';
import { questionByCode } from '../columns.js';

/** The form as a browser sends it when `button` (matched by its text) is pressed, after `typed` was typed into fields. */
function submission(html: string, button: string, typed: Record<string, string>) {
  const { document } = parseHTML(html);
  const form = document.querySelector('main form[method="post"]');
  if (!form) throw new Error('no form');
  const pressed = [...form.querySelectorAll('button')].find((b) => b.textContent?.replace(/\s+/g, ' ').trim() === button);
  if (!pressed) throw new Error(`no button "${button}"`);
  const body = new URLSearchParams();
  for (const el of form.querySelectorAll('input, textarea, select')) {
    const name = el.getAttribute('name');
    if (!name) continue;
    const type = el.getAttribute('type');
    if ((type === 'radio' || type === 'checkbox') && !el.hasAttribute('checked')) continue;
    const value =
      el.tagName === 'TEXTAREA'
        ? (el.textContent ?? '')
        : el.tagName === 'SELECT'
          ? (el.querySelector('option[selected]')?.getAttribute('value') ?? '')
          : (el.getAttribute('value') ?? '');
    body.append(name, typed[name] ?? value);
  }
  if (pressed.getAttribute('name')) body.append(pressed.getAttribute('name') ?? '', pressed.getAttribute('value') ?? '');
  return { action: pressed.getAttribute('formaction') ?? form.getAttribute('action') ?? '', body };
}

describeEachEngine('the builder keeps what was typed on the question page', ({ handle }) => {
  let server: TestServer;
  let analyst: HttpClient;
  let c: Consultation;
  const page = (code: string) => `/staff/consultations/${c.id}/survey/questions/${code}`;
  const current = async () => {
    const found = await loadConsultation(handle().db, c.id);
    if (!found) throw new Error('gone');
    return { version: found.surveyVersion, definition: await loadSurveyDefinition(handle().db, found, found.surveyVersion) };
  };
  const press = async (code: string, button: string, typed: Record<string, string>) => {
    const { action, body } = submission(await (await analyst.get(page(code))).text(), button, typed);
    return analyst.request('POST', action, { body: body.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  };

  beforeAll(async () => {
    server = await startTestServer(handle());
    const partnershipId = (await buildPartnership({ db: handle().db })).id;
    c = await buildConsultation({ db: handle().db, partnershipId, title: 'Typed edits' });
    analyst = (await buildUser({ db: handle().db, role: 'analyst', partnershipId, server })).client;
  });
  afterAll(() => server.close());

  it('has one form on the page, its buttons posting there with formaction, a hidden Save first for the Enter key', async () => {
    const { document } = parseHTML(await (await analyst.get(page('concerns'))).text());
    expect(document.querySelectorAll('main form[method="post"]').length).toBe(1);
    const buttons = [...document.querySelectorAll('main form button')].map((b) => [
      b.textContent?.replace(/\s+/g, ' ').trim(),
      b.getAttribute('formaction'),
    ]);
    expect(buttons[0]).toEqual(['Save changes', null]);
    expect(buttons).toContainEqual(['Add option', `${page('concerns')}/options`]);
    expect(buttons).toContainEqual(['Remove option drugs', `${page('concerns')}/options/remove`]);
  });

  it('saves the typed wording with Add option, in one new version', async () => {
    const before = await current();
    const res = await press('concerns', 'Add option', {
      label: 'Which of these worry you most?',
      'option-0': 'Dumped rubbish',
      newOption: 'Graffiti',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${page('concerns')}?saved=${before.version + 1}`);
    const after = await current();
    expect(after.version).toBe(before.version + 1);
    const q = questionByCode(after.definition, 'concerns');
    expect(q?.label).toBe('Which of these worry you most?');
    expect(q && 'options' in q ? [q.options[0]?.label, q.options.at(-1)] : []).toEqual(['Dumped rubbish', { value: 'graffiti', label: 'Graffiti' }]);
  });

  it('saves the typed wording with Remove, and a typed new row with Save changes (the Enter key)', async () => {
    const removed = await press('concerns', 'Remove option drugs', { hint: 'Pick up to three' });
    expect(removed.status).toBe(303);
    let q = questionByCode((await current()).definition, 'concerns');
    expect(q?.hint).toBe('Pick up to three');
    expect(q && 'options' in q ? q.options.map((o) => o.value) : []).not.toContain('drugs');

    const grid = questionByCode((await current()).definition, 'safety_area');
    if (grid?.type !== 'rating_grid') throw new Error('fixture changed');
    const saved = await press('safety_area', 'Save changes', { 'row-0': 'In daylight', newRow: 'safe_park|In the park' });
    expect(saved.status).toBe(303);
    q = questionByCode((await current()).definition, 'safety_area');
    expect(q?.type === 'rating_grid' ? [q.rows[0]?.label, q.rows.at(-1)] : []).toEqual(['In daylight', { code: 'safe_park', label: 'In the park' }]);
  });

  it('shows what was typed again, everywhere on the page, when the action is refused, and saves nothing', async () => {
    const before = await current();
    const res = await press('concerns', 'Add option', { label: 'Typed but refused', newOption: 'asb|Another ASB' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('&quot;concerns&quot; already has an option with the value &quot;asb&quot;');
    expect(html).toContain('Typed but refused</textarea>');
    expect(html).toContain('value="asb|Another ASB"');
    expect(await current()).toEqual(before);
  });
});
