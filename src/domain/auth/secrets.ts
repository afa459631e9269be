/**
 * Password hashing (scrypt, a slow memory-hard KDF from node:crypto), token minting and hashing.
 * Stored format: scrypt$N$r$p$salt$hash (base64url), so parameters can be raised later.
 */
import { hash, randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const scrypt = (password: string, salt: Buffer, keylen: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCb(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))),
  );

const cost = { N: 16384, r: 8, p: 1 };

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, 32, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 64 * 1024 * 1024,
  });
  return timingSafeEqual(key, expected);
}

/** A hash to compare against when the user does not exist, so timing does not reveal usernames. */
export const unusablePasswordHash = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** on every authenticated call: the one-shot digest, without a Hash object */
export function tokenHash(token: string): string {
  return hash('sha256', token, 'base64url');
}

/**
 * OBP's strong-password rule: 17..512 printable characters, or 10..16 characters with a digit, a
 * lower-case and an upper-case letter and a special character.
 */
export function isStrongPassword(password: string): boolean {
  if (!/^[\x20-\x7E]*$/.test(password)) return false;
  if (password.length > 16 && password.length <= 512) return true;
  if (password.length < 10 || password.length > 16) return false;
  return /\d/.test(password) && /[a-z]/.test(password) && /[A-Z]/.test(password) && /[^A-Za-z0-9]/.test(password);
}
