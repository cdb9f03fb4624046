/**
 * A partnership's accessibility statement, in the shape of GOV.UK's sample accessibility statement for public sector
 * websites (the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018):
 * compliance status, content that is not accessible, how to ask for another format, how to report a problem and the
 * enforcement procedure, and when it was prepared and reviewed. Pure: fields, defaults and checks.
 */
import { z } from 'zod';
import { isoDate, lines, optionalEmail, optionalText, requiredText } from './fields.js';

export const COMPLIANCE_STATUSES = ['full', 'partial', 'not'] as const;
export type ComplianceStatus = (typeof COMPLIANCE_STATUSES)[number];
export const ENFORCEMENT_BODIES = ['ehrc', 'ecni'] as const;
export type EnforcementBody = (typeof ENFORCEMENT_BODIES)[number];

export const accessibilityStatementSchema = z.object({
  websiteName: requiredText('the name of the website', 200),
  complianceStatus: z.enum(COMPLIANCE_STATUSES, { error: 'Select how far the website meets WCAG 2.2 AA' }),
  /** Known issues, one a line: content that does not meet the regulations. */
  knownIssues: lines(4000),
  /** Content the partnership says would be a disproportionate burden to fix, one a line. */
  disproportionateBurden: lines(2000),
  /** Content outside the regulations' scope, one a line. */
  outOfScope: lines(2000),
  contactEmail: optionalEmail('Enter the contact email address in the correct format, like access@example.gov.uk'),
  contactPhone: optionalText(50),
  contactAddress: optionalText(500),
  responseDays: z.coerce
    .number({ error: 'Enter the number of working days as a whole number, like 10' })
    .int('Enter the number of working days as a whole number, like 10')
    .min(1, 'The number of working days must be between 1 and 60')
    .max(60, 'The number of working days must be between 1 and 60'),
  enforcementBody: z.enum(ENFORCEMENT_BODIES, { error: 'Select who enforces the regulations where you are' }),
  improvements: optionalText(2000),
  testedOn: z.preprocess((v) => (v === '' ? undefined : v), isoDate('the date the website was last tested').optional()),
  testedBy: optionalText(200),
  preparedOn: isoDate('the date this statement was prepared'),
  reviewedOn: isoDate('the date this statement was last reviewed'),
});
export type AccessibilityStatement = z.output<typeof accessibilityStatementSchema>;

/** What a partnership needs to say its statement fully, before an admin has edited it. */
export interface StatementPartnership {
  name: string;
  areaCode: string | null;
  createdAt: string;
}

/** What SaferPlan itself is known not to do fully; a partnership adds its own. */
export const DEFAULT_KNOWN_ISSUES = [
  'Charts on results pages are images with the same figures in a table beside them; the printable paper questionnaire (PDF) is made for printing and may not work fully with a screen reader: the same questions can be answered online.',
  'Documents that partners upload (such as reports in PDF or Word) may not meet accessibility standards.',
];

/** The statement a new partnership shows until an admin edits it: partially compliant, prepared the day it was set up. */
export function defaultAccessibilityStatement(p: StatementPartnership): AccessibilityStatement {
  const day = p.createdAt.slice(0, 10);
  return {
    websiteName: `${p.name} consultations`,
    complianceStatus: 'partial',
    knownIssues: DEFAULT_KNOWN_ISSUES,
    disproportionateBurden: [],
    outOfScope: ['PDFs and other documents published before 23 September 2018, unless they are needed to use a service.'],
    contactEmail: '',
    contactPhone: '',
    contactAddress: '',
    responseDays: 10,
    // Northern Ireland's area codes start with N: the Equality Commission for Northern Ireland enforces there.
    enforcementBody: p.areaCode?.startsWith('N') ? 'ecni' : 'ehrc',
    improvements: '',
    testedOn: undefined,
    testedBy: '',
    preparedOn: day,
    reviewedOn: day,
  };
}

export const COMPLIANCE_WORDING: Record<ComplianceStatus, { label: string; sentence: (website: string) => string }> = {
  full: {
    label: 'Fully compliant',
    sentence: (w) => `${w} is fully compliant with the Web Content Accessibility Guidelines version 2.2 AA standard.`,
  },
  partial: {
    label: 'Partially compliant',
    sentence: (w) =>
      `${w} is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard, due to the non-compliances listed below.`,
  },
  not: {
    label: 'Not compliant',
    sentence: (w) =>
      `${w} is not compliant with the Web Content Accessibility Guidelines version 2.2 AA standard. The non-compliances are listed below.`,
  },
};

export const ENFORCEMENT_WORDING: Record<EnforcementBody, { label: string; paragraphs: string[] }> = {
  ehrc: {
    label: 'Equality and Human Rights Commission (England, Scotland and Wales)',
    paragraphs: [
      'The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the ‘accessibility regulations’).',
      'If you’re not happy with how we respond to your complaint, contact the Equality Advisory and Support Service (EASS).',
    ],
  },
  ecni: {
    label: 'Equality Commission for Northern Ireland',
    paragraphs: [
      'The Equality Commission for Northern Ireland (ECNI) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the ‘accessibility regulations’) in Northern Ireland.',
      'If you’re not happy with how we respond to your complaint, contact the Equality Commission for Northern Ireland.',
    ],
  },
};
