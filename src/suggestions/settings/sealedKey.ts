import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** The AES-256 key that seals LLM API keys: HKDF-SHA256 of the server's SESSION_SECRET, so the database alone cannot open them. */
function keyFrom(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'saferplan', 'llm api key v1', 32));
}

/** Seals an API key with AES-256-GCM: "iv.tag.ciphertext" in base64url. */
export function sealApiKey(apiKey: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(secret), iv);
  const ciphertext = Buffer.concat([cipher.update(apiKey, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), ciphertext].map((b) => b.toString('base64url')).join('.');
}

/** Opens a sealed key; undefined when it was sealed under another secret (SESSION_SECRET changed) or altered. */
export function openApiKey(sealed: string, secret: string): string | undefined {
  const [iv, tag, ciphertext] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
  if (!iv || !tag || !ciphertext || iv.length !== 12 || tag.length !== 16) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFrom(secret), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}
