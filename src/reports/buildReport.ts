/**
 * Which report to build from what was asked: committee and findings take a consultation (the partnership's latest
 * survey by default), plan and HIIA a plan (the current one by default), "you said, we did" either.
 */
import { type Consultation, listConsultations } from '../consultations/index.js';
import { notFound, validationFailed } from '../platform/errors.js';
import type { ReportDocument } from './document/reportDocument.js';
import type { ReportContext, ReportKind } from './reportContext.js';
import { currentPlanOf } from './sources/currentPlan.js';

export interface ReportRequest {
  kind: ReportKind;
  consultationId?: string | undefined;
  planId?: string | undefined;
}

/** The consultation asked for, else the plan's, else the latest public survey that has closed, else the latest. */
export async function reportConsultation(ctx: ReportContext, consultationId: string | undefined, fallback?: string | null): Promise<Consultation> {
  const all = (await listConsultations(ctx.handle.db, ctx.partnership.id)).filter((c) => c.template !== 'members-survey');
  if (consultationId) {
    const found = all.find((c) => c.id === consultationId || c.slug === consultationId);
    if (!found) throw notFound('Consultation');
    return found;
  }
  const chosen =
    (fallback ? all.find((c) => c.id === fallback) : undefined) ??
    all.find((c) => ['closed', 'analysed', 'published'].includes(c.status)) ??
    all.find((c) => c.status !== 'draft');
  if (!chosen) throw validationFailed([{ field: 'consultation', message: 'The partnership has no consultation to report on yet' }]);
  return chosen;
}

export async function buildReport(ctx: ReportContext, request: ReportRequest): Promise<ReportDocument> {
  switch (request.kind) {
    case 'committee': {
      const { buildCommitteeNote } = await import('./committee/buildCommitteeNote.js');
      return buildCommitteeNote(ctx, await reportConsultation(ctx, request.consultationId));
    }
    case 'findings': {
      const { buildFindingsReport } = await import('./findings/buildFindingsReport.js');
      return buildFindingsReport(ctx, await reportConsultation(ctx, request.consultationId));
    }
    case 'plan':
    case 'hiia': {
      const plan = await currentPlanOf(ctx.handle.db, ctx.partnership.id, request.planId);
      if (!plan) throw request.planId ? notFound('Plan') : validationFailed([{ field: 'plan', message: 'The partnership has no plan yet' }]);
      if (request.kind === 'plan') {
        const { buildPlanDocument } = await import('./planDocument/buildPlanDocument.js');
        return buildPlanDocument(ctx, plan);
      }
      const { buildHiia } = await import('./hiia/buildHiia.js');
      return buildHiia(ctx, plan);
    }
    case 'you-said-we-did': {
      const plan = await currentPlanOf(ctx.handle.db, ctx.partnership.id, request.planId);
      const consultation = await reportConsultation(ctx, request.consultationId, plan?.content.consultationId);
      const { buildYouSaidWeDid } = await import('./youSaid/buildYouSaidWeDid.js');
      return buildYouSaidWeDid(ctx, consultation, plan);
    }
  }
}
