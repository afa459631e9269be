/**
 * The challenge of a transaction request above the threshold (§11.3, §11.5). Only a salted hash
 * of the expected answer is stored; the sandbox answer is `123`.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const challengeType = 'OBP_TRANSACTION_REQUEST_CHALLENGE';
export const sandboxAnswer = '123';

export function hashAnswer(answer: string, salt = randomBytes(16).toString('base64url')): string {
  return `${salt}$${createHash('sha256').update(`${salt}:${answer}`, 'utf8').digest('base64url')}`;
}

export function answerMatches(answer: string, stored: string): boolean {
  const [salt] = stored.split('$');
  if (salt === undefined) return false;
  const a = Buffer.from(hashAnswer(answer, salt));
  const b = Buffer.from(stored);
  return a.length === b.length && timingSafeEqual(a, b);
}
