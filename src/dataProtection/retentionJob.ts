/** Retention as a daily job (docs/data-protection.md): queued once a day by whichever instance looks first. */
import type { JobKinds } from '../jobs/index.js';
import { applyRetention } from './retention.js';

export const RETENTION_JOB = 'data.retention';
const DAY_MS = 86_400_000;

export function retentionJobKinds(): JobKinds {
  return {
    kinds: {
      [RETENTION_JOB]: {
        async run(_payload, ctx) {
          const runs = await applyRetention(ctx.handle.db, { now: new Date(), actor: { id: null, label: 'system:retention' } });
          await ctx.progress(100, `${runs.length} consultation${runs.length === 1 ? '' : 's'} past their retention period`);
        },
      },
    },
    recurring: [{ kind: RETENTION_JOB, everyMs: DAY_MS }],
  };
}
