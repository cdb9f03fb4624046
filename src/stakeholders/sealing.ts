/**
 * The SMTP password at rest: sealed with AES-256-GCM under a key derived (HKDF-SHA-256) from the install's
 * SESSION_SECRET, so a copy of the database alone does not give it away. Changing SESSION_SECRET means entering the
 * password again (opening fails, and sending says so). Pure apart from the random nonce.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const keyFrom = (secret: string) => Buffer.from(hkdfSync('sha256', secret, 'saferplan', 'smtp-password-v1', 32));

export function seal(secret: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(secret), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

/** The password, or undefined when it was sealed under another secret (or is not a sealed value). */
export function unseal(secret: string, sealed: string): string | undefined {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFrom(secret), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}
