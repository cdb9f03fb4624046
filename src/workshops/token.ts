import { createHash, randomBytes } from 'node:crypto';

/** A random personal voting link token (256 bits, URL-safe); only its hash is stored. */
export const newVotingToken = () => randomBytes(32).toString('base64url');
export const hashVotingToken = (token: string) => createHash('sha256').update(token).digest('hex');
