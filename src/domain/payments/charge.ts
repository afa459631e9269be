/**
 * The charge OBP shows on a transaction request (§11.4): amount × the type's charge level, clamped
 * to [2, 50], in the request currency. It is informational: never debited (Q16).
 */
import { Decimal } from 'decimal.js';

export const chargeSummary = 'Total charges for completed transaction';

export function chargeAmount(amount: Decimal, level: string): string {
  const charge = amount.mul(new Decimal(level));
  if (charge.lt(2)) return '2.0';
  if (charge.gt(50)) return '50';
  return charge.toDecimalPlaces(10, Decimal.ROUND_HALF_UP).toFixed();
}
