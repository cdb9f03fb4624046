import { afterAll, beforeAll, expect, it } from 'vitest';
import { openConsultation, VALID_CRIME_ANSWERS } from '../../../test-support/consultations.js';
import { describeEachEngine } from '../../../test-support/databases.js';
import { HttpClient, startTestServer, type TestServer } from '../../../test-support/httpClient.js';
import { createUser } from '../../accounts/createUser.js';
import { loadConsultation, loadSurveyDefinition } from '../../consultations/queries/loadConsultation.js';
import { DEMO_PASSWORD } from '../../partnerships/demo/coventry.js';
import { cliActor } from '../../platform/recordAudit.js';
import { questionByCode } from '../columns.js';

/** The page's text with the entities Nunjucks escapes turned back, so messages can be matched as written. */
const text = async (res: Response) =>
  (await res.text())
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

describeEachEngine('survey builder over HTTP', ({ handle }) => {
  let server: TestServer;
  let consultationId: string;
  let partnershipId: string;
  let analyst: HttpClient;
  const survey = () => `/staff/consultations/${consultationId}/survey`;
  const current = async () => {
    const c = await loadConsultation(handle().db, consultationId);
    if (!c) throw new Error('consultation gone');
    return { version: c.surveyVersion, definition: await loadSurveyDefinition(handle().db, c, c.surveyVersion) };
  };
  /** Posts a builder form with the page's CSRF token and the version it shows. */
  const post = async (client: HttpClient, url: string, fields: Record<string, string>) => {
    const _csrf = await client.csrfFrom(survey());
    return client.postForm(url, { _csrf, version: String((await current()).version), ...fields });
  };

  beforeAll(async () => {
    ({ consultationId, partnershipId } = await openConsultation(handle(), 'crime-survey', 'Builder Survey'));
    server = await startTestServer(handle(), { submissionRateLimit: 0 });
    analyst = new HttpClient(server.url);
    expect((await analyst.signIn('analyst@saferplan.demo', DEMO_PASSWORD)).status).toBe(303);
  });
  afterAll(() => server.close());

  it('lists the pages and questions in order with their actions, the version and a preview link', async () => {
    const res = await analyst.get(survey());
    expect(res.status).toBe(200);
    const html = await text(res);
    expect(html).toContain('Version 1.');
    expect(html).toContain(`href="/staff/consultations/${consultationId}/preview/questions/where_you_live"`);
    expect(html).toContain(`href="${survey()}/json"`);
    expect(html).toContain(`href="${survey()}/pages/one_thing/questions/new"`);
    const codes = [...html.matchAll(/<h2 class="govuk-summary-card__title">\s*([a-z_]+)\s*<\/h2>/g)].map((m) => m[1]);
    expect(codes.slice(0, 4)).toEqual(['ward', 'postcode', 'safety_area', 'safety_centre']);
    expect(codes.at(-1)).toBe('sexual_orientation');
    expect(html).toContain(`action="${survey()}/questions/ward/move"`);
    expect(html).not.toContain('This survey has');
  });

  it('adds a question to a page through the form', async () => {
    const res = await post(analyst, `${survey()}/pages/one_thing/questions/new`, {
      type: 'single_choice',
      code: 'street_lighting',
      label: 'Is the street lighting where you live good enough?',
      hint: '',
      required: 'no',
      options: "yes|Yes\nno|No\nDon't know",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${survey()}?saved=2`);
    const { version, definition } = await current();
    expect(version).toBe(2);
    expect(definition.pages.find((p) => p.code === 'one_thing')?.questions.map((q) => q.code)).toEqual(['feel_safer', 'street_lighting']);
    expect(questionByCode(definition, 'street_lighting')).toEqual({
      code: 'street_lighting',
      type: 'single_choice',
      label: 'Is the street lighting where you live good enough?',
      required: false,
      options: [
        { value: 'yes', label: 'Yes' },
        { value: 'no', label: 'No' },
        { value: 'dont_know', label: "Don't know", nonSubstantive: true },
      ],
    });
    expect(await text(await analyst.get(`${survey()}?saved=2`))).toContain('Survey saved as version 2');
  });

  it('shows the GOV.UK error summary, linked to the fields, when the new question is incomplete', async () => {
    const res = await post(analyst, `${survey()}/pages/one_thing/questions/new`, { code: 'ward', label: '', options: '' });
    expect(res.status).toBe(422);
    const html = await text(res);
    expect(html).toContain('There is a problem');
    expect(html).toContain('<a href="#type">Select the type of question</a>');
    expect(html).toContain('<a href="#required">Select whether people must answer this question</a>');
    expect((await current()).version).toBe(2);
  });

  it('edits the wording of a question through its form', async () => {
    const form = await text(await analyst.get(`${survey()}/questions/feel_safer`));
    expect(form).toContain('What one thing would make you feel safer?');
    const res = await post(analyst, `${survey()}/questions/feel_safer`, {
      label: 'What one thing would make you feel safer where you live?',
      hint: 'Do not include names or addresses.',
      required: 'no',
      maxLength: '1000',
      showIfQuestion: '',
      showIfValues: '',
    });
    expect(res.status).toBe(303);
    const { version, definition } = await current();
    expect(version).toBe(3);
    expect(questionByCode(definition, 'feel_safer')).toEqual({
      code: 'feel_safer',
      type: 'long_text',
      label: 'What one thing would make you feel safer where you live?',
      hint: 'Do not include names or addresses.',
      errorName: 'what one thing would make you feel safer',
      required: false,
      maxLength: 1000,
    });
  });

  it('moves a question up, across to the page before', async () => {
    expect((await post(analyst, `${survey()}/questions/street_lighting/move`, { direction: 'up' })).status).toBe(303);
    expect((await post(analyst, `${survey()}/questions/street_lighting/move`, { direction: 'up' })).status).toBe(303);
    const { version, definition } = await current();
    expect(version).toBe(5);
    expect(definition.pages.find((p) => p.code === 'confidence')?.questions.map((q) => q.code)).toEqual([
      'police_job',
      'deal_with_issues',
      'street_lighting',
    ]);
    expect(definition.pages.find((p) => p.code === 'one_thing')?.questions.map((q) => q.code)).toEqual(['feel_safer']);
  });

  it('once a response exists, refuses to remove an option or a question with the explanation, but allows a wording fix', async () => {
    const submitted = await new HttpClient(server.url).postJson(`/api/v1/consultations/${consultationId}/responses`, {
      answers: VALID_CRIME_ANSWERS,
    });
    expect(submitted.status).toBe(201);
    const overview = await text(await analyst.get(survey()));
    expect(overview).toContain('This survey has 1 response: you can fix wording, but not remove questions or options or change their type');

    const option = await post(analyst, `${survey()}/questions/concerns/options/remove`, { value: 'drugs' });
    expect(option.status).toBe(409);
    const optionPage = await text(option);
    expect(optionPage).toContain('There is a problem');
    expect(optionPage).toContain('This survey has 1 response: the change would break stored answers, so nothing was saved');
    expect(optionPage).toContain('Option "drugs" of "concerns" may have stored answers, so it cannot be removed (you can reword its label)');

    const question = await post(analyst, `${survey()}/questions/feel_safer/remove`, {});
    expect(question.status).toBe(409);
    expect(await text(question)).toContain('Question "feel_safer" has stored answers, so it cannot be removed');
    expect((await current()).version).toBe(5);

    const reworded = await post(analyst, `${survey()}/questions/concerns/options`, { newOption: 'graffiti|Graffiti' });
    expect(reworded.status).toBe(303);
    const form = await text(await analyst.get(`${survey()}/questions/concerns`));
    const inputs = Object.fromEntries(
      [...form.matchAll(/name="(option-\d+|maxChoices)" type="text" (?:inputmode="numeric" )?value="([^"]*)"/g)].map((m) => [m[1], m[2]]),
    );
    expect(inputs.maxChoices).toBe('3');
    const fix = await post(analyst, `${survey()}/questions/concerns`, {
      ...inputs,
      'option-0': 'Fly tipping (dumped rubbish)',
      label: 'Which of these concern you most?',
      hint: 'Select up to 3.',
      required: 'no',
      showIfQuestion: '',
      showIfValues: '',
    });
    expect(fix.status).toBe(303);
    const concerns = questionByCode((await current()).definition, 'concerns');
    expect(concerns && 'options' in concerns ? concerns.options[0] : undefined).toEqual({
      value: 'fly_tipping',
      label: 'Fly tipping (dumped rubbish)',
    });
  });

  it('records every saved change in the audit log with the versions and what changed', async () => {
    const entries = await handle()
      .db.selectFrom('audit_log')
      .select(['action', 'actor_label', 'detail'])
      .where('entity_id', '=', consultationId)
      .where('action', '=', 'survey.edit')
      .orderBy('at')
      .execute();
    const details = entries.map((e) => JSON.parse(e.detail) as { fromVersion: number; toVersion: number; summary: string });
    expect(entries.every((e) => e.actor_label === 'analyst@saferplan.demo')).toBe(true);
    expect(details.map((d) => [d.fromVersion, d.toVersion, d.summary])).toEqual([
      [1, 2, 'added street_lighting'],
      [2, 3, 'reworded feel_safer'],
      [3, 4, 'reordered questions'],
      [4, 5, 'reordered questions'],
      [5, 6, 'changed concerns'],
      [6, 7, 'reworded concerns'],
    ]);
  });

  it('edits the whole definition as JSON, reporting problems by their path', async () => {
    const { definition } = await current();
    const broken = structuredClone(definition);
    const victimPage = broken.pages.findIndex((p) => p.code === 'experience');
    const reported = broken.pages[victimPage]?.questions[1];
    if (!reported) throw new Error('fixture changed');
    reported.showIf = { question: 'nope', anyOf: ['yes'] };
    const res = await post(analyst, `${survey()}/json`, { definition: JSON.stringify(broken) });
    expect(res.status).toBe(422);
    expect(await text(res)).toContain(
      `pages.${victimPage}.questions.1.showIf.question: showIf of "victim_reported" refers to "nope", which is not a question in this survey`,
    );
    const notJson = await post(analyst, `${survey()}/json`, { definition: '{ "pages": ' });
    expect(notJson.status).toBe(422);
    expect(await text(notJson)).toContain('This is not valid JSON');

    const retitled = { ...definition, title: 'Community Safety Survey' };
    expect((await post(analyst, `${survey()}/json`, { definition: JSON.stringify(retitled, null, 2) })).status).toBe(303);
    expect((await current()).definition.title).toBe('Community Safety Survey');
  });

  it('refuses a form opened on an older version', async () => {
    const _csrf = await analyst.csrfFrom(survey());
    const res = await analyst.postForm(`${survey()}/questions/ward/move`, { _csrf, version: '1', direction: 'down' });
    expect(res.status).toBe(409);
    expect(await text(res)).toContain('The survey has changed since you opened it');
  });

  it('lets only those who manage consultations in the partnership in: a viewer and a partner get 403', async () => {
    for (const role of ['viewer', 'partner'] as const) {
      const email = `${role}.builder@example.org`;
      await createUser({
        db: handle().db,
        actor: cliActor(),
        user: { email, name: role, role, password: 'a long enough password', partnershipIds: [partnershipId] },
      });
      const client = new HttpClient(server.url);
      expect((await client.signIn(email, 'a long enough password')).status).toBe(303);
      expect((await client.get(survey())).status).toBe(403);
      expect((await client.get(`${survey()}/questions/ward`)).status).toBe(403);
      const _csrf = await client.csrfFrom('/staff');
      expect((await client.postForm(`${survey()}/questions/ward/move`, { _csrf, direction: 'down' })).status).toBe(403);
    }
    const anonymous = await new HttpClient(server.url).get(survey());
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe(`/sign-in?next=${encodeURIComponent(survey())}`);
  });
});
