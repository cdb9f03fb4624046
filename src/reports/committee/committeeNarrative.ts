/**
 * The committee note's officer-written sections (the seed's council format), each with a default drawn from the data
 * that the officer replaces: kept between regenerations under the key "committee:<consultation id>".
 */
import type { Consultation } from '../../consultations/index.js';
import { longDate } from '../document/blocks.js';

export const COMMITTEE_SECTIONS = ['to', 'date', 'purpose', 'recommendations', 'background', 'keyThemes', 'nextSteps', 'hiia', 'author'] as const;
export type CommitteeSection = (typeof COMMITTEE_SECTIONS)[number];

export const COMMITTEE_SECTION_LABELS: Record<CommitteeSection, string> = {
  to: 'To (the committee)',
  date: 'Date of the meeting',
  purpose: '1 Purpose of the note',
  recommendations: '2 Recommendations',
  background: '3 Information and background',
  keyThemes: '6 Key themes (introduction)',
  nextSteps: '7 Next steps',
  hiia: '8 Health Inequalities Impact',
  author: 'Author (name, job title, organisation, contact details)',
};

export const committeeReportKey = (consultationId: string) => `committee:${consultationId}`;

export function defaultCommitteeText(section: CommitteeSection, c: Consultation, partnershipName: string, now: Date): string {
  switch (section) {
    case 'to':
      return 'Scrutiny Co-ordination Committee';
    case 'date':
      return longDate(now.toISOString());
    case 'purpose':
      return `To provide an update on the consultation process to develop the Community Safety Partnership Plan and to enable the committee to contribute to the consultation and shape the final plan.`;
    case 'recommendations':
      return 'The committee is recommended to:\n\n1) Consider the findings of the consultation set out in this note;\n\n2) Identify any further matters the plan should address; and\n\n3) Note that Cabinet will consider the draft plan.';
    case 'background':
      return `Under the Crime and Disorder Act 1998, the Council along with the Police have a joint responsibility for preventing and reducing crime and disorder within their area. They are "Responsible Authorities" and have a duty to cooperate through the Community Safety Partnership (CSP).\n\nCSPs are required to develop an overarching Community Safety Partnership Plan. The plan is intended to focus upon those issues of most concern to residents, that cause the most harm to communities and require a coordinated approach.\n\n${partnershipName} ran "${c.title}" from ${longDate(c.opensAt)} to ${longDate(c.endsAt)}. A list of stakeholders invited to participate can be found at Appendix 2, and the Police and Crime Commissioner's priorities at Appendix 1.`;
    case 'keyThemes':
      return 'Good practice guidance recommends that Community Safety Partnerships consider the victim, the offender and the location of crime. The plan therefore addresses the themes below, under which priorities are developed from the consultation.';
    case 'nextSteps':
      return 'Feedback from the committee and the consultation will be used to develop the plan, which will be submitted to Cabinet.';
    case 'hiia':
      return 'A Health Inequalities Impact assessment has been drafted alongside the plan and will be included in the final report to Cabinet.';
    case 'author':
      return '';
  }
}
