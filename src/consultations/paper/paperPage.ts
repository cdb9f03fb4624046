/** The printable paper questionnaire's view model: the consultation, how to return the form, privacy, the questions. Pure. */
import type { Partnership } from '../../partnerships/index.js';
import { formatLondon } from '../../platform/londonTime.js';
import type { PrivacyNotice } from '../../statements/index.js';
import type { SurveyDefinition, Ward } from '../../surveys/index.js';
import type { Consultation } from '../queries/loadConsultation.js';
import { paperSections } from './paperForm.js';

export interface PaperPageOptions {
  consultation: Consultation;
  partnership: Partnership;
  definition: SurveyDefinition;
  wards: readonly Ward[];
  privacy: PrivacyNotice;
  /** Where the public reach the site (PUBLIC_URL), for the online address and the full privacy notice; none in production until set. */
  origin: string | undefined;
  /** Said at the top of the printable page when its PDF could not be made. */
  pdfProblem?: string;
}

export function paperPage({ consultation: c, partnership, definition, wards, privacy, origin, pdfProblem }: PaperPageOptions) {
  const publicPath = `/p/${partnership.slug}/${c.slug}`;
  const returnTo = privacy.controllerAddress || '';
  return {
    title: `${c.title}: paper questionnaire`,
    partnership,
    consultation: c,
    surveyTitle: c.title,
    summary: c.summary,
    closes: formatLondon(c.closesAt),
    onlineAddress: origin ? `${origin}${publicPath}` : '',
    returnInstruction: returnTo
      ? `Please return your completed form by ${formatLondon(c.closesAt)} to:`
      : `Please hand your completed form in where you collected it, or send it to ${partnership.name}, by ${formatLondon(c.closesAt)}.`,
    returnAddress: returnTo,
    privacySummary: c.privacyNotice,
    controller: `${privacy.controllerName} is responsible for your answers (the data controller).`,
    privacyAddress: origin ? `${origin}${publicPath}/privacy` : `${publicPath}/privacy`,
    sections: paperSections(definition, wards),
    pdfHref: `/staff/consultations/${c.id}/paper.pdf`,
    backHref: `/staff/consultations/${c.id}`,
    pdfProblem: pdfProblem ?? '',
  };
}

/** The same, as a self-contained document for Chromium to print: the stylesheet inline, nothing to fetch. */
export const paperDocument = (page: ReturnType<typeof paperPage>, css: string) => ({ ...page, css });
