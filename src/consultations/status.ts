/** What staff have decided; the public status also follows the clock (deriveStatus). */
export const STAGES = ['draft', 'ready', 'analysed', 'published'] as const;
export type ConsultationStage = (typeof STAGES)[number];

export type ConsultationStatus = 'draft' | 'scheduled' | 'open' | 'closed' | 'analysed' | 'published';

export const STATUS_LABELS: Record<ConsultationStatus, string> = {
  draft: 'Draft',
  scheduled: 'Forthcoming',
  open: 'Open',
  closed: 'Closed',
  analysed: 'Closed: being analysed',
  published: 'Closed: results published',
};

export function deriveStatus(stage: ConsultationStage, opensAt: string, closesAt: string, now: Date): ConsultationStatus {
  if (stage === 'draft') return 'draft';
  const t = now.toISOString();
  if (t < opensAt) return 'scheduled';
  if (t < closesAt) return 'open';
  return stage === 'ready' ? 'closed' : stage;
}

export const RESULTS_VISIBILITY = ['after_close', 'after_publish'] as const;
export type ResultsVisibility = (typeof RESULTS_VISIBILITY)[number];
