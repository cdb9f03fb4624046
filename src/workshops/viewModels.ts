/** The workshop pages' view models. Pure. */
import type { Consultation } from '../consultations/index.js';
import type { Partnership } from '../partnerships/index.js';
import type { FieldError } from '../platform/errors.js';
import type { TableRow } from '../platform/pageContexts.js';
import { errorSummaryItems, messagesByField } from '../platform/validation.js';
import type { Stakeholder } from '../stakeholders/index.js';
import type { Voter } from './queries/findVoter.js';
import type { Workshop, WorkshopDetail } from './queries/loadWorkshop.js';
import type { EvidenceGroup } from './queries/workshopEvidence.js';
import type { InvitationOutcome } from './sendInvitations.js';
import { THEME_LABELS, themeName, WORKSHOP_THEMES } from './themes.js';

const errorsOf = (fields: readonly FieldError[] = []) => ({ errors: errorSummaryItems(fields), fieldErrors: messagesByField(fields) });
export const workshopsPath = (p: { id: string }) => `/staff/partnerships/${p.id}/workshops`;
export const workshopPath = (p: { id: string }, w: { id: string }) => `${workshopsPath(p)}/${w.id}`;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}
const VOTING = { not_open: 'Not open yet', open: 'Open', closed: 'Closed' } as const;

export function workshopsPage(a: { partnership: Partnership; workshops: Workshop[]; canManage: boolean }) {
  return {
    title: `Workshops: ${a.partnership.name}`,
    partnership: a.partnership,
    canManage: a.canManage,
    newHref: `${workshopsPath(a.partnership)}/new`,
    registerHref: `/staff/partnerships/${a.partnership.id}/stakeholders`,
    evidenceHref: `/staff/partnerships/${a.partnership.id}/workshop-evidence`,
    rows: a.workshops.map(
      (w): TableRow => [
        { html: `<a class="govuk-link" href="${workshopPath(a.partnership, w)}">${escapeHtml(w.title)}</a>` },
        { text: themeName(w.theme, w.customTheme) },
        { text: longDate(w.heldOn) },
        { text: VOTING[w.voting] },
      ],
    ),
  };
}

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function workshopFormPage(a: {
  partnership: Partnership;
  workshop?: Workshop | undefined;
  consultations: Consultation[];
  values: Record<string, string>;
  fields?: readonly FieldError[];
}) {
  const v = a.values;
  return {
    title: a.workshop ? `Change the workshop: ${a.workshop.title}` : `New workshop: ${a.partnership.name}`,
    partnership: a.partnership,
    heading: a.workshop ? 'Change the workshop' : 'New workshop',
    action: a.workshop ? `${workshopPath(a.partnership, a.workshop)}/edit` : `${workshopsPath(a.partnership)}/new`,
    backHref: a.workshop ? workshopPath(a.partnership, a.workshop) : workshopsPath(a.partnership),
    values: v,
    themeItems: WORKSHOP_THEMES.map((t) => ({ value: t, text: THEME_LABELS[t], checked: v.theme === t })),
    consultationItems: [
      { value: '', text: 'None' },
      ...a.consultations.map((c) => ({ value: c.id, text: c.title, selected: v.consultationId === c.id })),
    ],
    ...errorsOf(a.fields),
  };
}

export function workshopPage(a: {
  partnership: Partnership;
  workshop: WorkshopDetail;
  register: Stakeholder[];
  consultationTitle: string | undefined;
  canManage: boolean;
  /** May code the linked consultation's answers, so its items too (coding/). */
  canCode?: boolean;
  notice?: string | undefined;
  fields?: readonly FieldError[];
}) {
  const w = a.workshop;
  const path = workshopPath(a.partnership, w);
  const listed = new Set(w.attendees.map((x) => x.stakeholderId));
  const maxDots = Math.max(1, ...w.candidates.map((c) => c.dots));
  return {
    title: w.title,
    partnership: a.partnership,
    canManage: a.canManage,
    notice: a.notice,
    workshop: { ...w, themeName: themeName(w.theme, w.customTheme), date: longDate(w.heldOn), votingLabel: VOTING[w.voting] },
    consultationTitle: a.consultationTitle,
    paths: {
      self: path,
      edit: `${path}/edit`,
      capture: `${path}/capture`,
      attendees: `${path}/attendees`,
      attendance: `${path}/attendance`,
      invitations: `${path}/invitations`,
      candidates: `${path}/candidates`,
      voting: `${path}/voting`,
      list: workshopsPath(a.partnership),
      // The items are coded with the linked consultation's codebook, as one more question (docs/coding.md).
      coding:
        a.canCode && w.consultationId && w.items.length ? `/staff/consultations/${w.consultationId}/coding/answers?question=workshop-items` : null,
    },
    itemRows: w.items.map(
      (item, i): TableRow => [
        { text: i + 1, format: 'numeric' },
        { text: item.text },
        ...(a.canManage
          ? [{ html: `<a class="govuk-link" href="${path}/items/${item.id}">Change<span class="govuk-visually-hidden"> item ${i + 1}</span></a>` }]
          : []),
      ],
    ),
    candidates: w.candidates.map((c, i) => ({ ...c, number: i + 1, share: Math.round((100 * c.dots) / maxDots) })),
    totalDots: w.candidates.reduce((n, c) => n + c.dots, 0),
    voters: w.attendees.filter((x) => x.voted).length,
    attendeeItems: a.register.map((s) => ({ value: s.id, text: `${s.contactName}, ${s.organisation}`, checked: listed.has(s.id) })),
    attendanceItems: w.attendees.map((x) => ({ value: x.stakeholderId, text: `${x.contactName}, ${x.organisation}`, checked: x.attended })),
    inviteItems: w.attendees.map((x) => ({
      value: x.stakeholderId,
      text: `${x.contactName}, ${x.organisation}`,
      hint: { text: x.invitedAt ? `Invited ${longDate(x.invitedAt.slice(0, 10))}: sending again replaces their link` : 'Not invited yet' },
      checked: !x.invitedAt,
    })),
    attendeeRows: w.attendees.map(
      (x): TableRow => [
        { text: x.contactName },
        { text: x.organisation },
        { text: x.invitedAt ? 'Yes' : 'No' },
        { text: x.attended ? 'Yes' : 'No' },
        { text: x.voted ? 'Yes' : 'No' },
      ],
    ),
    ...errorsOf(a.fields),
  };
}

export function capturePage(a: { partnership: Partnership; workshop: WorkshopDetail; text?: string; fields?: readonly FieldError[] }) {
  const path = workshopPath(a.partnership, a.workshop);
  return {
    title: `Capture: ${a.workshop.title}`,
    partnership: a.partnership,
    workshop: { title: a.workshop.title, themeName: themeName(a.workshop.theme, a.workshop.customTheme) },
    action: `${path}/capture`,
    backHref: path,
    text: a.text ?? '',
    items: a.workshop.items.map((item) => item.text).reverse(),
    count: a.workshop.items.length,
    ...errorsOf(a.fields),
  };
}

export function itemPage(a: {
  partnership: Partnership;
  workshop: Workshop;
  item: { id: string; text: string };
  text?: string;
  fields?: readonly FieldError[];
}) {
  const path = workshopPath(a.partnership, a.workshop);
  return {
    title: `Change an item: ${a.workshop.title}`,
    partnership: a.partnership,
    workshopTitle: a.workshop.title,
    action: `${path}/items/${a.item.id}`,
    removeAction: `${path}/items/${a.item.id}/remove`,
    backHref: path,
    text: a.text ?? a.item.text,
    ...errorsOf(a.fields),
  };
}

export function invitationsPage(a: { partnership: Partnership; workshop: Workshop; outcomes: InvitationOutcome[] }) {
  const failed = a.outcomes.filter((o) => !o.sent).length;
  return {
    title: `Invitations sent: ${a.workshop.title}`,
    partnership: a.partnership,
    heading: failed
      ? `${a.outcomes.length - failed} of ${a.outcomes.length} invitations sent`
      : `${a.outcomes.length} ${a.outcomes.length === 1 ? 'invitation' : 'invitations'} sent`,
    failed,
    backHref: workshopPath(a.partnership, a.workshop),
    rows: a.outcomes.map(
      (o): TableRow => [{ text: o.name }, { text: o.email }, { text: o.sent ? 'Sent' : `Not sent: ${o.error ?? 'unknown error'}` }],
    ),
  };
}

export function evidencePage(a: { partnership: Partnership; groups: EvidenceGroup[]; canSeeAnalysis: boolean }) {
  return {
    title: `Workshop evidence: ${a.partnership.name}`,
    partnership: a.partnership,
    groups: a.groups.map((g) => ({
      consultation: g.consultation && {
        ...g.consultation,
        analysisHref: a.canSeeAnalysis ? `/staff/consultations/${g.consultation.id}/analysis` : undefined,
      },
      workshops: g.workshops.map((w) => ({
        title: w.title,
        href: workshopPath(a.partnership, w),
        themeName: themeName(w.theme, w.customTheme),
        date: longDate(w.heldOn),
        items: w.items,
        priorityRows: w.priorities.map((p): TableRow => [{ text: p.text }, { text: p.dots, format: 'numeric' }]),
      })),
    })),
    workshopsHref: workshopsPath(a.partnership),
  };
}

/** The attendee's voting page (public): their dots so far, or why they cannot vote now. */
export function votePage(a: {
  partnership: Partnership;
  voter: Voter;
  values?: Record<string, string>;
  saved?: boolean;
  fields?: readonly FieldError[];
}) {
  const { workshop } = a.voter;
  const values = a.values ?? Object.fromEntries(a.voter.candidates.map((c) => [`dots-${c.id}`, String(a.voter.dots[c.id] ?? 0)]));
  const placed = Object.values(a.voter.dots).reduce((n, d) => n + d, 0);
  const options = Array.from({ length: workshop.dots + 1 }, (_, n) => String(n));
  return {
    title: `Vote: ${workshop.title}`,
    partnership: a.partnership,
    workshopTitle: workshop.title,
    themeName: themeName(workshop.theme, workshop.customTheme),
    name: a.voter.contactName,
    voting: workshop.voting,
    dots: workshop.dots,
    placed,
    saved: a.saved ?? false,
    candidates: a.voter.candidates.map((c) => ({
      id: `dots-${c.id}`,
      text: c.text,
      items: options.map((n) => ({ value: n, text: n === '1' ? '1 dot' : `${n} dots`, selected: values[`dots-${c.id}`] === n })),
    })),
    ...errorsOf(a.fields),
  };
}
