import { createHash, randomBytes } from 'node:crypto';

/** A random invitation token (256 bits, URL-safe); only its hash is stored. */
export const newInvitationToken = () => randomBytes(32).toString('base64url');
export const hashInvitationToken = (token: string) => createHash('sha256').update(token).digest('hex');
