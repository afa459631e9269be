/**
 * A bank's transaction type (OBP v2.0.0/v2.1.0): what categorises a transaction on a statement, with
 * the fee charged to the customer in the currency's minor units. The id is unique across banks, the
 * short code within the bank.
 */
export interface TransactionType {
  transactionTypeId: string;
  bankId: string;
  shortCode: string;
  summary: string;
  description: string;
  chargeCurrency: string;
  /** minor units */
  chargeAmount: bigint;
}
