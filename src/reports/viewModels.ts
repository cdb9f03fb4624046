/** The reports pages' view models. Pure. */
import type { Consultation } from '../consultations/index.js';
import type { Partnership } from '../partnerships/index.js';
import type { PlanSummary } from '../plan/index.js';
import { escapeHtml } from '../platform/html.js';
import { formatLondon } from '../platform/londonTime.js';
import { COMMITTEE_SECTION_LABELS, COMMITTEE_SECTIONS } from './committee/committeeNarrative.js';
import type { ReportRun } from './queries/reportRuns.js';
import { REPORT_FORMATS } from './render/renderReport.js';
import { REPORT_KIND_LABELS, REPORT_KINDS, type ReportKind } from './reportContext.js';

const STATUS = { running: 'Being made', done: 'Ready', failed: 'Failed' } as Record<string, string>;
const FORMAT_LABELS: Record<string, string> = { html: 'Web page (HTML)', pdf: 'PDF', docx: 'Word (DOCX)', xlsx: 'Excel data appendix (XLSX)' };
const USES: Record<ReportKind, string> = {
  committee:
    'The note to Scrutiny or Cabinet in the council’s format: the consultation’s findings, the workshops, the plan’s themes, with your own words for purpose, recommendations and next steps.',
  findings: 'Every question of a consultation charted and tabled, who responded, themes with quotes, findings by group.',
  plan: 'The plan: each priority with the evidence behind it as it stands today, actions, measures.',
  hiia: 'The Health Inequalities Impact assessment of the plan’s priorities.',
  'you-said-we-did': 'What residents raised and what the plan does about it.',
};

export interface Field {
  field: string;
  message: string;
}

export function reportsPage(o: {
  partnership: Partnership;
  consultations: readonly Consultation[];
  plans: readonly PlanSummary[];
  runs: readonly ReportRun[];
  errors?: Field[];
  values?: Record<string, string>;
}) {
  const base = `/staff/partnerships/${o.partnership.id}/reports`;
  const surveys = o.consultations.filter((c) => c.template !== 'members-survey' && c.status !== 'draft');
  const values = o.values ?? {};
  const errorOf = (field: string) => o.errors?.find((e) => e.field === field)?.message;
  return {
    title: `Reports: ${o.partnership.name}`,
    partnership: o.partnership,
    action: `${base}/runs`,
    errors: (o.errors ?? []).map((e) => ({ text: e.message, href: `#${e.field}` })),
    kindItems: REPORT_KINDS.map((k) => ({
      value: k,
      text: REPORT_KIND_LABELS[k],
      hint: { text: USES[k] },
      checked: (values.kind ?? 'committee') === k,
    })),
    kindError: errorOf('kind') ? { text: errorOf('kind') } : undefined,
    formatItems: REPORT_FORMATS.map((f) => ({ value: f, text: FORMAT_LABELS[f], checked: (values.format ?? 'pdf') === f })),
    formatError: errorOf('format') ? { text: errorOf('format') } : undefined,
    consultationItems: [
      { value: '', text: 'The latest closed survey', selected: !values.consultation },
      ...surveys.map((c) => ({ value: c.id, text: c.title, selected: values.consultation === c.id })),
    ],
    consultationError: errorOf('consultation') ? { text: errorOf('consultation') } : undefined,
    planItems: [
      { value: '', text: 'The current plan', selected: !values.plan },
      ...o.plans.map((p) => ({ value: p.id, text: p.title, selected: values.plan === p.id })),
    ],
    planError: errorOf('plan') ? { text: errorOf('plan') } : undefined,
    narratives: surveys.map((c) => ({ title: c.title, href: `${base}/committee/${encodeURIComponent(c.id)}/narrative` })),
    rows: o.runs.map((r) => [
      { html: `<a class="govuk-link" href="${base}/runs/${encodeURIComponent(r.id)}">${escapeHtml(formatLondon(r.createdAt))}</a>` },
      { text: REPORT_KIND_LABELS[r.kind as ReportKind] ?? r.kind },
      { text: r.format.toUpperCase() },
      { text: STATUS[r.status] ?? r.status },
      { text: r.createdBy },
    ]),
  };
}

export function runPage(partnership: Partnership, run: ReportRun) {
  const base = `/staff/partnerships/${partnership.id}/reports`;
  return {
    title: `${REPORT_KIND_LABELS[run.kind as ReportKind] ?? run.kind}: ${STATUS[run.status] ?? run.status}`,
    partnership,
    run,
    kindLabel: REPORT_KIND_LABELS[run.kind as ReportKind] ?? run.kind,
    status: STATUS[run.status] ?? run.status,
    running: run.status === 'running',
    failed: run.status === 'failed',
    started: formatLondon(run.createdAt),
    finished: run.finishedAt ? formatLondon(run.finishedAt) : '',
    refreshHref: `${base}/runs/${encodeURIComponent(run.id)}`,
    downloadHref: `${base}/runs/${encodeURIComponent(run.id)}/file`,
    listHref: base,
  };
}

export function narrativePage(o: {
  partnership: Partnership;
  consultation: Consultation;
  texts: Record<string, string>;
  saved: boolean;
  errors?: Field[];
}) {
  const base = `/staff/partnerships/${o.partnership.id}/reports`;
  return {
    title: `Committee note wording: ${o.consultation.title}`,
    partnership: o.partnership,
    consultation: o.consultation,
    action: `${base}/committee/${encodeURIComponent(o.consultation.id)}/narrative`,
    saved: o.saved,
    errors: (o.errors ?? []).map((e) => ({ text: e.message, href: `#${e.field}` })),
    sections: COMMITTEE_SECTIONS.map((s) => ({
      id: s,
      name: s,
      label: COMMITTEE_SECTION_LABELS[s],
      value: o.texts[s] ?? '',
      error: o.errors?.find((e) => e.field === s)?.message,
      rows: ['to', 'date', 'author'].includes(s) ? 2 : 6,
    })),
    listHref: base,
  };
}
