import { createHash } from 'node:crypto';

/** OBP's ETag: lower-case hex of sha256(url + compact body) without leading zeros. */
export function etagFor(url: string, compactBody: string): string {
  const hex = createHash('sha256')
    .update(url + compactBody)
    .digest('hex');
  return hex.replace(/^0+/, '') || '0';
}
