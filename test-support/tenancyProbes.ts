/**
 * One request per staff route, aimed at another partnership's (B's) data, for the tenant-isolation suite.
 * Every route the app registers is either listed here or in PUBLIC_ROUTES; the suite fails on any other.
 */
import ExcelJS from 'exceljs';
import { TEST_PASSWORD } from './factories.js';
import type { HttpClient } from './httpClient.js';
import type { TenantB } from './tenantB.js';

export interface ProbeRequest {
  path: string;
  form?: Record<string, string>;
  /** A CSV upload (multipart; the CSRF token goes in the query string, as the import form sends it). */
  csv?: string;
}

export interface Probe {
  /** METHOD and the route as registered. */
  route: string;
  /**
   * refused: the URL names B's partnership or consultation, so another partnership's staff get 403 or 404.
   * scoped: the route works within the user's own partnerships, so its answer must not mention B.
   */
  kind: 'refused' | 'scoped';
  request: (b: TenantB) => ProbeRequest;
}

type Form = Record<string, string>;
const refused = (route: string, path: (b: TenantB) => string, form?: (b: TenantB) => Form): Probe => ({
  route,
  kind: 'refused',
  request: (b) => ({ path: path(b), form: form?.(b) }),
});
/** GETs under a consultation: `/staff/consultations/:id` followed by each suffix. */
const consultationPages = (id: (b: TenantB) => string, suffixes: string[]): Probe[] =>
  suffixes.map((suffix) => refused(`GET /staff/consultations/:id${suffix}`, (b) => `/staff/consultations/${id(b)}${suffix}`));
/** A builder route on B's members' survey ("METHOD tail"), its :code or :pageCode filled with one of the builder codes. */
const builder = (route: string, code?: keyof TenantB['builder'], form?: (t: TenantB['builder']) => Form): Probe => {
  const [method, tail = ''] = route.split(' ');
  const path = (b: TenantB) => `/staff/consultations/${b.members.id}/survey${tail.replace(/:code|:pageCode/, code ? b.builder[code] : '')}`;
  return refused(`${method} /staff/consultations/:id/survey${tail}`, path, form && ((b) => form(b.builder)));
};

const partnershipPath = (tail: string) => (b: TenantB) => `/staff/partnerships/${b.partnership.id}${tail}`;
const crime = (b: TenantB) => `/staff/consultations/${b.crime.id}`;
const coding = (b: TenantB) => `/staff/consultations/${b.coding.consultation.id}/coding`;
const firstWard = (b: TenantB) => b.partnership.wards[0]?.code ?? '';
const dates = { 'opens-day': '1', 'opens-month': '1', 'opens-year': '2030', 'closes-day': '1', 'closes-month': '2', 'closes-year': '2030' };
const crimeRow = { safe_day: 'very_safe', safe_dark: 'fairly_safe', safe_centre_day: 'very_safe', safe_centre_dark: 'a_bit_unsafe' };
const plantedSurvey = {
  schemaVersion: 1,
  title: 'Planted',
  pages: [{ code: 'p', title: 'P', questions: [{ code: 'planted', type: 'short_text', label: 'Planted?', required: false, maxLength: 100 }] }],
};

/** Complete, valid statement forms: B's own admin saves them; A's staff are refused. */
const STATEMENT_FORMS = {
  accessibility: {
    websiteName: 'Planted website',
    complianceStatus: 'partial',
    responseDays: '10',
    enforcementBody: 'ehrc',
    'preparedOn-day': '1',
    'preparedOn-month': '1',
    'preparedOn-year': '2026',
    'reviewedOn-day': '2',
    'reviewedOn-month': '1',
    'reviewedOn-year': '2026',
  },
  privacy: {
    controllerName: 'Planted controller',
    dpoName: 'Planted officer',
    lawfulBasis: 'Planted basis',
    specialCategoryBasis: 'Planted special basis',
    retention: 'Planted retention',
    recipients: 'Planted recipients',
  },
};

const workshop = (b: TenantB) => `/staff/partnerships/${b.partnership.id}/workshops/${b.engagement.workshopId}`;
const PLANTED_CONTACT = { organisation: 'Planted Org', sector: 'faith', contactName: 'Planted Person', phone: '', role: '' };
const PLANTED_WORKSHOP = {
  title: 'Planted workshop',
  'heldOn-day': '1',
  'heldOn-month': '10',
  'heldOn-year': '2024',
  theme: 'custom',
  customTheme: 'Planted theme',
  evidence: '',
  evidenceLinks: '',
  dots: '3',
};

const plan = (b: TenantB) => `/staff/partnerships/${b.partnership.id}/plans/${b.plan.planId}`;
const planPriority = (b: TenantB) => `${plan(b)}/priorities/${b.plan.priorityId}`;
/** A plan route: refused to A's staff; B's admin gets each through, in list order (removals last). */
const planProbe = (route: string, path: (b: TenantB) => string, form?: (b: TenantB) => Form): Probe =>
  refused(`${route.split(' ')[0]} /staff/partnerships/:id/plans/:planId${route.split(' ')[1] ?? ''}`, path, form);
const PLANTED_ACTION = {
  title: 'Planted action',
  leadPartner: 'Planted',
  supportingPartners: '',
  startsOn: '',
  dueOn: '',
  resources: '',
  interventionId: '',
};
const PLANTED_MEASURE = { indicator: 'Planted', baseline: '', baselineNote: '', target: 'Planted', source: 'Planted', frequency: 'annually' };
const PLANTED_IMPACT = { groupKind: 'vulnerable', groupLabel: 'Planted', impact: 'uncertain', evidence: '', breakdown: '', mitigation: '' };

/** The plan (src/plan/): its pages and forms on B's plan, then delivery, versions and the library; removals last. */
const PLAN_PROBES: Probe[] = [
  refused('GET /staff/partnerships/:id/plans', partnershipPath('/plans')),
  refused('GET /staff/partnerships/:id/plans/new', partnershipPath('/plans/new')),
  refused('POST /staff/partnerships/:id/plans/new', partnershipPath('/plans/new'), () => ({
    title: 'Planted plan',
    startsOn: '2025-04-01',
    endsOn: '2026-03-31',
    consultationId: '',
  })),
  ...['', '/themes/new', '/priorities/new', '/versions/new', '/progress-upload', '/progress-template.csv'].map((tail) =>
    planProbe(`GET ${tail}`, (b) => `${plan(b)}${tail}`),
  ),
  planProbe('GET /themes/:themeId', (b) => `${plan(b)}/themes/${b.plan.themeId}`),
  planProbe('GET /versions/:a/compare/:b', (b) => `${plan(b)}/versions/1/compare/current`),
  ...['', '/remove', '/evidence', '/actions/new', '/measures/new', '/impacts/new'].map((tail) =>
    planProbe(`GET /priorities/:priorityId${tail}`, (b) => `${planPriority(b)}${tail}`),
  ),
  planProbe('GET /priorities/:priorityId/actions/:actionId', (b) => `${planPriority(b)}/actions/${b.plan.actionId}`),
  planProbe('GET /priorities/:priorityId/measures/:measureId', (b) => `${planPriority(b)}/measures/${b.plan.measureId}`),
  planProbe('GET /priorities/:priorityId/impacts/:impactId', (b) => `${planPriority(b)}/impacts/${b.plan.impactId}`),
  planProbe('GET /actions/:actionId/progress', (b) => `${plan(b)}/actions/${b.plan.actionId}/progress`),
  planProbe('GET /measures/:measureId/values', (b) => `${plan(b)}/measures/${b.plan.measureId}/values`),
  planProbe(
    'POST /themes/new',
    (b) => `${plan(b)}/themes/new`,
    () => ({ title: 'Planted theme', summary: '' }),
  ),
  planProbe(
    'POST /themes/:themeId',
    (b) => `${plan(b)}/themes/${b.plan.themeId}`,
    () => ({ title: 'Planted title', summary: '' }),
  ),
  planProbe(
    'POST /priorities/new',
    (b) => `${plan(b)}/priorities/new`,
    (b) => ({ themeId: b.plan.themeId, title: 'Planted priority' }),
  ),
  planProbe(
    'POST /priorities/:priorityId',
    (b) => planPriority(b),
    (b) => ({ themeId: b.plan.themeId, title: 'Planted priority title', pccPriorityIds: b.plan.pccId }),
  ),
  planProbe(
    'POST /priorities/:priorityId/evidence',
    (b) => `${planPriority(b)}/evidence`,
    (b) => ({
      item: `workshop:${JSON.stringify([
        ['candidate', b.engagement.candidateId],
        ['workshop', b.engagement.workshopId],
      ])}`,
    }),
  ),
  planProbe(
    'POST /priorities/:priorityId/evidence/quote',
    (b) => `${planPriority(b)}/evidence/quote`,
    (b) => ({ consultation: b.coding.consultation.id, reference: b.coding.blindReference, question: 'feel_safer' }),
  ),
  planProbe('POST /priorities/:priorityId/evidence/:evidenceId/confirm', (b) => `${planPriority(b)}/evidence/${b.plan.evidenceId}/confirm`),
  planProbe('POST /priorities/:priorityId/evidence/:evidenceId/remove', (b) => `${planPriority(b)}/evidence/${b.plan.evidenceId}/remove`),
  planProbe(
    'POST /priorities/:priorityId/actions/new',
    (b) => `${planPriority(b)}/actions/new`,
    () => PLANTED_ACTION,
  ),
  planProbe(
    'POST /priorities/:priorityId/actions/:actionId',
    (b) => `${planPriority(b)}/actions/${b.plan.actionId}`,
    () => PLANTED_ACTION,
  ),
  planProbe(
    'POST /priorities/:priorityId/measures/new',
    (b) => `${planPriority(b)}/measures/new`,
    () => PLANTED_MEASURE,
  ),
  planProbe(
    'POST /priorities/:priorityId/measures/:measureId',
    (b) => `${planPriority(b)}/measures/${b.plan.measureId}`,
    () => PLANTED_MEASURE,
  ),
  planProbe(
    'POST /priorities/:priorityId/impacts/new',
    (b) => `${planPriority(b)}/impacts/new`,
    () => PLANTED_IMPACT,
  ),
  planProbe(
    'POST /priorities/:priorityId/impacts/:impactId',
    (b) => `${planPriority(b)}/impacts/${b.plan.impactId}`,
    () => PLANTED_IMPACT,
  ),
  planProbe(
    'POST /actions/:actionId/progress',
    (b) => `${plan(b)}/actions/${b.plan.actionId}/progress`,
    () => ({ status: 'on_track', progress: '10', note: 'Planted' }),
  ),
  {
    route: 'POST /staff/partnerships/:id/plans/:planId/progress-upload',
    kind: 'refused',
    request: (b) => ({ path: `${plan(b)}/progress-upload`, csv: 'action,status,progress\nA1,on_track,20\n' }),
  },
  planProbe(
    'POST /measures/:measureId/values',
    (b) => `${plan(b)}/measures/${b.plan.measureId}/values`,
    () => ({ period: '2025-06-30', value: '3', note: '' }),
  ),
  planProbe(
    'POST /versions',
    (b) => `${plan(b)}/versions`,
    () => ({ status: 'approved', decidedOn: '2025-03-18', decidedBy: 'Planted' }),
  ),
  planProbe('POST /priorities/:priorityId/actions/:actionId/remove', (b) => `${planPriority(b)}/actions/${b.plan.removableActionId}/remove`),
  planProbe('POST /priorities/:priorityId/impacts/:impactId/remove', (b) => `${planPriority(b)}/impacts/${b.plan.removableImpactId}/remove`),
  planProbe('POST /priorities/:priorityId/remove', (b) => `${plan(b)}/priorities/${b.plan.removablePriorityId}/remove`),
  ...['/pcc-priorities', '/interventions'].map((tail) => refused(`GET /staff/partnerships/:id${tail}`, partnershipPath(tail))),
  refused('POST /staff/partnerships/:id/pcc-priorities', partnershipPath('/pcc-priorities'), () => ({ title: 'Planted PCC priority', summary: '' })),
  refused(
    'POST /staff/partnerships/:id/pcc-priorities/:pccId/remove',
    (b) => `${partnershipPath('/pcc-priorities')(b)}/${b.plan.removablePccId}/remove`,
  ),
  refused('POST /staff/partnerships/:id/interventions', partnershipPath('/interventions'), () => ({
    title: 'Planted intervention',
    effect: 'unknown',
    evidence: '0',
    mechanism: '0',
    moderators: '0',
    implementation: '0',
    economic: '0',
  })),
];

export const PROBES: Probe[] = [
  // The partnership's own pages and API.
  refused('GET /staff/partnerships/:id', partnershipPath('')),
  refused('GET /staff/partnerships/:id/settings', partnershipPath('/settings')),
  refused('POST /staff/partnerships/:id/settings', partnershipPath('/settings'), () => ({ suppressionMinimum: '3' })),
  refused('GET /staff/partnerships/:id/llm', partnershipPath('/llm')),
  refused('POST /staff/partnerships/:id/llm', partnershipPath('/llm'), () => ({
    baseUrl: 'http://127.0.0.1:9/v1',
    model: 'planted',
    apiKey: 'planted-key',
  })),
  // Asked while B still has its LLM: the next probe removes it.
  refused(
    'POST /staff/consultations/:id/coding/suggestions/llm',
    (b) => `${coding(b)}/suggestions/llm`,
    () => ({ question: 'feel_safer' }),
  ),
  refused('POST /staff/partnerships/:id/llm/remove', partnershipPath('/llm/remove')),
  refused('GET /staff/partnerships/:id/settings/redaction', partnershipPath('/settings/redaction')),
  refused('POST /staff/partnerships/:id/settings/redaction', partnershipPath('/settings/redaction'), () => ({
    keepOriginals: 'yes',
    retentionDays: '30',
  })),
  ...(
    [
      ['/accessibility-statement', STATEMENT_FORMS.accessibility],
      ['/privacy-notice', STATEMENT_FORMS.privacy],
    ] as const
  ).flatMap(([tail, form]) => [
    refused(`GET /staff/partnerships/:id${tail}`, partnershipPath(tail)),
    refused(`POST /staff/partnerships/:id${tail}`, partnershipPath(tail), () => form),
  ]),
  refused('GET /staff/partnerships/:pid/consultations', partnershipPath('/consultations')),
  refused('GET /staff/partnerships/:pid/consultations/new', partnershipPath('/consultations/new')),
  refused('POST /staff/partnerships/:pid/consultations/new', partnershipPath('/consultations/new'), () => ({
    template: 'blank',
    title: 'Planted',
    ...dates,
  })),
  refused('GET /api/v1/partnerships/:pid/consultations', (b) => `/api/v1/partnerships/${b.partnership.id}/consultations`),

  // A consultation: overview, stage changes, key-in, import, export, invitations, the responses API.
  ...consultationPages(
    (b) => b.crime.id,
    ['', '/responses/new', '/import', '/import/template.csv', '/import/template.xlsx', '/export.csv', '/export.xlsx', '/paper', '/paper.pdf'],
  ),
  refused(
    'POST /staff/consultations/:id/stage',
    (b) => `/staff/consultations/${b.draft.id}/stage`,
    () => ({ action: 'schedule' }),
  ),
  refused(
    'POST /staff/consultations/:id/responses/new',
    (b) => `${crime(b)}/responses/new`,
    (b) => ({ _channel: 'paper', ward: firstWard(b), ...crimeRow }),
  ),
  {
    route: 'POST /staff/consultations/:id/import',
    kind: 'refused',
    request: (b) => ({
      path: `${crime(b)}/import`,
      csv: `ward,${Object.keys(crimeRow).join(',')}\n${firstWard(b)},${Object.values(crimeRow).join(',')}\n`,
    }),
  },
  ...consultationPages((b) => b.members.id, ['/invitations']),
  refused(
    'POST /staff/consultations/:id/invitations',
    (b) => `/staff/consultations/${b.members.id}/invitations`,
    () => ({ people: 'Planted, planted@elsewhere.example' }),
  ),
  refused(
    'POST /staff/consultations/:id/invitations/links.csv',
    (b) => `/staff/consultations/${b.members.id}/invitations/links.csv`,
    (b) => ({ token: b.invitationToken }),
  ),
  refused('GET /api/v1/consultations/:id/responses', (b) => `/api/v1/consultations/${b.crime.id}/responses`),

  // Changing a consultation after creating it: details, confirming a stage change, reopening, previewing.
  ...consultationPages((b) => b.draft.id, ['/details', '/preview']),
  refused('GET /staff/consultations/:id/stage/:action', (b) => `/staff/consultations/${b.crime.id}/stage/close`),
  refused('GET /staff/consultations/:id/preview/questions/:screen', (b) => `/staff/consultations/${b.draft.id}/preview/questions/where_you_live`),
  refused(
    'POST /staff/consultations/:id/details',
    (b) => `/staff/consultations/${b.draft.id}/details`,
    () => ({ title: 'Planted', privacyNotice: 'Planted', audiences: 'public', resultsVisibility: 'after_close', ...dates }),
  ),
  ...consultationPages((b) => b.closed.id, ['/reopen']),
  refused(
    'POST /staff/consultations/:id/reopen',
    (b) => `/staff/consultations/${b.closed.id}/reopen`,
    () => ({ reason: 'Planted' }),
  ),
  // Managing one of B's responses: the list, the response, its correction and withdrawal pages; then correcting,
  // withdrawing and restoring it (in that order, so B's own admin can do each).
  ...consultationPages((b) => b.crime.id, ['/responses']),
  ...['', '/correct', '/withdraw'].map((tail) =>
    refused(`GET /staff/consultations/:id/responses/:reference${tail}`, (b) => `${crime(b)}/responses/${b.crimeReference}${tail}`),
  ),
  refused(
    'POST /staff/consultations/:id/responses/:reference/correct',
    (b) => `${crime(b)}/responses/${b.crimeReference}/correct`,
    (b) => ({ _version: '1', _reason: 'Planted', ward: firstWard(b), ...crimeRow }),
  ),
  refused(
    'POST /staff/consultations/:id/responses/:reference/withdraw',
    (b) => `${crime(b)}/responses/${b.crimeReference}/withdraw`,
    () => ({ _reason: 'Planted' }),
  ),
  refused('POST /staff/consultations/:id/responses/:reference/restore', (b) => `${crime(b)}/responses/${b.crimeReference}/restore`),
  refused('GET /api/v1/consultations/:id/responses/:reference', (b) => `/api/v1/consultations/${b.crime.id}/responses/${b.crimeReference}`),

  // The survey builder, on the members' survey.
  builder('GET'),
  builder('GET /json'),
  builder('GET /pages/new'),
  builder('GET /pages/:pageCode', 'pageCode'),
  builder('GET /pages/:pageCode/questions/new', 'pageCode'),
  builder('GET /questions/:code', 'editCode'),
  builder('POST /questions/:code', 'editCode', () => ({ label: 'A planted label', required: 'no' })),
  builder('POST /questions/:code/move', 'moveCode', () => ({ direction: 'up' })),
  builder('POST /questions/:code/remove', 'removeCode', () => ({})),
  builder('POST /questions/:code/options', 'choiceCode', () => ({ newOption: 'Planted option' })),
  builder('POST /questions/:code/options/remove', 'choiceCode', (t) => ({ value: t.option })),
  builder('POST /questions/:code/rows', 'gridCode', () => ({ newRow: 'Planted row' })),
  builder('POST /questions/:code/rows/remove', 'gridCode', (t) => ({ row: t.row })),
  builder('POST /pages/new', undefined, () => ({ pageTitle: 'Planted page', type: 'short_text', label: 'A planted question', required: 'no' })),
  builder('POST /pages/:pageCode', 'pageCode', () => ({ pageTitle: 'Planted title' })),
  builder('POST /pages/:pageCode/questions/new', 'pageCode', () => ({ type: 'short_text', label: 'Another planted question', required: 'no' })),
  builder('POST /json', undefined, () => ({ definition: JSON.stringify(plantedSurvey) })),

  // Analysis: the dashboard, its downloads (small bases shown, so a chart exists) and the API.
  ...consultationPages((b) => b.crime.id, ['/analysis']),
  ...['table.csv', 'table.xlsx', 'chart.svg', 'chart.png'].map((file) =>
    refused(
      `GET /staff/consultations/:id/analysis/questions/:code/${file}`,
      (b) => `${crime(b)}/analysis/questions/safe_day/${file}?suppressBelow=0`,
    ),
  ),
  ...['crosstab.csv', 'crosstab.xlsx'].map((file) =>
    refused(`GET /staff/consultations/:id/analysis/${file}`, (b) => `${crime(b)}/analysis/${file}?xq=safe_day&by=ward`),
  ),
  refused('GET /api/v1/consultations/:id/analysis', (b) => `/api/v1/consultations/${b.crime.id}/analysis`),
  refused('GET /staff/partnerships/:id/margins', partnershipPath('/margins')),
  refused('POST /staff/partnerships/:id/margins', partnershipPath('/margins'), () => ({ margins: 'variable,value,population\nsex,female,1' })),
  refused('GET /api/v1/consultations/:id/crosstab', (b) => `/api/v1/consultations/${b.crime.id}/crosstab?xq=safe_day&by=ward`),

  // Theme coding (src/coding/) of B's commented consultation: pages, then changes B's own admin can make in this order.
  ...consultationPages(
    (b) => b.coding.consultation.id,
    [
      '/coding',
      '/coding/codebook',
      '/coding/answers',
      '/coding/blind',
      '/coding/agreement',
      '/coding/codings.csv',
      '/coding/results',
      '/coding/results.csv',
    ],
  ),
  ...['', '/split'].map((tail) =>
    refused(`GET /staff/consultations/:id/coding/codebook/:themeId${tail}`, (b) => `${coding(b)}/codebook/${b.coding.splitId}${tail}`),
  ),
  refused('GET /staff/consultations/:id/coding/answers/:reference/:question', (b) => `${coding(b)}/answers/${b.coding.reference}/feel_safer`),
  refused('GET /staff/consultations/:id/coding/blind/:reference/:question', (b) => `${coding(b)}/blind/${b.coding.blindReference}/feel_safer`),
  refused(
    'POST /staff/consultations/:id/coding/codebook',
    (b) => `${coding(b)}/codebook`,
    () => ({ name: 'Planted theme', code: '', description: '', parentId: '' }),
  ),
  refused(
    'POST /staff/consultations/:id/coding/codebook/:themeId',
    (b) => `${coding(b)}/codebook/${b.coding.keepId}`,
    () => ({ name: 'Planted lighting', code: 'street_lighting', description: 'Planted', parentId: '' }),
  ),
  refused(
    'POST /staff/consultations/:id/coding/answers/:reference/:question',
    (b) => `${coding(b)}/answers/${b.coding.reference}/feel_safer`,
    (b) => ({ themes: b.coding.keepId, note: 'Planted', next: 'stay' }),
  ),
  refused(
    'POST /staff/consultations/:id/coding/blind/:reference/:question',
    (b) => `${coding(b)}/blind/${b.coding.blindReference}/feel_safer`,
    (b) => ({ themes: b.coding.keepId, next: 'next' }),
  ),
  refused(
    'POST /staff/consultations/:id/coding/answers/bulk',
    (b) => `${coding(b)}/answers/bulk`,
    (b) => ({ units: b.coding.unitKey, theme: b.coding.splitId }),
  ),
  refused(
    'POST /staff/consultations/:id/coding/codebook/:themeId/merge',
    (b) => `${coding(b)}/codebook/${b.coding.mergeId}/merge`,
    (b) => ({ into: b.coding.keepId }),
  ),
  refused('POST /staff/consultations/:id/coding/codebook/:themeId/remove', (b) => `${coding(b)}/codebook/${b.coding.removeId}/remove`),
  refused(
    'POST /staff/consultations/:id/coding/codebook/:themeId/split',
    (b) => `${coding(b)}/codebook/${b.coding.splitId}/split`,
    () => ({ names: 'Planted one\nPlanted two' }),
  ),
  refused('GET /staff/consultations/:id/coding/suggestions', (b) => `${coding(b)}/suggestions?question=feel_safer`),
  refused(
    'POST /staff/consultations/:id/coding/suggestions/accept',
    (b) => `${coding(b)}/suggestions/accept`,
    (b) => ({ question: 'feel_safer', accept: `${b.coding.unitKey} ${b.coding.keepId}` }),
  ),
  refused(
    'POST /staff/consultations/:id/coding/suggestions/themes',
    (b) => `${coding(b)}/suggestions/themes`,
    () => ({ question: 'feel_safer', name: 'Planted candidate', description: 'Planted' }),
  ),
  refused(
    'POST /staff/consultations/:id/coding/blind/sample',
    (b) => `${coding(b)}/blind/sample`,
    () => ({ size: '1', question: '' }),
  ),

  // A user of B's on the user management routes; removing them last, as B's own admin really does it.
  ...['', '/remove'].map((tail) => refused(`GET /staff/users/:id${tail}`, (b) => `/staff/users/${b.userId}${tail}`)),
  // Before disabling them: a disabled user gets no reset link.
  refused('POST /staff/users/:id/reset-link', (b) => `/staff/users/${b.userId}/reset-link`),
  refused('POST /staff/users/:id/two-step/reset', (b) => `/staff/users/${b.userId}/two-step/reset`),
  refused(
    'POST /staff/users/:id/status',
    (b) => `/staff/users/${b.userId}/status`,
    () => ({ status: 'disabled' }),
  ),
  refused(
    'POST /staff/users/:id/role',
    (b) => `/staff/users/${b.userId}/role`,
    () => ({ role: 'admin' }),
  ),
  refused(
    'POST /staff/users/:id/password',
    (b) => `/staff/users/${b.userId}/password`,
    () => ({ password: 'planted-lantern-orchard' }),
  ),
  refused('POST /staff/users/:id/remove', (b) => `/staff/users/${b.userId}/remove`),

  // The stakeholder register and email settings; workshops, their capture, items, priorities and voting (voting last,
  // as opening it ends changes to the priorities).
  ...[
    '/stakeholders',
    '/stakeholders/new',
    '/stakeholders/import',
    '/stakeholders/template.csv',
    '/email-settings',
    '/workshops',
    '/workshops/new',
    '/workshop-evidence',
    '/assessment',
    '/assessment/matrix',
  ].map((tail) => refused(`GET /staff/partnerships/:id${tail}`, partnershipPath(tail))),
  refused('GET /staff/partnerships/:id/assessment.pdf', partnershipPath('/assessment.pdf')),
  refused('GET /staff/partnerships/:id/assessment/map.json', partnershipPath('/assessment/map.json?level=ward')),
  refused('POST /staff/partnerships/:id/assessment/matrix', partnershipPath('/assessment/matrix'), () => ({
    'harm-asb': '5',
    'rationale-asb': 'Planted',
  })),
  refused('GET /api/v1/partnerships/:id/crime', (b) => `/api/v1/partnerships/${b.partnership.id}/crime?groupBy=type`),
  refused('GET /staff/partnerships/:id/crime/imports', partnershipPath('/crime/imports')),
  refused('GET /staff/partnerships/:id/crime/datasets', partnershipPath('/crime/datasets')),
  refused('POST /staff/partnerships/:id/crime/datasets', partnershipPath('/crime/datasets'), () => ({
    name: 'Betaford fires',
    date: 'Date',
    fixedCategory: 'Fly-tipping',
    postcode: 'Postcode',
  })),
  {
    route: 'POST /staff/partnerships/:id/crime/datasets/import',
    kind: 'refused',
    request: (b) => ({ path: `/staff/partnerships/${b.partnership.id}/crime/datasets/import`, csv: 'Date,Postcode\n2024-01-01,CV1 1AH\n' }),
  },
  refused('GET /staff/partnerships/:id/crime/imports/:importId', (b) => `/staff/partnerships/${b.partnership.id}/crime/imports/${b.crimeImportId}`),
  {
    route: 'POST /staff/partnerships/:id/crime/imports',
    kind: 'refused',
    request: (b) => ({
      path: `/staff/partnerships/${b.partnership.id}/crime/imports`,
      csv: 'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n,2024-01,Planted,Planted,-1.5,52.4,On or near Planted,E01009522,Planted,Anti-social behaviour,,\n',
    }),
  },
  refused(
    'GET /staff/partnerships/:id/stakeholders/:sid',
    (b) => `/staff/partnerships/${b.partnership.id}/stakeholders/${b.engagement.stakeholderId}`,
  ),
  refused('POST /staff/partnerships/:id/stakeholders/new', partnershipPath('/stakeholders/new'), () => ({
    ...PLANTED_CONTACT,
    email: 'planted@elsewhere.example',
  })),
  refused(
    'POST /staff/partnerships/:id/stakeholders/:sid',
    (b) => `/staff/partnerships/${b.partnership.id}/stakeholders/${b.engagement.stakeholderId}`,
    () => ({ ...PLANTED_CONTACT, email: 'contact@betaford.example' }),
  ),
  refused(
    'POST /staff/partnerships/:id/stakeholders/:sid/remove',
    (b) => `/staff/partnerships/${b.partnership.id}/stakeholders/${b.engagement.removableId}/remove`,
  ),
  {
    route: 'POST /staff/partnerships/:id/stakeholders/import',
    kind: 'refused',
    request: (b) => ({
      path: `/staff/partnerships/${b.partnership.id}/stakeholders/import`,
      csv: 'organisation,sector,contact_name,email,phone,role\nPlanted Org,faith,Planted,planted-import@elsewhere.example,,\n',
    }),
  },
  refused('POST /staff/partnerships/:id/email-settings', partnershipPath('/email-settings'), () => ({
    host: '127.0.0.1',
    port: '9',
    security: 'none',
    username: '',
    password: '',
    fromAddress: 'csp@betaford.example',
  })),
  refused('POST /staff/partnerships/:id/workshops/new', partnershipPath('/workshops/new'), (b) => ({
    ...PLANTED_WORKSHOP,
    consultationId: b.crime.id,
  })),
  ...['', '/edit', '/capture'].map((tail) => refused(`GET /staff/partnerships/:id/workshops/:wid${tail}`, (b) => `${workshop(b)}${tail}`)),
  refused('GET /staff/partnerships/:id/workshops/:wid/items/:tid', (b) => `${workshop(b)}/items/${b.engagement.itemId}`),
  refused(
    'POST /staff/partnerships/:id/workshops/:wid/edit',
    (b) => `${workshop(b)}/edit`,
    (b) => ({ ...PLANTED_WORKSHOP, consultationId: b.crime.id }),
  ),
  refused(
    'POST /staff/partnerships/:id/workshops/:wid/attendees',
    (b) => `${workshop(b)}/attendees`,
    (b) => ({ attendees: b.engagement.stakeholderId }),
  ),
  refused(
    'POST /staff/partnerships/:id/workshops/:wid/attendance',
    (b) => `${workshop(b)}/attendance`,
    (b) => ({ attended: b.engagement.stakeholderId }),
  ),
  refused(
    'POST /staff/partnerships/:id/workshops/:wid/invitations',
    (b) => `${workshop(b)}/invitations`,
    (b) => ({ invite: b.engagement.stakeholderId }),
  ),
  refused(
    'POST /staff/partnerships/:id/workshops/:wid/capture',
    (b) => `${workshop(b)}/capture`,
    () => ({ text: 'Planted item' }),
  ),
  refused(
    'POST /staff/partnerships/:id/workshops/:wid/items/:tid',
    (b) => `${workshop(b)}/items/${b.engagement.itemId}`,
    () => ({ text: 'Planted text' }),
  ),
  refused('POST /staff/partnerships/:id/workshops/:wid/items/:tid/remove', (b) => `${workshop(b)}/items/${b.engagement.removableItemId}/remove`),
  refused(
    'POST /staff/partnerships/:id/workshops/:wid/candidates',
    (b) => `${workshop(b)}/candidates`,
    () => ({ candidate: 'Planted priority' }),
  ),
  refused(
    'POST /staff/partnerships/:id/workshops/:wid/candidates/:tid/remove',
    (b) => `${workshop(b)}/candidates/${b.engagement.removableCandidateId}/remove`,
  ),
  refused(
    'POST /staff/partnerships/:id/workshops/:wid/voting',
    (b) => `${workshop(b)}/voting`,
    () => ({ to: 'open' }),
  ),

  ...PLAN_PROBES,

  // Reports (src/reports/): making one, its progress and file, the committee note's wording.
  refused('GET /staff/partnerships/:id/reports', partnershipPath('/reports')),
  refused('POST /staff/partnerships/:id/reports/runs', partnershipPath('/reports/runs'), () => ({ kind: 'committee', format: 'html' })),
  refused('GET /staff/partnerships/:id/reports/runs/:runId', (b) => `/staff/partnerships/${b.partnership.id}/reports/runs/${b.reportRunId}`),
  refused(
    'GET /staff/partnerships/:id/reports/runs/:runId/file',
    (b) => `/staff/partnerships/${b.partnership.id}/reports/runs/${b.reportRunId}/file`,
  ),
  refused(
    'GET /staff/partnerships/:id/reports/committee/:consultationId/narrative',
    (b) => `/staff/partnerships/${b.partnership.id}/reports/committee/${b.crime.id}/narrative`,
  ),
  refused(
    'POST /staff/partnerships/:id/reports/committee/:consultationId/narrative',
    (b) => `/staff/partnerships/${b.partnership.id}/reports/committee/${b.crime.id}/narrative`,
    () => ({ purpose: 'Planted purpose' }),
  ),

  // Data protection (src/dataProtection/): a consultation's page, retention, withdrawal requests, open data, subject access.
  refused('GET /staff/consultations/:id/data-protection', (b) => `${crime(b)}/data-protection`),
  refused(
    'POST /staff/consultations/:id/retention',
    (b) => `${crime(b)}/retention`,
    () => ({ months: '6' }),
  ),
  refused(
    'POST /staff/consultations/:id/withdrawal-requests/:requestId',
    (b) => `${crime(b)}/withdrawal-requests/${b.withdrawalRequestId}`,
    () => ({ decision: 'decline' }),
  ),
  refused('GET /staff/consultations/:id/open-data.csv', (b) => `/staff/consultations/${b.coding.consultation.id}/open-data.csv`),
  refused(
    'GET /staff/consultations/:id/open-data-dictionary.csv',
    (b) => `/staff/consultations/${b.coding.consultation.id}/open-data-dictionary.csv`,
  ),
  refused('GET /staff/partnerships/:id/subject-access', partnershipPath('/subject-access?q=be')),
  refused(
    'GET /staff/partnerships/:id/subject-access/export.json',
    (b) => `/staff/partnerships/${b.partnership.id}/subject-access/export.json?email=${encodeURIComponent(b.adminEmail)}`,
  ),

  // Routes within the user's own partnerships: B must not appear, and B cannot be chosen.
  ...['/staff', '/staff/users', '/staff/audit', '/staff/audit/export.csv', '/staff/audit/export.xlsx', '/api/v1/partnerships'].map(
    (path): Probe => ({ route: `GET ${path}`, kind: 'scoped', request: () => ({ path }) }),
  ),
  { route: 'GET /staff/account/password', kind: 'scoped', request: () => ({ path: '/staff/account/password' }) },
  ...['/staff/account/two-step', '/staff/account/two-step/set-up'].map(
    (path): Probe => ({ route: `GET ${path}`, kind: 'scoped', request: () => ({ path }) }),
  ),
  {
    route: 'POST /staff/account/password',
    kind: 'scoped',
    request: () => ({ path: '/staff/account/password', form: { currentPassword: TEST_PASSWORD, newPassword: 'planted-lantern-orchard' } }),
  },
  {
    route: 'POST /staff/users',
    kind: 'scoped',
    request: (b) => ({
      path: '/staff/users',
      form: { email: 'planted@elsewhere.example', name: 'Planted', role: 'admin', password: 'orchard-lantern-velvet', partnership: b.partnership.id },
    }),
  },
];

/** Routes that are not staff routes, each with why no partnership check applies. */
export const PUBLIC_ROUTES: Record<string, string> = {
  'GET /': 'the site home page',
  'GET /*': 'compiled CSS and scripts, the interactive map script and Leaflet (no data)',
  'GET /assets/govuk-frontend.min.js': 'GOV.UK Frontend',
  'GET /accessibility': "the site's accessibility statement (every partnership's own, linked)",
  'GET /privacy': "the site's privacy notice (every partnership's own, linked)",
  'GET /p/:slug/accessibility': "a partnership's public accessibility statement",
  'GET /p/:slug/privacy': "a partnership's public privacy notice",
  'GET /p/:slug/:cslug/privacy': "a consultation's public privacy notice (not drafts)",
  'GET /p/:slug/:cslug/results': "a published consultation's results and you said, we did (published consultations only)",
  'GET /p/:slug/:cslug/results.:format': 'the same results as a PDF or Word summary (published consultations only)',
  'GET /p/:slug/plan': "a partnership's plan as last approved, with delivery progress (never a draft)",
  'GET /health': 'the health check',
  'GET /ready': 'the readiness check (no data: ready or the reason not)',
  'GET /api/v1/openapi.json': 'the API description',
  'GET /sign-in': 'signing in',
  'POST /sign-in': 'signing in',
  'GET /sign-in/oidc': "signing in with the council's account (sends the browser to the identity provider)",
  'GET /sign-in/oidc/callback': "signing in with the council's account (the identity provider's answer)",
  'POST /sign-out': 'signing out',
  'GET /sign-in/two-step': 'signing in: the second step, only for the session whose password was just accepted (rate-limited)',
  'POST /sign-in/two-step': 'signing in: the second step, only for the session whose password was just accepted (rate-limited)',
  'GET /sign-in/two-step/set-up': 'signing in: setting up two-step verification, only for the session whose password was just accepted',
  'POST /sign-in/two-step/set-up':
    'signing in: setting up two-step verification, only for the session whose password was just accepted (rate-limited)',
  'POST /staff/account/two-step/set-up':
    "the signed-in user's own two-step verification, with a code only their app gives: no partnership's data (accounts/twoStep.http.test.ts)",
  'POST /staff/account/two-step/turn-off':
    "the signed-in user's own two-step verification, behind their password: no partnership's data (accounts/twoStep.http.test.ts)",
  'POST /staff/account/two-step/recovery-codes':
    "the signed-in user's own recovery codes, behind their password: no partnership's data (accounts/twoStep.http.test.ts)",
  'GET /reset-password/:token': 'a one-time password reset link (the token is the credential; rate-limited)',
  'POST /reset-password/:token': 'a one-time password reset link (the token is the credential; rate-limited)',
  'GET /brand/:file': "a partnership's public stylesheet",
  'GET /api/v1/consultations/:id/survey': 'the public survey of a consultation that is not a draft',
  'POST /api/v1/consultations/:id/responses': 'anonymous submissions to a public survey',
  'GET /p/:slug': "a partnership's public hub",
  'GET /p/:slug/:cslug': "a consultation's public page",
  'GET /p/:slug/:cslug/questions/:screen': 'the public form (members-only surveys: checked in the suite)',
  'POST /p/:slug/:cslug/questions/:screen': 'the public form (members-only surveys: checked in the suite)',
  'GET /p/:slug/:cslug/check': 'the public form',
  'POST /p/:slug/:cslug/check': 'the public form',
  'GET /p/:slug/:cslug/confirmation': 'the public form',
  'GET /p/:slug/:cslug/invitation/:token': 'a personal invitation link',
  'GET /p/:slug/withdraw': 'the public withdrawal form (a reference number is the only input; the answer never says whether it exists)',
  'POST /p/:slug/withdraw': 'the public withdrawal form (rate-limited; the same answer whether or not the reference exists)',
  'GET /p/:slug/withdraw/sent': 'the neutral confirmation after a withdrawal request (no data)',
  'GET /p/:slug/:cslug/open-data.csv': "a published consultation's anonymised open data (published consultations only)",
  'GET /p/:slug/:cslug/open-data-dictionary.csv': "a published consultation's open data dictionary (published consultations only)",
  'GET /w/:token': "a workshop attendee's personal voting link (the token is the credential and decides the workshop; rate-limited)",
  'POST /w/:token': "a workshop attendee's personal voting link (the token is the credential and decides the workshop; rate-limited)",
};

export interface ProbeAnswer {
  status: number;
  /** The error code of a refusal (from the JSON error or the error page), if any. */
  code: string | undefined;
  body: string;
  /** The first message of a GOV.UK error summary, to say why a form was refused. */
  problem: string | undefined;
}

/** Every cell of a downloaded workbook as text, a line per row, so a probe can look in it for another partnership's data. */
async function xlsxText(res: Response): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
  const lines: string[] = [];
  for (const sheet of book.worksheets) sheet.eachRow((row) => lines.push(JSON.stringify(row.values)));
  return lines.join('\n');
}

/** Sends a probe as a signed-in user, with their CSRF token on anything that is not a GET. */
export async function sendProbe(client: HttpClient, csrf: string, method: string, request: ProbeRequest): Promise<ProbeAnswer> {
  let res: Response;
  if (method === 'GET') res = await client.get(request.path);
  else if (request.csv !== undefined) {
    const form = new FormData();
    form.append('file', new Blob([request.csv], { type: 'text/csv' }), 'upload.csv');
    res = await client.postMultipart(`${request.path}?_csrf=${encodeURIComponent(csrf)}`, form);
  } else res = await client.postForm(request.path, { _csrf: csrf, ...request.form });
  const body = res.headers.get('content-type')?.includes('spreadsheetml') ? await xlsxText(res) : await res.text();
  const code = res.headers.get('content-type')?.includes('json')
    ? (JSON.parse(body) as { error?: { code?: string } }).error?.code
    : /Error code: ([a-z_]+)/.exec(body)?.[1];
  const problem = /govuk-error-summary__list[\s\S]*?<a[^>]*>([^<]*)<\/a>/.exec(body)?.[1]?.trim();
  return { status: res.status, code, body, problem };
}
