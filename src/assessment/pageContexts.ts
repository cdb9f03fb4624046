// The Strategic Assessment's pages and their view models (see platform/pageContexts.ts).
import type { AssessmentPage } from './assessmentView.js';

export type AssessmentPageContext = AssessmentPage & { canEdit: boolean; base: string; saved?: boolean; pdfProblem?: string };
export type MatrixPageContext = AssessmentPageContext & {
  values: Record<string, string | number>;
  errors: readonly { text: string; href?: string }[];
  fieldErrors: Record<string, string>;
};

declare module '../platform/pageContexts.js' {
  interface PageContexts {
    'assessment/views/assessment.njk': AssessmentPageContext;
    'assessment/views/matrix.njk': MatrixPageContext;
    'assessment/views/assessment-document.njk': AssessmentPageContext & { css: string };
  }
}
