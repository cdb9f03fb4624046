// The plan pages and their view models (see platform/pageContexts.ts).
import type {
  actionFormPage,
  comparePage,
  evidencePage,
  impactFormPage,
  interventionsPage,
  measureFormPage,
  measureValuesPage,
  pccPage,
  planFormPage,
  planPage,
  plansPage,
  priorityFormPage,
  priorityRemovePage,
  progressFormPage,
  progressUploadPage,
  themeFormPage,
  versionFormPage,
} from './viewModels.js';

declare module '../platform/pageContexts.js' {
  interface PageContexts {
    'plan/views/plans.njk': ReturnType<typeof plansPage>;
    'plan/views/plan-form.njk': ReturnType<typeof planFormPage>;
    'plan/views/plan.njk': ReturnType<typeof planPage>;
    'plan/views/theme-form.njk': ReturnType<typeof themeFormPage>;
    'plan/views/priority-form.njk': ReturnType<typeof priorityFormPage>;
    'plan/views/priority-remove.njk': ReturnType<typeof priorityRemovePage>;
    'plan/views/evidence.njk': ReturnType<typeof evidencePage>;
    'plan/views/action-form.njk': ReturnType<typeof actionFormPage>;
    'plan/views/measure-form.njk': ReturnType<typeof measureFormPage>;
    'plan/views/impact-form.njk': ReturnType<typeof impactFormPage>;
    'plan/views/version-form.njk': ReturnType<typeof versionFormPage>;
    'plan/views/compare.njk': ReturnType<typeof comparePage>;
    'plan/views/progress-form.njk': ReturnType<typeof progressFormPage>;
    'plan/views/progress-upload.njk': ReturnType<typeof progressUploadPage>;
    'plan/views/measure-values.njk': ReturnType<typeof measureValuesPage>;
    'plan/views/pcc.njk': ReturnType<typeof pccPage>;
    'plan/views/interventions.njk': ReturnType<typeof interventionsPage>;
  }
}
