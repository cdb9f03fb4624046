/** The SMTP server a partnership's invitations go through: saved by its admins (audited), the password sealed. */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { nowIso } from '../db/columnTypes.js';
import type { Database } from '../db/schema.js';
import { type Actor, recordAudit } from '../platform/recordAudit.js';
import { openSecret, sealSecret } from '../platform/sealedSecret.js';
import { parseOrThrow } from '../platform/validation.js';

export const SMTP_SECURITY = ['tls', 'starttls', 'none'] as const;
export type SmtpSecurity = (typeof SMTP_SECURITY)[number];

export const smtpFields = z.object({
  host: z
    .string()
    .trim()
    .min(1, 'Enter the SMTP server’s host name')
    .max(253, 'The host name must be 253 characters or fewer')
    .regex(/^[A-Za-z0-9.-]+$/, 'Enter a host name like smtp.example.org'),
  port: z.coerce
    .number({ error: 'Enter the port as a whole number, like 587' })
    .int('Enter the port as a whole number, like 587')
    .min(1, 'Enter a port from 1 to 65535')
    .max(65535, 'Enter a port from 1 to 65535'),
  security: z.enum(SMTP_SECURITY, { error: 'Choose how the connection is secured' }),
  username: z.string().trim().max(254, 'The user name must be 254 characters or fewer'),
  /** Blank keeps the saved password. */
  password: z.string().max(500, 'The password must be 500 characters or fewer'),
  clearPassword: z.enum(['yes', '']).default(''),
  fromAddress: z.string().trim().max(254).email('Enter the from address in the correct format, like community.safety@example.org'),
});

/** What the settings page shows: never the password, only whether one is saved. */
export interface SmtpSettingsView {
  host: string;
  port: number;
  security: SmtpSecurity;
  username: string;
  fromAddress: string;
  hasPassword: boolean;
  updatedAt: string;
}

/** What sending needs, the password opened. */
export interface SmtpConnection extends Omit<SmtpSettingsView, 'hasPassword' | 'updatedAt'> {
  password: string | undefined;
  /** A password is saved but cannot be opened (SESSION_SECRET changed). */
  passwordUnreadable: boolean;
}

const load = (db: Kysely<Database>, partnershipId: string) =>
  db.selectFrom('smtp_settings').selectAll().where('partnership_id', '=', partnershipId).executeTakeFirst();

export async function loadSmtpSettings(db: Kysely<Database>, partnershipId: string): Promise<SmtpSettingsView | undefined> {
  const row = await load(db, partnershipId);
  return (
    row && {
      host: row.host,
      port: row.port,
      security: row.security as SmtpSecurity,
      username: row.username,
      fromAddress: row.from_address,
      hasPassword: row.password_sealed !== null,
      updatedAt: row.updated_at,
    }
  );
}

export async function loadSmtpConnection(db: Kysely<Database>, partnershipId: string, secret: string): Promise<SmtpConnection | undefined> {
  const row = await load(db, partnershipId);
  if (!row) return undefined;
  const password = row.password_sealed === null ? undefined : openSecret(secret, 'smtp-password', row.password_sealed);
  return {
    host: row.host,
    port: row.port,
    security: row.security as SmtpSecurity,
    username: row.username,
    fromAddress: row.from_address,
    password,
    passwordUnreadable: row.password_sealed !== null && password === undefined,
  };
}

export async function saveSmtpSettings(o: {
  db: Kysely<Database>;
  actor: Actor;
  partnershipId: string;
  secret: string;
  fields: unknown;
}): Promise<void> {
  const f = parseOrThrow(smtpFields, o.fields);
  await o.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('smtp_settings').select('password_sealed').where('partnership_id', '=', o.partnershipId).executeTakeFirst();
    const passwordSealed =
      f.clearPassword === 'yes' ? null : f.password ? sealSecret(o.secret, 'smtp-password', f.password) : (before?.password_sealed ?? null);
    const row = {
      host: f.host,
      port: f.port,
      security: f.security,
      username: f.username,
      password_sealed: passwordSealed,
      from_address: f.fromAddress,
      updated_at: nowIso(),
      updated_by: o.actor.label,
    };
    await trx
      .insertInto('smtp_settings')
      .values({ partnership_id: o.partnershipId, ...row })
      .onConflict((oc) => oc.column('partnership_id').doUpdateSet(row))
      .execute();
    const password = f.clearPassword === 'yes' ? 'removed' : f.password ? 'changed' : 'kept';
    await recordAudit(trx, {
      actor: o.actor,
      action: 'smtp.update',
      entity: 'partnership',
      entityId: o.partnershipId,
      partnershipId: o.partnershipId,
      detail: { host: f.host, port: f.port, security: f.security, fromAddress: f.fromAddress, password },
    });
  });
}
