import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { csvLine } from '../../platform/csvSafe.js';
import { notFound } from '../../platform/errors.js';
import { type Actor, recordAudit } from '../../platform/recordAudit.js';
import { hashInvitationToken } from './token.js';

export interface DownloadInvitationLinksOptions {
  db: Kysely<Database>;
  actor: Actor;
  partnershipId: string;
  consultationId: string;
  /** The public address the links are built on (PUBLIC_URL), and the links' own path up to the token. */
  origin: string;
  linkPath: string;
  /** The tokens of links just made, as the page that showed them sends them back: only this consultation's count. */
  tokens: readonly string[];
}

/**
 * The links just made, as a CSV file for a mail merge (name, email, link; formula-safe through csvSafe). The
 * names and addresses come from the stored invitations, found by each token's hash; the download of this personal
 * data is audited in the same transaction as it is read.
 */
export async function downloadInvitationLinks({
  db,
  actor,
  partnershipId,
  consultationId,
  origin,
  linkPath,
  tokens,
}: DownloadInvitationLinksOptions): Promise<string> {
  const byHash = new Map(tokens.map((token) => [hashInvitationToken(token), token]));
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('invitations')
      .select(['name', 'email', 'token_hash'])
      .where('partnership_id', '=', partnershipId)
      .where('consultation_id', '=', consultationId)
      .where('token_hash', 'in', [...byHash.keys()])
      .execute();
    if (rows.length === 0) throw notFound('Invitation links');
    const order = [...byHash.keys()];
    rows.sort((a, b) => order.indexOf(a.token_hash) - order.indexOf(b.token_hash));
    await recordAudit(trx, {
      actor,
      action: 'invitations.download_links',
      entity: 'consultation',
      entityId: consultationId,
      partnershipId,
      detail: { personalData: true, count: rows.length, emails: rows.map((r) => r.email) },
    });
    const lines = rows.map((r) => csvLine([r.name, r.email, `${origin}${linkPath}${byHash.get(r.token_hash)}`]));
    return `\ufeff${csvLine(['name', 'email', 'link'])}${lines.join('')}`;
  });
}
