/**
 * Consumer secrets at rest: AES-256-GCM under the server's secret key. HMAC signing (OAuth) needs the
 * secret itself, so it is encrypted, not hashed. A stored value is `v1.` + base64url(iv ‖ tag ‖ data);
 * the consumer id is bound as additional data, so a stored secret copied onto another row does not decrypt.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export const secretKeyBytes = 32;
const prefix = 'v1.';

/** The key from OBP_SECRET_KEY (32 bytes as 64 hex digits or base64), or why it is not one. */
export function parseSecretKey(raw: string): Buffer | string {
  const text = raw.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(text)
    ? Buffer.from(text, 'hex')
    : /^[A-Za-z0-9+/_-]{43}=?$/.test(text)
      ? Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64')
      : undefined;
  if (key?.length !== secretKeyBytes) {
    return 'must be 32 random bytes, as 64 hex digits or 44 base64 characters (e.g. the output of: openssl rand -base64 32)';
  }
  return key;
}

export interface SecretBox {
  seal(plain: string, bound: string): string;
  open(sealed: string, bound: string): string;
}

export function secretBox(key: Buffer): SecretBox {
  if (key.length !== secretKeyBytes) throw new Error('the secret key must be 32 bytes');
  return {
    seal(plain, bound) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(bound));
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return prefix + Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64url');
    },
    open(sealed, bound) {
      if (!sealed.startsWith(prefix)) throw new Error('not an encrypted secret');
      const bytes = Buffer.from(sealed.slice(prefix.length), 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
      decipher.setAAD(Buffer.from(bound));
      decipher.setAuthTag(bytes.subarray(12, 28));
      return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}
