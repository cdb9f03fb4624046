/**
 * The officer's words in a generated report (purpose, recommendations, next steps...): kept per report and section,
 * so regenerating the report with new figures keeps them. Each section starts from a default drawn from the data.
 */
import type { Kysely } from 'kysely';
import { nowIso } from '../db/columnTypes.js';
import type { Database } from '../db/schema.js';
import { type Actor, recordAudit } from '../platform/recordAudit.js';

export const NARRATIVE_MAX = 20_000;

export async function loadNarratives(db: Kysely<Database>, partnershipId: string, reportKey: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('report_narratives')
    .select(['section', 'text'])
    .where('partnership_id', '=', partnershipId)
    .where('report_key', '=', reportKey)
    .execute();
  return new Map(rows.map((r) => [r.section, r.text]));
}

export async function saveNarratives(o: {
  db: Kysely<Database>;
  actor: Actor;
  partnershipId: string;
  reportKey: string;
  sections: Record<string, string>;
}): Promise<void> {
  await o.db.transaction().execute(async (trx) => {
    for (const [section, text] of Object.entries(o.sections)) {
      await trx
        .deleteFrom('report_narratives')
        .where('partnership_id', '=', o.partnershipId)
        .where('report_key', '=', o.reportKey)
        .where('section', '=', section)
        .execute();
      if (text.trim())
        await trx
          .insertInto('report_narratives')
          .values({ partnership_id: o.partnershipId, report_key: o.reportKey, section, text, updated_at: nowIso(), updated_by: o.actor.label })
          .execute();
    }
    await recordAudit(trx, {
      actor: o.actor,
      action: 'report.narrative',
      entity: 'partnership',
      entityId: o.partnershipId,
      partnershipId: o.partnershipId,
      detail: { report: o.reportKey, sections: Object.keys(o.sections) },
    });
  });
}
