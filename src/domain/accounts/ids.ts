/** OBP's rule for client-chosen BANK_ID / ACCOUNT_ID values (`isValidID`): safe in URLs and keys. */
const idPattern = /^[A-Za-z0-9\-_.]+$/;

export function isValidObpId(id: string): boolean {
  return id.length < 256 && idPattern.test(id);
}
