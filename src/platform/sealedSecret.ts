/**
 * A secret kept in the database (an SMTP password, an LLM API key, a user's TOTP secret): sealed with AES-256-GCM under a key derived
 * (HKDF-SHA-256) from the install's SESSION_SECRET and the secret's purpose, so a copy of the database alone does not
 * give it away. Changing SESSION_SECRET means entering the secret again (opening gives undefined). Pure apart from
 * the random nonce.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** What the secret is for: each purpose has its own key, so one sealed value cannot be opened as another. */
export type SecretPurpose = 'smtp-password' | 'llm-api-key' | 'totp-secret';

const keyFrom = (sessionSecret: string, purpose: SecretPurpose) => Buffer.from(hkdfSync('sha256', sessionSecret, 'saferplan', `${purpose}-v1`, 32));

/** "v1.iv.tag.ciphertext" in base64url. */
export function sealSecret(sessionSecret: string, purpose: SecretPurpose, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(sessionSecret, purpose), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

/** The secret, or undefined when it was sealed under another SESSION_SECRET or purpose, altered, or is not sealed. */
export function openSecret(sessionSecret: string, purpose: SecretPurpose, sealed: string): string | undefined {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFrom(sessionSecret, purpose), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}
