import type { DemoContext } from '../../app/capability.js';

/** The demo Crime Survey's comments, partly coded (filled in by a later commit). */
export async function loadDemoCodings(_context: DemoContext): Promise<Record<string, unknown>> {
  return {};
}
