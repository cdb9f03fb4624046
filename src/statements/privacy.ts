/**
 * A partnership's privacy notice (UK GDPR Articles 13 and 14): who the data controller is and how to contact them and
 * their Data Protection Officer, the legal basis (Article 6(1)(e) public task; Article 9 for special category equality
 * data), how long answers are kept, who receives them, and people's rights, including complaining to the ICO. Each
 * consultation adds its own text (what it asks and why). Pure: fields, defaults and checks.
 */
import { z } from 'zod';
import type { StatementPartnership } from './accessibility.js';
import { optionalEmail, optionalText, requiredText } from './fields.js';

export const privacyNoticeSchema = z.object({
  controllerName: requiredText('the name of the data controller', 200),
  controllerAddress: optionalText(500),
  controllerEmail: optionalEmail('Enter the data controller’s email address in the correct format, like privacy@example.gov.uk'),
  dpoName: requiredText('the name or title of the Data Protection Officer', 200),
  dpoEmail: optionalEmail('Enter the Data Protection Officer’s email address in the correct format, like dpo@example.gov.uk'),
  lawfulBasis: requiredText('the legal basis for using people’s answers', 2000),
  specialCategoryBasis: requiredText('the legal basis for equality questions (special category data)', 2000),
  retention: requiredText('how long answers are kept', 1000),
  recipients: requiredText('who receives the answers', 2000),
});
export type PrivacyNotice = z.output<typeof privacyNoticeSchema>;

export const DEFAULT_LAWFUL_BASIS =
  'We use your answers because it is necessary to perform a task in the public interest (UK GDPR Article 6(1)(e), public task): the duty of the responsible authorities under sections 5 to 7 of the Crime and Disorder Act 1998 to assess crime and disorder in the area, consult the people who live and work here, and publish a plan to reduce it.';
export const DEFAULT_SPECIAL_CATEGORY_BASIS =
  'Questions about ethnic group, religion, health, disability or sexual orientation are optional and are special category data. We use them only to check that the partnership hears from every part of the community, under UK GDPR Article 9(2)(g) (substantial public interest) and the Data Protection Act 2018, Schedule 1, paragraph 8 (equality of opportunity or treatment).';
export const DEFAULT_RETENTION =
  'We keep individual responses for 2 years after the consultation closes and then delete them. Statistics and comments with personal details removed are kept as part of the published plan.';

/** The notice a new partnership shows until an admin edits it: the partnership as controller, the usual bases and terms. */
export function defaultPrivacyNotice(p: StatementPartnership): PrivacyNotice {
  return {
    controllerName: p.name,
    controllerAddress: '',
    controllerEmail: '',
    dpoName: 'Data Protection Officer',
    dpoEmail: '',
    lawfulBasis: DEFAULT_LAWFUL_BASIS,
    specialCategoryBasis: DEFAULT_SPECIAL_CATEGORY_BASIS,
    retention: DEFAULT_RETENTION,
    recipients: `The community safety team of ${p.name} reads the answers. The partner organisations (the council, police, fire and rescue, health and probation services) receive statistics and comments with personal details removed. SaferPlan stores the answers for the partnership as its processor. We do not sell your data or send it outside the UK.`,
  };
}

/** Rights under UK GDPR Articles 15 to 22 that apply to a public task, and the complaint to the ICO: the law's, not a partnership's to edit. */
export const RIGHTS = [
  'to be told how we use your information (this notice)',
  'to ask for a copy of the information we hold about you',
  'to ask us to correct information that is wrong or incomplete',
  'to ask us to delete your information or limit how we use it',
  'to object to how we use your information',
];
export const ICO_COMPLAINT = [
  'If you are unhappy with how we have used your information, you can complain to us first. You can also complain to the Information Commissioner’s Office (ICO):',
  'Information Commissioner’s Office, Wycliffe House, Water Lane, Wilmslow, Cheshire, SK9 5AF. Helpline: 0303 123 1113. Website: ico.org.uk/make-a-complaint',
];
