/** The stakeholder pages' view models. Pure. */
import type { Partnership } from '../partnerships/index.js';
import type { FieldError } from '../platform/errors.js';
import type { TableRow } from '../platform/pageContexts.js';
import { errorSummaryItems, messagesByField } from '../platform/validation.js';
import type { Stakeholder } from './queries/listStakeholders.js';
import { SECTOR_LABELS, SECTORS, sectorLabel } from './sectors.js';
import type { SmtpSettingsView } from './smtpSettings.js';

const base = (p: Partnership) => `/staff/partnerships/${p.id}/stakeholders`;
const errorsOf = (fields: readonly FieldError[] = []) => ({ errors: errorSummaryItems(fields), fieldErrors: messagesByField(fields) });

const DONE = {
  added: 'The contact was added.',
  saved: 'The contact’s details were saved.',
  removed: 'The contact was removed from the register.',
} as const;

export function registerPage(a: {
  partnership: Partnership;
  stakeholders: Stakeholder[];
  canManage: boolean;
  done?: keyof typeof DONE | 'imported' | undefined;
  added?: number | undefined;
  updated?: number | undefined;
}) {
  const done = a.done === 'imported' ? `The file was imported: ${a.added ?? 0} added, ${a.updated ?? 0} updated.` : a.done ? DONE[a.done] : undefined;
  return {
    title: `Stakeholders: ${a.partnership.name}`,
    partnership: a.partnership,
    done,
    addHref: `${base(a.partnership)}/new`,
    importHref: `${base(a.partnership)}/import`,
    workshopsHref: `/staff/partnerships/${a.partnership.id}/workshops`,
    count: a.stakeholders.length,
    head: [
      ...['Organisation', 'Sector', 'Contact', 'Role', 'Email', 'Phone'].map((text) => ({ text })),
      ...(a.canManage ? [{ html: '<span class="govuk-visually-hidden">Actions</span>' }] : []),
    ],
    rows: a.stakeholders.map(
      (s): TableRow => [
        { text: s.organisation },
        { text: sectorLabel(s.sector) },
        { text: s.contactName },
        { text: s.role },
        { text: s.email },
        { text: s.phone },
        ...(a.canManage
          ? [
              {
                html: `<a class="govuk-link" href="${base(a.partnership)}/${encodeURIComponent(s.id)}">Change<span class="govuk-visually-hidden"> ${escapeHtml(s.contactName)}</span></a>`,
              },
            ]
          : []),
      ],
    ),
    canManage: a.canManage,
  };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function stakeholderFormPage(a: {
  partnership: Partnership;
  stakeholder?: Stakeholder | undefined;
  values: Record<string, string>;
  fields?: readonly FieldError[];
}) {
  const editing = a.stakeholder !== undefined;
  return {
    title: editing ? `Change a contact: ${a.partnership.name}` : `Add a contact: ${a.partnership.name}`,
    partnership: a.partnership,
    heading: editing ? 'Change a contact' : 'Add a contact',
    action: editing ? `${base(a.partnership)}/${a.stakeholder?.id}` : `${base(a.partnership)}/new`,
    removeAction: editing ? `${base(a.partnership)}/${a.stakeholder?.id}/remove` : undefined,
    backHref: base(a.partnership),
    values: a.values,
    sectorItems: [
      { value: '', text: 'Choose a sector' },
      ...SECTORS.map((s) => ({ value: s, text: SECTOR_LABELS[s], selected: a.values.sector === s })),
    ],
    ...errorsOf(a.fields),
  };
}

export function importPage(a: { partnership: Partnership; message?: string; problemRows?: TableRow[] }) {
  const fields = a.message ? [{ field: 'file', message: a.message }] : [];
  return {
    title: `Import stakeholders: ${a.partnership.name}`,
    partnership: a.partnership,
    action: `${base(a.partnership)}/import`,
    templateHref: `${base(a.partnership)}/template.csv`,
    backHref: base(a.partnership),
    problemRows: a.problemRows ?? [],
    ...errorsOf(fields),
  };
}

export function smtpPage(a: {
  partnership: Partnership;
  settings: SmtpSettingsView | undefined;
  values?: Record<string, string>;
  saved?: boolean;
  fields?: readonly FieldError[];
}) {
  const s = a.settings;
  const values = a.values ?? {
    host: s?.host ?? '',
    port: String(s?.port ?? 587),
    security: s?.security ?? 'starttls',
    username: s?.username ?? '',
    fromAddress: s?.fromAddress ?? '',
  };
  return {
    title: `Email sending: ${a.partnership.name}`,
    partnership: a.partnership,
    action: `/staff/partnerships/${a.partnership.id}/email-settings`,
    backHref: `/staff/partnerships/${a.partnership.id}/settings`,
    saved: a.saved ?? false,
    hasPassword: s?.hasPassword ?? false,
    values,
    securityItems: [
      { value: 'starttls', text: 'STARTTLS (usually port 587)', checked: values.security === 'starttls' },
      { value: 'tls', text: 'TLS from the start (usually port 465)', checked: values.security === 'tls' },
      { value: 'none', text: 'None (only for a server on the same private network)', checked: values.security === 'none' },
    ],
    ...errorsOf(a.fields),
  };
}
