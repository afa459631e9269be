import type { DeleteResult } from 'kysely';

/**
 * The rule for every delete: it answers whether this statement removed a row, and the endpoint
 * answers "not found" when it did not. The row lock makes concurrent deletes of one row have exactly
 * one winner, where a lookup followed by an unconditional delete would let them all succeed.
 */
export function removedAny(result: DeleteResult): boolean {
  return result.numDeletedRows > 0n;
}
