import { createHash } from 'node:crypto';

/** OBP's implicit counterparty id (SEMANTICS §1.6): base64url, unpadded, of SHA-256 over the concatenation. */
export function implicitCounterpartyId(
  bankId: string,
  accountId: string,
  counterpartyName: string,
  routingScheme = '',
  routingAddress = '',
): string {
  return createHash('sha256')
    .update(bankId + accountId + counterpartyName + routingScheme + routingAddress, 'utf8')
    .digest('base64url');
}
