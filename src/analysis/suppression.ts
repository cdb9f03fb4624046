/** Which small-number suppression threshold a request gets. Pure. */
import { SUPPRESSION_FLOOR } from '../partnerships/index.js';

export interface SuppressionRequest {
  /** What was asked for (suppressBelow / --suppress-below); undefined when nothing was. */
  requested: number | undefined;
  /** The partnership's minimum. */
  minimum: number;
  /** Admins (and the operator's CLI) may go below the minimum, never below the floor. */
  mayLower: boolean;
}

/** The threshold applied: the partnership's minimum unless a higher one is asked for, or a lower one by someone who may. */
export function appliedSuppression({ requested, minimum, mayLower }: SuppressionRequest): number {
  if (requested === undefined) return minimum;
  return mayLower ? Math.max(requested, SUPPRESSION_FLOOR) : Math.max(requested, minimum);
}
