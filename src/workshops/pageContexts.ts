// The workshop pages and their view models (see platform/pageContexts.ts).
import type { capturePage, evidencePage, invitationsPage, itemPage, votePage, workshopFormPage, workshopPage, workshopsPage } from './viewModels.js';

declare module '../platform/pageContexts.js' {
  interface PageContexts {
    'workshops/views/list.njk': ReturnType<typeof workshopsPage>;
    'workshops/views/workshop-form.njk': ReturnType<typeof workshopFormPage>;
    'workshops/views/workshop.njk': ReturnType<typeof workshopPage>;
    'workshops/views/capture.njk': ReturnType<typeof capturePage>;
    'workshops/views/item.njk': ReturnType<typeof itemPage>;
    'workshops/views/invitations.njk': ReturnType<typeof invitationsPage>;
    'workshops/views/evidence.njk': ReturnType<typeof evidencePage>;
    'workshops/views/vote.njk': ReturnType<typeof votePage>;
  }
}
