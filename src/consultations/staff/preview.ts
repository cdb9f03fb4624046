/**
 * A staff preview of a consultation's public pages, a draft's included: the information page shown as it will be
 * once open, and every question page (conditional ones too) in order, each marked as a preview. Nothing is sent
 * from them: the question pages have no form, only a link on to the next page.
 */
import type { Partnership } from '../../partnerships/index.js';
import { notFound } from '../../platform/errors.js';
import { surveyScreens } from '../form/screens.js';
import type { ConsultationUrls } from '../form/urls.js';
import { questionContext } from '../public/formPages.js';
import { consultationView } from '../public/pages.js';
import type { Target } from '../public/resolveTarget.js';
import type { ConsultationRuntime } from '../runtime.js';

export interface Preview {
  text: string;
  backHref: string;
  nextHref?: string;
}

const base = (id: string) => `/staff/consultations/${id}/preview`;
export const previewUrl = (id: string, screen?: string) => (screen ? `${base(id)}/questions/${encodeURIComponent(screen)}` : base(id));

/** The public pages' addresses, pointed at the preview; the end of the survey leads back to the staff page. */
function previewUrls(id: string, partnershipSlug: string): ConsultationUrls {
  const staff = `/staff/consultations/${id}`;
  return {
    hub: `/p/${partnershipSlug}`,
    page: base(id),
    privacy: `${base(id)}#privacy`,
    question: (screen) => previewUrl(id, screen),
    check: staff,
    confirmation: staff,
    signIn: base(id),
  };
}

/** The runtime as the public will see it once open, with preview addresses. */
function previewTarget(runtime: ConsultationRuntime, partnership: Partnership): Target {
  const c = runtime.consultation;
  const status = c.status === 'draft' || c.status === 'scheduled' ? 'open' : c.status;
  return { ...runtime, consultation: { ...c, status }, partnership, urls: previewUrls(c.id, partnership.slug) };
}

const SAYS = 'Nothing you enter here is saved or sent.';

export function previewInformationView(runtime: ConsultationRuntime, partnership: Partnership) {
  const target = previewTarget(runtime, partnership);
  const first = surveyScreens(target.definition)[0];
  const preview: Preview = {
    text: runtime.consultation.status === 'draft' ? `This draft is not public yet. ${SAYS}` : SAYS,
    backHref: `/staff/consultations/${runtime.consultation.id}`,
  };
  return { ...consultationView(target, 'public', first), title: `Preview: ${runtime.consultation.title}`, preview };
}

export function previewQuestionView(runtime: ConsultationRuntime, partnership: Partnership, code: string) {
  const target = previewTarget(runtime, partnership);
  const screens = surveyScreens(target.definition);
  const i = screens.findIndex((s) => s.code === code);
  const screen = screens[i];
  if (!screen) throw notFound('Page');
  const next = screens[i + 1];
  const context = questionContext(target, { screen, previous: screens[i - 1], next }, {});
  const preview: Preview = {
    text: `Page ${i + 1} of ${screens.length}, with every question shown, including those shown only after some answers. ${SAYS}`,
    backHref: `/staff/consultations/${runtime.consultation.id}`,
    nextHref: next ? previewUrl(runtime.consultation.id, next.code) : `/staff/consultations/${runtime.consultation.id}`,
  };
  return { ...context, title: `Preview: ${context.title}`, preview };
}
