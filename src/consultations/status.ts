/** What staff have decided; the public status also follows the clock (deriveStatus). */
export const STAGES = ['draft', 'ready', 'analysed', 'published'] as const;
export type ConsultationStage = (typeof STAGES)[number];

export const STATUSES = ['draft', 'scheduled', 'open', 'closed', 'analysed', 'published'] as const;
export type ConsultationStatus = (typeof STATUSES)[number];

export const STATUS_LABELS: Record<ConsultationStatus, string> = {
  draft: 'Draft',
  scheduled: 'Forthcoming',
  open: 'Open',
  closed: 'Closed',
  analysed: 'Closed: being analysed',
  published: 'Closed: results published',
};

/** `endsAt`: when it stops taking responses (see endOf). */
export function deriveStatus(stage: ConsultationStage, opensAt: string, endsAt: string, now: Date): ConsultationStatus {
  if (stage === 'draft') return 'draft';
  const t = now.toISOString();
  if (t < opensAt) return 'scheduled';
  if (t < endsAt) return 'open';
  return stage === 'ready' ? 'closed' : stage;
}

export const RESULTS_VISIBILITY = ['after_close', 'after_publish'] as const;
export type ResultsVisibility = (typeof RESULTS_VISIBILITY)[number];

/** When a consultation stops taking responses: its planned closing time, or the time staff closed it if earlier. */
export const endOf = (closesAt: string, closedAt: string | null | undefined): string => (closedAt && closedAt < closesAt ? closedAt : closesAt);
