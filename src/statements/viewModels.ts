/** The statement pages' view models: plain data for statements/views/. Pure. */
import type { FieldError } from '../platform/errors.js';
import { errorSummaryItems, messagesByField } from '../platform/validation.js';
import { type AccessibilityStatement, COMPLIANCE_STATUSES, COMPLIANCE_WORDING, ENFORCEMENT_BODIES, ENFORCEMENT_WORDING } from './accessibility.js';
import { boxesFromDate, longDate } from './fields.js';
import { ICO_COMPLAINT, type PrivacyNotice, RIGHTS } from './privacy.js';

/** What the pages need of a partnership (the layout brands the page with it). */
export interface PagePartnership {
  id: string;
  name: string;
  slug: string;
  isDemo: boolean;
  branding: { colour: string; footerText: string };
}

/** A consultation's own privacy text, shown with its partnership's notice. */
export interface ConsultationPrivacy {
  title: string;
  purpose: string;
  legalBasis: string;
  privacyNotice: string;
  pageHref: string;
}

const contactItems = (c: { email: string; phone?: string; address: string }) =>
  [
    c.email && { label: 'Email', text: c.email, href: `mailto:${c.email}` },
    c.phone && { label: 'Telephone', text: c.phone },
    c.address && { label: 'Post', text: c.address },
  ].filter((item) => !!item);

/** A partnership's accessibility statement, in the order of GOV.UK's sample statement. */
export function accessibilityPage(partnership: PagePartnership, s: AccessibilityStatement) {
  const enforcement = ENFORCEMENT_WORDING[s.enforcementBody];
  return {
    title: `Accessibility statement for ${s.websiteName}`,
    partnership,
    websiteName: s.websiteName,
    organisation: partnership.name,
    knownIssues: s.knownIssues,
    disproportionateBurden: s.disproportionateBurden,
    outOfScope: s.outOfScope,
    contacts: contactItems({ email: s.contactEmail, phone: s.contactPhone, address: s.contactAddress }),
    responseDays: s.responseDays,
    enforcement: enforcement.paragraphs,
    enforcementHref: s.enforcementBody === 'ecni' ? 'https://www.equalityni.org/Home' : 'https://www.equalityadvisoryservice.com/',
    enforcementLinkText: s.enforcementBody === 'ecni' ? 'Equality Commission for Northern Ireland' : 'Equality Advisory and Support Service (EASS)',
    complianceLabel: COMPLIANCE_WORDING[s.complianceStatus].label,
    complianceSentence: COMPLIANCE_WORDING[s.complianceStatus].sentence(s.websiteName),
    improvements: s.improvements,
    prepared: `This statement was prepared on ${longDate(s.preparedOn)}. It was last reviewed on ${longDate(s.reviewedOn)}.`,
    tested: s.testedOn
      ? `This website was last tested on ${longDate(s.testedOn)}.${s.testedBy ? ` The test was carried out by ${s.testedBy}.` : ''}`
      : '',
    privacyHref: `/p/${partnership.slug}/privacy`,
  };
}

/** A partnership's privacy notice; for a consultation, with the consultation's own text first. */
export function privacyPage(partnership: PagePartnership, n: PrivacyNotice, consultation?: ConsultationPrivacy) {
  return {
    title: consultation ? `Privacy notice: ${consultation.title}` : 'Privacy notice',
    partnership,
    consultation,
    controllerName: n.controllerName,
    controllerContacts: contactItems({ email: n.controllerEmail, address: n.controllerAddress }),
    dpoName: n.dpoName,
    dpoContacts: contactItems({ email: n.dpoEmail, address: '' }),
    lawfulBasis: n.lawfulBasis,
    specialCategoryBasis: n.specialCategoryBasis,
    retention: n.retention,
    recipients: n.recipients,
    rights: RIGHTS,
    icoComplaint: ICO_COMPLAINT,
    accessibilityHref: `/p/${partnership.slug}/accessibility`,
  };
}

/** /accessibility or /privacy with several partnerships on one site: each partnership's own. */
export const chooserPage = (title: string, intro: string, links: readonly { href: string; text: string }[]) => ({ title, intro, links });

interface EditState {
  partnership: PagePartnership;
  fields: readonly FieldError[];
  saved: boolean;
}

const formErrors = (fields: readonly FieldError[]) => ({ errors: errorSummaryItems(fields), fieldErrors: messagesByField(fields) });
const text = (v: unknown) => (Array.isArray(v) ? v.join('\n') : v === undefined || v === null ? '' : String(v));
const dateBoxes = (values: Record<string, unknown>, name: string) =>
  typeof values[`${name}-day`] === 'string'
    ? { day: text(values[`${name}-day`]), month: text(values[`${name}-month`]), year: text(values[`${name}-year`]) }
    : boxesFromDate(text(values[name]));

/** What both statement forms show: the partnership, where the form posts, the public page, the values and problems. */
function editPage(state: EditState, values: Record<string, unknown>, name: string, path: string, publicPath: string) {
  const { partnership, fields, saved } = state;
  return {
    title: `${name}: ${partnership.name}`,
    partnership,
    saved,
    action: `/staff/partnerships/${partnership.id}/${path}`,
    publicHref: `/p/${partnership.slug}/${publicPath}`,
    settingsHref: `/staff/partnerships/${partnership.id}/settings`,
    values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, text(v)])),
    ...formErrors(fields),
  };
}

/** The admin's form for the accessibility statement: the stored fields, or those just entered with their problems. */
export function editAccessibilityPage(state: EditState, values: Record<string, unknown>) {
  return {
    ...editPage(state, values, 'Accessibility statement', 'accessibility-statement', 'accessibility'),
    complianceItems: COMPLIANCE_STATUSES.map((value) => ({
      value,
      text: COMPLIANCE_WORDING[value].label,
      checked: values.complianceStatus === value,
    })),
    enforcementItems: ENFORCEMENT_BODIES.map((value) => ({
      value,
      text: ENFORCEMENT_WORDING[value].label,
      checked: values.enforcementBody === value,
    })),
    dates: {
      preparedOn: dateBoxes(values, 'preparedOn'),
      reviewedOn: dateBoxes(values, 'reviewedOn'),
      testedOn: dateBoxes(values, 'testedOn'),
    },
  };
}

/** The admin's form for the privacy notice. */
export const editPrivacyPage = (state: EditState, values: Record<string, unknown>) =>
  editPage(state, values, 'Privacy notice', 'privacy-notice', 'privacy');
