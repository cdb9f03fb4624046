// The plan pages over HTTP: an officer builds a plan end to end (themes, a priority with live evidence, an action, a
// measure, a health inequalities impact row, versions and their difference in words); lead partners update delivery
// one action at a time or from a CSV (all or nothing); evidence that changes or goes is said to have; every route
// asked by every role and by another partnership's administrator.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { crimeAnswers } from '../../test-support/consultations.js';
import { describeEachEngine } from '../../test-support/databases.js';
import { type BuiltPartnership, buildConsultation, buildPartnership, buildResponses, buildUser } from '../../test-support/factories.js';
import { type HttpClient, startTestServer, type TestServer } from '../../test-support/httpClient.js';
import type { Role } from '../accounts/roles.js';
import type { Consultation } from '../consultations/index.js';
import { cliActor } from '../platform/recordAudit.js';
import { addText } from '../workshops/manageItems.js';
import { createWorkshop } from '../workshops/manageWorkshops.js';
import { evidenceKey } from './evidence/evidenceItems.js';
import { SEED_THEMES } from './planTerms.js';

const ROLES = ['admin', 'analyst', 'partner', 'member', 'viewer'] as const;
type Who = Role | 'other';
const EVERYONE: readonly Who[] = [...ROLES, 'other'];
const PERMITTED: Record<'view' | 'edit' | 'progress' | 'approve', readonly Who[]> = {
  view: ROLES,
  edit: ['admin', 'analyst'],
  progress: ['admin', 'analyst', 'partner'],
  approve: ['admin'],
};
const PLAN_FORM = { title: 'Testshire Community Safety Partnership Plan 2025 to 2028', startsOn: '2025-04-01', endsOn: '2028-03-31' };
const ACTION_FORM = {
  title: 'Better lighting on the canal path',
  leadPartner: 'Testshire Council',
  supportingPartners: 'Testshire Police; Canal and River Trust',
  startsOn: '2025-04-01',
  dueOn: '2026-03-31',
  resources: 'Within existing budgets',
};
/** What the page says in words, with the markup and entities a browser would not show. */
const words = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
/** The text of one evidence link's entry on the plan page. */
const evidenceEntry = (html: string, linkId: string) => words((html.split(`id="evidence-${linkId}"`)[1] ?? '').split('</li>')[0] ?? '');

describeEachEngine('the plan pages', ({ handle }) => {
  let server: TestServer;
  let p: BuiltPartnership;
  let survey: Consultation;
  let workshop = { id: '', candidate: '' };
  const users = new Map<Who, { client: HttpClient; csrf: string }>();
  const ids = { plan: '', priority: '', action: '', measure: '', impact: '', theme: '', pcc: '', intervention: '' };
  const db = () => handle().db;
  const as = (who: Who) => {
    const u = users.get(who);
    if (!u) throw new Error(who);
    return u;
  };
  const post = (who: Who, path: string, form: Record<string, string | string[]> = {}) => {
    const body = new URLSearchParams({ _csrf: as(who).csrf });
    for (const [k, v] of Object.entries(form)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
    return as(who).client.request('POST', path, { body: body.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  };
  const upload = (who: Who, path: string, csv: string) => {
    const form = new FormData();
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'progress.csv');
    return as(who).client.postMultipart(`${path}?_csrf=${encodeURIComponent(as(who).csrf)}`, form);
  };
  const page = async (who: Who, path: string) => {
    const res = await as(who).client.get(path);
    expect(res.status, `${who} GET ${path}`).toBe(200);
    return res.text();
  };
  /** A POST that must succeed: its redirect's location. */
  const done = async (who: Who, path: string, form: Record<string, string | string[]> = {}) => {
    const res = await post(who, path, form);
    const body = await res.text();
    expect(res.status, `${who} POST ${path}: ${body.slice(0, 2000)}`).toBe(303);
    return res.headers.get('location') ?? '';
  };
  const base = () => `/staff/partnerships/${p.id}`;
  const planUrl = () => `${base()}/plans/${ids.plan}`;
  const priorityUrl = () => `${planUrl()}/priorities/${ids.priority}`;
  const audits = async () =>
    (
      await db().selectFrom('audit_log').select('action').where('partnership_id', '=', p.id).where('action', 'like', 'plan.%').orderBy('at').execute()
    ).map((a) => a.action);
  const links = () => db().selectFrom('plan_evidence').select(['id', 'kind', 'ref', 'linked_value']).where('partnership_id', '=', p.id).execute();
  const answers = (n: number, safeDark: string) => Array.from({ length: n }, (_, i) => crimeAnswers(p.wards[i % 3]?.code ?? '', safeDark));

  beforeAll(async () => {
    server = await startTestServer(handle(), { signInRateLimit: 0, submissionRateLimit: 0 });
    p = await buildPartnership({ db: db(), name: 'Plan Test Community Safety Partnership' });
    survey = await buildConsultation({ db: db(), partnershipId: p.id, stage: 'open', title: 'Plan test crime survey' });
    await buildResponses({
      handle: handle(),
      consultation: survey,
      answers: [
        ...answers(6, 'very_unsafe'),
        ...answers(5, 'fairly_safe'),
        { ...crimeAnswers('northgate', 'fairly_safe'), feel_safer: 'Light the canal path' },
      ],
    });
    const actor = cliActor();
    const workshopId = await createWorkshop({
      db: db(),
      actor,
      partnershipId: p.id,
      fields: {
        title: 'Place workshop',
        heldOn: '2024-10-14',
        theme: 'place',
        customTheme: '',
        consultationId: survey.id,
        evidence: '',
        evidenceLinks: '',
        dots: '3',
      },
    });
    workshop = {
      id: workshopId,
      candidate: await addText({ db: db(), actor, partnershipId: p.id, workshopId, kind: 'candidate', text: 'Safer streets after dark' }),
    };
    for (const role of ROLES) {
      const { client } = await buildUser({ db: db(), role, partnershipId: p.id, server });
      users.set(role, { client, csrf: await client.csrfFrom('/staff') });
    }
    const { client } = await buildUser({ db: db(), role: 'admin', server });
    users.set('other', { client, csrf: await client.csrfFrom('/staff') });
  }, 120_000);
  afterAll(() => server.close());

  it('lets an officer build a plan: the seed’s themes, a priority with evidence, an action, a measure and an impact row', async () => {
    // The library first: a PCC priority and an intervention with its EMMIE rating.
    expect(await done('admin', `${base()}/pcc-priorities`, { title: 'Neighbourhood policing', summary: 'Visible, local policing' })).toBe(
      `${base()}/pcc-priorities?done=pcc-added`,
    );
    const badIntervention = await post('analyst', `${base()}/interventions`, { title: '', effect: 'sideways', evidence: '7' });
    expect(badIntervention.status).toBe(422);
    expect(words(await badIntervention.text())).toContain('Enter a title');
    await done('analyst', `${base()}/interventions`, {
      title: 'Street lighting',
      summary: 'Improved street lighting',
      source: 'College of Policing',
      effect: 'reduces',
      evidence: '2',
      mechanism: '2',
      moderators: '1',
      implementation: '1',
      economic: '1',
    });
    expect(words(await page('analyst', `${base()}/interventions`))).toContain(
      'Street lighting Improved street lighting Source: College of Policing Overall reduced crime',
    );
    ids.pcc = (await db().selectFrom('pcc_priorities').select('id').where('partnership_id', '=', p.id).executeTakeFirstOrThrow()).id;
    ids.intervention = (await db().selectFrom('interventions').select('id').where('partnership_id', '=', p.id).executeTakeFirstOrThrow()).id;

    const form = await page('analyst', `${base()}/plans/new`);
    expect(form).toContain('Plan test crime survey');
    const bad = await post('analyst', `${base()}/plans/new`, { title: '', startsOn: '2025-02-30', endsOn: '2028-03-31', consultationId: '' });
    expect(bad.status).toBe(422);
    const badWords = words(await bad.text());
    expect(badWords).toContain('There is a problem');
    expect(badWords).toContain('Enter a title');
    expect(badWords).toContain('The start date is not a real date');
    const backwards = await post('analyst', `${base()}/plans/new`, { ...PLAN_FORM, endsOn: '2024-01-01', consultationId: survey.id });
    expect(backwards.status).toBe(422);
    expect(words(await backwards.text())).toContain('The end date must be after the start date');
    expect(await db().selectFrom('plans').select('id').where('partnership_id', '=', p.id).execute()).toEqual([]);

    const created = await done('analyst', `${base()}/plans/new`, { ...PLAN_FORM, consultationId: survey.id });
    ids.plan = /\/plans\/([0-9a-f-]{36})\?done=plan-created$/.exec(created)?.[1] ?? '';
    expect(ids.plan).not.toBe('');
    const planHtml = await page('viewer', planUrl());
    for (const theme of SEED_THEMES) expect(planHtml).toContain(theme.title);
    expect(words(planHtml)).toContain('Consultation it answers Plan test crime survey');
    expect(words(planHtml)).toContain('Status Draft (no version yet)');
    expect(planHtml).not.toContain('Add a priority');
    expect(words(await page('member', `${base()}/plans`))).toContain(`${PLAN_FORM.title} 1 April 2025 to 31 March 2028 Draft (no version yet)`);

    const themes = await db().selectFrom('priority_themes').select(['id', 'title']).where('plan_id', '=', ids.plan).orderBy('position').execute();
    ids.theme = themes[1]?.id ?? '';
    const newPriority = await page('analyst', `${planUrl()}/priorities/new?theme=${ids.theme}`);
    expect(newPriority).toMatch(new RegExp(`<option value="${ids.theme}" selected>`));
    const missing = await post('analyst', `${planUrl()}/priorities/new`, { themeId: ids.theme, title: ' ', dimensions: 'nowhere' });
    expect(missing.status).toBe(422);
    expect(words(await missing.text())).toContain('Enter a title');
    const saved = await done('analyst', `${planUrl()}/priorities/new`, {
      themeId: ids.theme,
      title: 'Make the city centre feel safer after dark',
      rationale: 'Half of residents feel unsafe there after dark.',
      dimensions: ['victim', 'place'],
      pccPriorityIds: ids.pcc,
    });
    ids.priority = /#priority-([0-9a-f-]{36})$/.exec(saved)?.[1] ?? '';
    expect(saved).toBe(`${planUrl()}?done=priority-saved#priority-${ids.priority}`);

    // Evidence: the picker lists the survey's findings with their values now; the browser names an item by its key only.
    const picker = await page('analyst', `${priorityUrl()}/evidence`);
    const key = evidenceKey('survey', { consultation: survey.id, code: 'safe:safe_dark' });
    expect(picker).toContain(`value="${key.replace(/"/g, '&quot;')}"`);
    expect(words(picker)).toMatch(/Feel safe after dark: [^(]+\(Plan test crime survey\) From Plan test crime survey: [^%]+ 50\.0% \(n = 12\)/);
    expect(words(picker)).toContain('Safer streets after dark (Place workshop) From Place workshop');
    const unknown = await post('analyst', `${priorityUrl()}/evidence`, { item: 'survey:[["code","made-up"]]' });
    expect(unknown.status).toBe(422);
    expect(words(await unknown.text())).toContain('Choose evidence from the list: that item is not available now');
    await done('analyst', `${priorityUrl()}/evidence`, { item: key });
    const again = await post('analyst', `${priorityUrl()}/evidence`, { item: key });
    expect(again.status).toBe(422);
    expect(words(await again.text())).toContain('This evidence is already linked to the priority');
    expect((await links()).map((l) => [l.kind, l.linked_value])).toEqual([['survey', '50.0% (n = 12)']]);

    // An action following the library's intervention; a measure; a health inequalities impact row.
    const early = await post('analyst', `${priorityUrl()}/actions/new`, { ...ACTION_FORM, dueOn: '2025-01-01' });
    expect(early.status).toBe(422);
    expect(words(await early.text())).toContain('There is a problem The due date must be on or after the start date');
    const foreign = await post('analyst', `${priorityUrl()}/actions/new`, { ...ACTION_FORM, interventionId: 'not-ours' });
    expect(foreign.status).toBe(422);
    expect(words(await foreign.text())).toContain('There is a problem Choose an intervention from the library');
    expect(await page('analyst', `${priorityUrl()}/actions/new`)).toContain('Street lighting (Overall reduced crime)');
    await done('analyst', `${priorityUrl()}/actions/new`, { ...ACTION_FORM, interventionId: ids.intervention });
    const badMeasure = await post('analyst', `${priorityUrl()}/measures/new`, {
      indicator: 'Feel safe after dark',
      baseline: 'lots',
      target: '',
      source: 'x',
      frequency: 'annually',
    });
    expect(badMeasure.status).toBe(422);
    const badMeasureWords = words(await badMeasure.text());
    expect(badMeasureWords).toContain('Enter the baseline as a number');
    expect(badMeasureWords).toContain('Enter the target');
    await done('analyst', `${priorityUrl()}/measures/new`, {
      indicator: 'Residents who feel safe after dark',
      baseline: '50',
      baselineNote: 'Crime survey 2024',
      target: '60% by 2028',
      source: 'Crime survey',
      frequency: 'annually',
    });
    // A baseline taken from the priority's evidence: its figure as it stands, read again on the server.
    const evidence = await db().selectFrom('plan_evidence').select(['id', 'linked_value']).where('plan_id', '=', ids.plan).executeTakeFirstOrThrow();
    const unknownSource = await post('analyst', `${priorityUrl()}/measures/new`, {
      indicator: 'From evidence',
      baselineFrom: 'not-ours',
      target: 'Up',
      source: 'Survey',
      frequency: 'annually',
    });
    expect(unknownSource.status).toBe(422);
    expect(words(await unknownSource.text())).toContain('Choose one of this priority’s evidence');
    await done('analyst', `${priorityUrl()}/measures/new`, {
      indicator: 'From evidence',
      baseline: '1',
      baselineFrom: evidence.id,
      target: 'Up',
      source: 'Survey',
      frequency: 'annually',
    });
    const fromEvidence = await db()
      .selectFrom('plan_measures')
      .select(['baseline', 'baseline_note'])
      .where('indicator', '=', 'From evidence')
      .executeTakeFirstOrThrow();
    expect(Number(fromEvidence.baseline)).toBe(Number(/^[\d.]+/.exec(evidence.linked_value)?.[0]));
    expect(fromEvidence.baseline_note.startsWith(`${evidence.linked_value}: `)).toBe(true);
    await done('analyst', `${priorityUrl()}/impacts/new`, {
      groupKind: 'protected',
      groupLabel: 'Women and girls',
      impact: 'positive',
      evidence: 'Women feel less safe after dark',
      breakdown: 'sex',
      mitigation: '',
    });
    const [action] = await db().selectFrom('plan_actions').select(['id', 'reference']).where('plan_id', '=', ids.plan).execute();
    ids.action = action?.id ?? '';
    expect(action?.reference).toBe('A1');
    ids.measure = (await db().selectFrom('plan_measures').select('id').where('plan_id', '=', ids.plan).executeTakeFirstOrThrow()).id;
    ids.impact = (await db().selectFrom('plan_impacts').select('id').where('plan_id', '=', ids.plan).executeTakeFirstOrThrow()).id;

    const full = words(await page('partner', planUrl()));
    for (const text of [
      'Make the city centre feel safer after dark',
      'What it addresses Victim, Place',
      'PCC priorities Neighbourhood policing',
      'Current 50.0% (n = 12) Survey finding. From Plan test crime survey',
      'A1: Better lighting on the canal path Update progress of action A1',
      'Lead partner Testshire Council',
      'Supporting partners Testshire Police; Canal and River Trust',
      'Dates Starts 1 April 2025, due 31 March 2026',
      'Intervention Street lighting: Overall reduced crime; strength of evidence: Moderate (2 of 3)',
      'Status Not started Progress 0%',
      'Residents who feel safe after dark',
      '50 Crime survey 2024 60% by 2028 Crime survey, annually None recorded Record a value of Residents who feel safe after dark',
      'Women and girls Protected characteristic Positive Women feel less safe after dark Survey breakdown: sex None recorded',
    ])
      expect(full).toContain(text);
    expect(full).not.toContain('Change the priority');

    expect(await audits()).toEqual([
      'plan.pcc.add',
      'plan.intervention.add',
      'plan.create',
      'plan.priority.add',
      'plan.evidence.add',
      'plan.action.add',
      'plan.measure.add',
      'plan.measure.add',
      'plan.impact.add',
    ]);
  });

  it('saves versions (approval for administrators only) and says what changed in words', async () => {
    const refused = await post('analyst', `${planUrl()}/versions`, { status: 'approved', decidedOn: '2025-03-18', decidedBy: 'Cabinet' });
    expect(refused.status).toBe(403);
    await refused.text();
    expect(await page('analyst', `${planUrl()}/versions/new`)).not.toContain('value="approved"');
    expect(await page('admin', `${planUrl()}/versions/new`)).toContain('value="approved"');
    const undecided = await post('admin', `${planUrl()}/versions`, { status: 'approved', decidedOn: '', decidedBy: '' });
    expect(undecided.status).toBe(422);
    expect(words(await undecided.text())).toContain('An approved version needs the date and who approved it (for example Cabinet)');
    expect(await done('analyst', `${planUrl()}/versions`, { status: 'consultation' })).toBe(`${planUrl()}?done=version-saved#versions`);

    // A change after the consultation version: the action's due date, a new theme, a new title for the priority.
    await done('analyst', `${priorityUrl()}/actions/${ids.action}`, { ...ACTION_FORM, dueOn: '2026-06-30', interventionId: ids.intervention });
    await done('analyst', `${planUrl()}/themes/new`, { title: 'Road safety', summary: '' });
    await done('admin', `${planUrl()}/versions`, { status: 'approved', decidedOn: '2025-03-18', decidedBy: 'Cabinet' });
    const versions = await db()
      .selectFrom('plan_versions')
      .select(['number', 'status', 'decided_by'])
      .where('plan_id', '=', ids.plan)
      .orderBy('number')
      .execute();
    expect(versions).toEqual([
      { number: 1, status: 'consultation', decided_by: '' },
      { number: 2, status: 'approved', decided_by: 'Cabinet' },
    ]);
    const planHtml = words(await page('viewer', planUrl()));
    expect(planHtml).toContain('Status Approved (version 2)');
    expect(planHtml).toContain('2 Approved 18 March 2025, Cabinet');
    expect(planHtml).toContain('With version 1');

    const compared = words(await page('viewer', `${planUrl()}/versions/1/compare/2`));
    expect(compared).toContain('What changed from version 1 (Out for consultation) to version 2 (Approved)');
    expect(compared).toContain('Added Theme “Road safety” added');
    expect(compared).toContain('Changed Action A1: due date 2026-03-31 → 2026-06-30');
    await done('analyst', `${priorityUrl()}`, { themeId: ids.theme, title: 'Make the city centre safer after dark', dimensions: 'place' });
    const current = words(await page('member', `${planUrl()}/versions/2/compare/current`));
    expect(current).toContain('What changed from version 2 (Approved) to the current plan');
    expect(current).toContain(
      'Priority “Make the city centre feel safer after dark”: title Make the city centre feel safer after dark → Make the city centre safer after dark',
    );
    expect(current).toContain('dimensions victim, place → place');
    for (const bad of ['9/compare/current', 'x/compare/1']) {
      const res = await as('viewer').client.get(`${planUrl()}/versions/${bad}`);
      expect(res.status).toBe(404);
      await res.text();
    }
  });

  it('lets lead partners update progress one action at a time or from a CSV, all or nothing', async () => {
    const progress = `${planUrl()}/actions/${ids.action}/progress`;
    const blank = await post('partner', progress, { status: 'on_track', progress: '', note: '' });
    expect(blank.status).toBe(422);
    expect(words(await blank.text())).toContain('Enter progress as a whole number from 0 to 100');
    await done('partner', progress, { status: 'on_track', progress: '25', note: 'Survey of the path done' });
    expect(words(await page('viewer', planUrl()))).toContain('Status On track Progress 25%');

    const template = await as('partner').client.get(`${planUrl()}/progress-template.csv`);
    expect(template.headers.get('content-type')).toContain('text/csv');
    const templateText = await template.text();
    expect(templateText.split('\r\n')[0]).toBe('action,status,progress,note,date');
    expect(templateText.split('\r\n')[1]).toMatch(/^A1,On track,25,Survey of the path done,\d{4}-\d{2}-\d{2}$/);

    const before = await db().selectFrom('plan_actions').selectAll().where('plan_id', '=', ids.plan).execute();
    const rejected = await upload(
      'partner',
      `${planUrl()}/progress-upload`,
      'action,status,progress,note,date\nA9,on_track,50,,\nA1,At risk,50,,2025-02-30\n',
    );
    expect(rejected.status).toBe(422);
    const problems = words(await rejected.text());
    expect(problems).toContain('Row 2, action: There is no action A9 in this plan');
    expect(problems).toContain('Row 3, date: "2025-02-30" is not a date like 2025-06-30');
    expect(await db().selectFrom('plan_actions').selectAll().where('plan_id', '=', ids.plan).execute()).toEqual(before);
    const none = await as('partner').client.postMultipart(
      `${planUrl()}/progress-upload?_csrf=${encodeURIComponent(as('partner').csrf)}`,
      new FormData(),
    );
    expect(none.status).toBe(422);
    expect(words(await none.text())).toContain('Select a CSV file');

    const applied = await upload(
      'partner',
      `${planUrl()}/progress-upload`,
      'action,status,progress,note,date\na1,At risk,40,Behind on recruitment,2025-06-30\n',
    );
    expect(applied.status).toBe(303);
    await applied.text();
    const after = await db()
      .selectFrom('plan_actions')
      .select(['status', 'progress', 'progress_note', 'progress_at'])
      .where('id', '=', ids.action)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ status: 'at_risk', progress: 40, progress_note: 'Behind on recruitment', progress_at: '2025-06-30T00:00:00.000Z' });

    const values = `${planUrl()}/measures/${ids.measure}/values`;
    const badValue = await post('partner', values, { period: '2025-13-01', value: '', note: '' });
    expect(badValue.status).toBe(422);
    const badValueWords = words(await badValue.text());
    expect(badValueWords).toContain('There is a problem The date is not a real date Enter the value as a number');
    expect(badValueWords).toContain('Enter the value as a number');
    await done('partner', values, { period: '2025-06-30', value: '52.5', note: 'Quarter 1' });
    expect(words(await page('viewer', planUrl()))).toContain('52.5 at 30 June 2025 (Quarter 1)');
    expect((await audits()).filter((a) => a.startsWith('plan.progress') || a === 'plan.measure.value')).toEqual([
      'plan.progress',
      'plan.progress.import',
      'plan.measure.value',
    ]);
  });

  it('says when linked evidence changed (both values) or is no longer available, never showing a stale figure as current', async () => {
    const [survey1] = await links();
    const reference = (await db().selectFrom('responses').select(['reference', 'answers']).where('consultation_id', '=', survey.id).execute()).find(
      (r) => r.answers.includes('Light the canal path'),
    )?.reference as string;
    const quote = `${priorityUrl()}/evidence/quote`;
    const wrong = await post('analyst', quote, { consultation: survey.id, reference: 'ZZZZ-ZZZZ-ZZ', question: 'feel_safer' });
    expect(wrong.status).toBe(422);
    const wrongHtml = await wrong.text();
    expect(words(wrongHtml)).toContain('No counted response ZZZZ-ZZZZ-ZZ to that consultation has a written answer to feel_safer');
    expect(wrongHtml).toMatch(/href="#reference"/);
    await done('analyst', quote, { consultation: survey.id, reference: reference.toLowerCase(), question: 'feel_safer' });
    await done('analyst', `${priorityUrl()}/evidence`, { item: evidenceKey('workshop', { workshop: workshop.id, candidate: workshop.candidate }) });
    const linked = await links();
    const quoteLink = linked.find((l) => l.kind === 'quote');
    const workshopLink = linked.find((l) => l.kind === 'workshop');
    expect(quoteLink?.linked_value).toBe('“Light the canal path”');
    expect(words(await page('viewer', planUrl()))).toContain(
      `A resident’s comment (Plan test crime survey, response ${reference}) Current “Light the canal path”`,
    );

    // More responses move the figure: the plan says so, with both values, until an officer confirms the new one.
    await buildResponses({ handle: handle(), consultation: survey, answers: answers(12, 'very_safe') });
    let html = await page('viewer', planUrl());
    const changed = evidenceEntry(html, survey1?.id ?? '');
    expect(changed).toMatch(/Changed Changed since it was linked on \d+ \w+ \d{4}: now 75\.0% \(n = 24\), was 50\.0% \(n = 12\)\./);
    expect(changed).not.toContain('Current');
    expect(html).not.toContain('Confirm the new value');
    expect((await page('analyst', planUrl())).includes('Confirm the new value')).toBe(true);
    await done('analyst', `${priorityUrl()}/evidence/${survey1?.id}/confirm`);
    expect(evidenceEntry(await page('viewer', planUrl()), survey1?.id ?? '')).toContain('Current 75.0% (n = 24)');

    // The quoted response withdrawn, the workshop's candidate removed: no longer available, the old value only as what it was.
    await done('admin', `/staff/consultations/${survey.id}/responses/${reference}/withdraw`, { _reason: 'Asked to be removed' });
    await done('admin', `${base()}/workshops/${workshop.id}/candidates/${workshop.candidate}/remove`);
    html = await page('viewer', planUrl());
    const gone = evidenceEntry(html, quoteLink?.id ?? '');
    expect(gone).toMatch(
      /No longer available No longer available: it was “Light the canal path” when linked on \d+ \w+ \d{4}; it has been deleted, withdrawn or is not published now\./,
    );
    expect(gone).not.toContain('Current');
    expect(evidenceEntry(html, workshopLink?.id ?? '')).toMatch(/No longer available No longer available: it was 0 votes when linked/);
    const cannot = await post('analyst', `${priorityUrl()}/evidence/${quoteLink?.id}/confirm`);
    expect(cannot.status).toBe(409);
    await cannot.text();
    await done('analyst', `${priorityUrl()}/evidence/${quoteLink?.id}/remove`);
    expect((await links()).map((l) => l.kind).sort()).toEqual(['survey', 'workshop']);
  });

  it('answers every plan route by role, and refuses another partnership’s administrator', async () => {
    const plan = planUrl();
    const priority = priorityUrl();
    const nothing = '00000000-0000-4000-8000-000000000000';
    const gets: [keyof typeof PERMITTED, string][] = [
      ['view', `${base()}/plans`],
      ['view', plan],
      ['view', `${plan}/versions/1/compare/current`],
      ['edit', `${base()}/plans/new`],
      ['edit', `${plan}/themes/new`],
      ['edit', `${plan}/themes/${ids.theme}`],
      ['edit', `${plan}/priorities/new`],
      ['edit', priority],
      ['edit', `${priority}/remove`],
      ['edit', `${priority}/evidence`],
      ['edit', `${priority}/actions/new`],
      ['edit', `${priority}/actions/${ids.action}`],
      ['edit', `${priority}/measures/new`],
      ['edit', `${priority}/measures/${ids.measure}`],
      ['edit', `${priority}/impacts/new`],
      ['edit', `${priority}/impacts/${ids.impact}`],
      ['edit', `${plan}/versions/new`],
      ['edit', `${base()}/pcc-priorities`],
      ['edit', `${base()}/interventions`],
      ['progress', `${plan}/actions/${ids.action}/progress`],
      ['progress', `${plan}/progress-upload`],
      ['progress', `${plan}/progress-template.csv`],
      ['progress', `${plan}/measures/${ids.measure}/values`],
    ];
    // Each POST as a permitted user changes nothing: an empty form (422) or a row that is not there (404).
    const posts: [keyof typeof PERMITTED, string, number][] = [
      ['edit', `${base()}/plans/new`, 422],
      ['edit', `${plan}/themes/new`, 422],
      ['edit', `${plan}/themes/${ids.theme}`, 422],
      ['edit', `${plan}/priorities/new`, 422],
      ['edit', priority, 422],
      ['edit', `${plan}/priorities/${nothing}/remove`, 404],
      ['edit', `${priority}/evidence`, 422],
      ['edit', `${priority}/evidence/quote`, 422],
      ['edit', `${priority}/evidence/${nothing}/remove`, 404],
      ['edit', `${priority}/evidence/${nothing}/confirm`, 404],
      ['edit', `${priority}/actions/new`, 422],
      ['edit', `${priority}/actions/${ids.action}`, 422],
      ['edit', `${priority}/actions/${nothing}/remove`, 404],
      ['edit', `${priority}/measures/new`, 422],
      ['edit', `${priority}/measures/${ids.measure}`, 422],
      ['edit', `${priority}/impacts/new`, 422],
      ['edit', `${priority}/impacts/${ids.impact}`, 422],
      ['edit', `${priority}/impacts/${nothing}/remove`, 404],
      ['edit', `${plan}/versions`, 422],
      ['edit', `${base()}/pcc-priorities`, 422],
      ['edit', `${base()}/pcc-priorities/${nothing}/remove`, 404],
      ['edit', `${base()}/interventions`, 422],
      ['progress', `${plan}/actions/${ids.action}/progress`, 422],
      ['progress', `${plan}/measures/${ids.measure}/values`, 422],
    ];
    const before = await audits();
    const failures: string[] = [];
    for (const who of EVERYONE) {
      for (const [action, path] of gets) {
        const res = await as(who).client.get(path);
        await res.text();
        const expected = PERMITTED[action].includes(who) ? 200 : 403;
        if (res.status !== expected) failures.push(`${who} GET ${path}: ${res.status}, expected ${expected}`);
      }
      for (const [action, path, status] of posts) {
        const res = await post(who, path);
        await res.text();
        const expected = PERMITTED[action].includes(who) ? status : 403;
        if (res.status !== expected) failures.push(`${who} POST ${path}: ${res.status}, expected ${expected}`);
      }
      const uploaded = await upload(who, `${plan}/progress-upload`, 'action,status,progress\n');
      await uploaded.text();
      const expected = PERMITTED.progress.includes(who) ? 422 : 403;
      if (uploaded.status !== expected) failures.push(`${who} upload: ${uploaded.status}, expected ${expected}`);
    }
    expect(failures).toEqual([]);
    expect(await audits()).toEqual(before);

    // Removing, at last: an action, an impact row, a PCC priority, then the priority with everything under it.
    await done('analyst', `${priority}/actions/${ids.action}/remove`);
    await done('analyst', `${priority}/impacts/${ids.impact}/remove`);
    await done('admin', `${base()}/pcc-priorities/${ids.pcc}/remove`);
    expect(words(await page('analyst', `${priority}/remove`))).toContain('Remove the priority “Make the city centre safer after dark”?');
    expect(await done('analyst', `${priority}/remove`)).toBe(`${plan}?done=priority-removed`);
    for (const table of ['plan_priorities', 'plan_evidence', 'plan_actions', 'plan_measures', 'plan_impacts', 'measure_values'] as const)
      expect(await db().selectFrom(table).selectAll().where('partnership_id', '=', p.id).execute(), table).toEqual([]);
    expect((await audits()).slice(-4)).toEqual(['plan.action.remove', 'plan.impact.remove', 'plan.pcc.remove', 'plan.priority.remove']);
  });
});
