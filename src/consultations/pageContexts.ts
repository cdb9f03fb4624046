// The consultation pages and their view models (see platform/pageContexts.ts).
import type { paperDocument, paperPage } from './paper/paperPage.js';
import type { checkView, QuestionPage } from './public/formPages.js';
import type { messageView } from './public/messages.js';
import type { confirmationView, consultationView, hubView } from './public/pages.js';
import type { confirmStageView, detailsView, reopenView } from './staff/details.js';
import type { OverviewPage } from './staff/overview.js';
import type { consultationListView, importView, invitationsView, keyInView, newConsultationView } from './staff/pages.js';
import type { Preview } from './staff/preview.js';

declare module '../platform/pageContexts.js' {
  interface PageContexts {
    'consultations/views/public/hub.njk': ReturnType<typeof hubView>;
    'consultations/views/public/consultation.njk': ReturnType<typeof consultationView> & { preview?: Preview };
    'consultations/views/public/question-page.njk': QuestionPage & { preview?: Preview };
    'consultations/views/public/check.njk': ReturnType<typeof checkView>;
    'consultations/views/public/confirmation.njk': ReturnType<typeof confirmationView>;
    'consultations/views/public/message.njk': ReturnType<typeof messageView>;
    'consultations/views/staff-list.njk': ReturnType<typeof consultationListView>;
    'consultations/views/staff-new.njk': ReturnType<typeof newConsultationView>;
    'consultations/views/staff-overview.njk': OverviewPage;
    'consultations/views/staff-enter.njk': ReturnType<typeof keyInView>;
    'consultations/views/staff-invitations.njk': ReturnType<typeof invitationsView>;
    'consultations/views/staff-import.njk': ReturnType<typeof importView>;
    'consultations/views/staff-details.njk': ReturnType<typeof detailsView>;
    'consultations/views/staff-confirm.njk': ReturnType<typeof confirmStageView>;
    'consultations/views/staff-reopen.njk': ReturnType<typeof reopenView>;
    'consultations/views/staff-paper.njk': ReturnType<typeof paperPage>;
    'consultations/views/paper-document.njk': ReturnType<typeof paperDocument>;
  }
}
