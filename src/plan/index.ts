// What plan publishes to other capabilities. Import from here, not from files inside the folder.
export { EVIDENCE_KIND_LABELS, type EvidenceContext } from './evidence/evidenceItems.js';
export { type ResolvedEvidence, resolvePlanEvidence } from './evidence/resolveEvidence.js';
export { allActions, allPriorities, type PlanContent, type PlanPriority } from './planContent.js';
export {
  ACTION_STATUS_LABELS,
  DIMENSION_LABELS,
  EMMIE_EFFECT_LABELS,
  IMPACT_GROUP_KIND_LABELS,
  IMPACT_LABELS,
  PLAN_STATUS_LABELS,
  type PlanStatus,
} from './planTerms.js';
export { findPlan, listPccPriorities, listPlans, loadPlan, type PlanSummary } from './queries/loadPlan.js';
export { listVersions, type PlanVersion, versionContent } from './versions/saveVersion.js';
