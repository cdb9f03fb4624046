/** The crime import pages' view models. Pure. */
import type { Partnership } from '../partnerships/index.js';
import { escapeHtml } from '../platform/html.js';
import { formatLondon } from '../platform/londonTime.js';
import type { CrimeImportRecord } from './queries/crimeImports.js';

const STATUS = { running: 'Running', done: 'Imported', failed: 'Failed' } as Record<string, string>;

export function importsPage(partnership: Partnership, imports: CrimeImportRecord[], canImport: boolean, problem?: string) {
  return {
    title: `Recorded crime imports: ${partnership.name}`,
    partnership,
    canImport,
    action: `/staff/partnerships/${partnership.id}/crime/imports`,
    assessmentHref: `/staff/partnerships/${partnership.id}/assessment`,
    errors: problem ? [{ text: problem, href: '#files' }] : [],
    problem: problem ?? null,
    rows: imports.map((i) => [
      {
        html: `<a class="govuk-link" href="/staff/partnerships/${partnership.id}/crime/imports/${encodeURIComponent(i.id)}">${escapeHtml(formatLondon(i.startedAt))}</a>`,
      },
      { text: STATUS[i.status] ?? i.status },
      { text: i.files.length, format: 'numeric' as const },
      { text: (i.summary?.rowsRead ?? i.progress).toLocaleString('en-GB'), format: 'numeric' as const },
      { text: i.summary?.status === 'done' ? i.summary.imported.toLocaleString('en-GB') : '', format: 'numeric' as const },
      { text: i.startedBy },
    ]),
  };
}

export function importPage(partnership: Partnership, record: CrimeImportRecord) {
  const s = record.summary;
  return {
    title: `Recorded crime import: ${partnership.name}`,
    partnership,
    running: record.status === 'running',
    status: STATUS[record.status] ?? record.status,
    started: formatLondon(record.startedAt),
    startedBy: record.startedBy,
    progress: record.progress.toLocaleString('en-GB'),
    files: record.files,
    message: s?.message ?? '',
    refreshHref: `/staff/partnerships/${partnership.id}/crime/imports/${encodeURIComponent(record.id)}`,
    listHref: `/staff/partnerships/${partnership.id}/crime/imports`,
    counts: s
      ? [
          ['Rows read', s.rowsRead],
          ['Imported', s.imported],
          ['Replacing rows imported before (same force and month)', s.replaced],
          ['Outside the partnership’s area (not kept)', s.outside],
          ['With no location, not placed (not kept)', s.notPlaced],
          ['Rejected', s.rejected],
        ].map(([k, v]) => ({ key: { text: String(k) }, value: { text: Number(v).toLocaleString('en-GB') } }))
      : [],
    fileRows: (s?.files ?? []).map((f) => [
      { text: f.file },
      { text: f.kind },
      { text: f.months.join(', ') },
      { text: f.rowsRead.toLocaleString('en-GB'), format: 'numeric' as const },
    ]),
    problemRows: (s?.problems ?? [])
      .slice(0, 200)
      .map((p) => [{ text: p.file }, { text: p.row ? String(p.row) : '', format: 'numeric' as const }, { text: p.column }, { text: p.message }]),
  };
}

const MAPPING_FIELDS = [
  ['date', 'Date column', 'The date of each report: 05/03/2024, 2024-03-05 or the month 2024-03'],
  ['category', 'Category column', 'Leave blank and give one category below when every row is the same kind'],
  ['fixedCategory', 'One category for every row', 'For example Fly-tipping'],
  ['longitude', 'Longitude column', ''],
  ['latitude', 'Latitude column', ''],
  ['easting', 'Easting column', 'British National Grid'],
  ['northing', 'Northing column', 'British National Grid'],
  ['lsoa', 'LSOA code column', ''],
  ['postcode', 'Postcode column', 'Full postcodes, found in the partnership’s postcode table'],
  ['ward', 'Ward column', 'Ward names or ONS codes'],
] as const;

export function datasetsPage(o: {
  partnership: Partnership;
  datasets: { name: string; mapping: Record<string, unknown>; updatedBy: string }[];
  canEdit: boolean;
  values?: Record<string, string>;
  fields?: { field: string; message: string }[];
}) {
  const fields = o.fields ?? [];
  const message = (field: string) => fields.find((f) => f.field === field)?.message;
  return {
    title: `Partners’ datasets: ${o.partnership.name}`,
    partnership: o.partnership,
    canEdit: o.canEdit,
    action: `/staff/partnerships/${o.partnership.id}/crime/datasets`,
    importsHref: `/staff/partnerships/${o.partnership.id}/crime/imports`,
    errors: fields.map((f) => ({ text: f.message, href: `#${f.field}` })),
    name: { value: o.values?.name ?? '', error: message('name') },
    fileError: message('file'),
    inputs: MAPPING_FIELDS.map(([id, label, hint]) => ({ id, label, hint, value: o.values?.[id] ?? '', error: message(id) })),
    datasetNames: o.datasets.map((d) => d.name),
    rows: o.datasets.map((d) => [
      { text: d.name },
      {
        text: Object.entries(d.mapping)
          .map(([k, v]) => `${k}: ${String(v)}`)
          .join('; '),
      },
      { text: d.updatedBy },
    ]),
  };
}
