import { CAPABILITIES } from '../app/capabilities.js';
import type { DbHandle } from '../db/database.js';
import type { DemoLoadResult } from '../partnerships/index.js';
import type { Actor } from '../platform/recordAudit.js';

export type DemoSummary = DemoLoadResult & { consultations: { crimeSurveyId: string; membersSurveyId: string } } & Record<string, unknown>;

/** The whole demo, each capability's part in list order (the partnership and its geography first). Idempotent. */
export async function loadDemo(handle: DbHandle, actor: Actor): Promise<DemoSummary> {
  const loaded: Record<string, unknown> = {};
  for (const capability of CAPABILITIES) {
    const step = await capability.demo?.();
    if (step) Object.assign(loaded, await step({ handle, actor, loaded }));
  }
  return loaded as DemoSummary;
}
