/** An attendee's dots, through their personal link: replacing their earlier ones while voting is open; audited. */
import type { Kysely } from 'kysely';
import { nowIso } from '../db/columnTypes.js';
import type { Database } from '../db/schema.js';
import { conflict } from '../platform/errors.js';
import { recordAudit } from '../platform/recordAudit.js';
import type { Voter } from './queries/findVoter.js';
import type { Ballot } from './votes.js';

export async function castVotes({ db, voter, ballot }: { db: Kysely<Database>; voter: Voter; ballot: Ballot }): Promise<void> {
  const { workshop } = voter;
  await db.transaction().execute(async (trx) => {
    const now = await trx
      .selectFrom('workshops')
      .select('voting')
      .where('partnership_id', '=', workshop.partnershipId)
      .where('id', '=', workshop.id)
      .executeTakeFirst();
    if (now?.voting !== 'open') throw conflict('Voting is not open');
    const scope = trx
      .deleteFrom('workshop_votes')
      .where('partnership_id', '=', workshop.partnershipId)
      .where('workshop_id', '=', workshop.id)
      .where('stakeholder_id', '=', voter.stakeholderId);
    await scope.execute();
    const at = nowIso();
    const rows = Object.entries(ballot.dots).map(([candidate, dots]) => ({
      partnership_id: workshop.partnershipId,
      workshop_id: workshop.id,
      stakeholder_id: voter.stakeholderId,
      candidate_id: candidate,
      dots,
      voted_at: at,
    }));
    if (rows.length) await trx.insertInto('workshop_votes').values(rows).execute();
    await recordAudit(trx, {
      actor: { id: null, label: `attendee:${voter.stakeholderId}` },
      action: 'workshop.vote',
      entity: 'workshop',
      entityId: workshop.id,
      partnershipId: workshop.partnershipId,
      detail: { dots: ballot.dots },
    });
  });
}
