/** What every report builder is given: the database, the analysis threads, the partnership, who asks, and a progress callback. */
import type { Principal } from '../accounts/index.js';
import type { AnalysisRunner } from '../analysis/index.js';
import type { DbHandle } from '../db/database.js';
import type { Partnership } from '../partnerships/index.js';

export interface ReportContext {
  handle: Pick<DbHandle, 'db' | 'dialect' | 'driver'>;
  runner: AnalysisRunner;
  partnership: Partnership;
  user: Principal | undefined;
  /** Called as the report is built: percent done (0-100) and what is being done. */
  progress?: (percent: number, message: string) => void | Promise<void>;
}

export const REPORT_KINDS = ['committee', 'findings', 'plan', 'hiia', 'you-said-we-did'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_KIND_LABELS: Record<ReportKind, string> = {
  committee: 'Committee note',
  findings: 'Consultation findings report',
  plan: 'Community Safety Partnership Plan',
  hiia: 'Health Inequalities Impact assessment',
  'you-said-we-did': 'You said, we did',
};
