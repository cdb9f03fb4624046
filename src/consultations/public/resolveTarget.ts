/** The consultation a public address names (/p/:slug/:cslug): its runtime, its partnership and its addresses. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { findPartnership, type Partnership } from '../../partnerships/index.js';
import { notFound } from '../../platform/errors.js';
import { TtlCache } from '../../platform/ttlCache.js';
import { type ConsultationUrls, consultationUrls } from '../form/urls.js';
import { findConsultationId } from '../queries/findConsultationId.js';
import type { ConsultationRuntime, ConsultationRuntimeCache } from '../runtime.js';

export interface Target extends ConsultationRuntime {
  partnership: Partnership;
  urls: ConsultationUrls;
}

export type ResolveTarget = (slugs: { slug: string; cslug: string }) => Promise<Target>;

/**
 * Slugs to ids are remembered for a few seconds, so a question page needs no query (the runtime cache holds the
 * rest). Unknown slugs and drafts are not found; a miss is not remembered.
 */
export function targetResolver(db: Kysely<Database>, runtimes: ConsultationRuntimeCache): ResolveTarget {
  const lookups = new TtlCache<{ partnership: Partnership; consultationId: string } | undefined>(5000);
  return async ({ slug, cslug }) => {
    const key = `${slug}/${cslug}`;
    const found = await lookups.get(key, async () => {
      const partnership = await findPartnership(db, slug);
      if (!partnership) return undefined;
      const consultationId = await findConsultationId(db, partnership.id, cslug);
      return consultationId ? { partnership, consultationId } : undefined;
    });
    if (!found) lookups.delete(key);
    const runtime = found && (await runtimes.get(found.consultationId));
    if (!found || !runtime || runtime.consultation.status === 'draft') throw notFound('Consultation');
    return { ...runtime, partnership: found.partnership, urls: consultationUrls(found.partnership.slug, runtime.consultation.slug) };
  };
}
