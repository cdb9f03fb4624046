import { createHash, randomBytes } from 'node:crypto';

/** How long a reset link works. */
export const RESET_LINK_HOURS = 24;
/** A random reset token (256 bits, URL-safe); only its SHA-256 is stored, so the table cannot be used to sign in. */
export const newResetToken = () => randomBytes(32).toString('base64url');
export const hashResetToken = (token: string) => createHash('sha256').update(token).digest('hex');
/** The path of a reset link; the origin comes from PUBLIC_URL, never from a request. */
export const resetLinkPath = (token: string) => `/reset-password/${token}`;
