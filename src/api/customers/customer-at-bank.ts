import type { Customer } from '../../domain/customers/model.js';
import { obpError } from '../../errors/obp-error.js';
import type { Repositories } from '../../store/index.js';

/**
 * The customer CUSTOMER_ID of bank BANK_ID, else 404 OBP-30046. A customer of another bank is not
 * found: a role held at one bank must not reach another bank's customers through its URL.
 */
export async function customerAtBank(store: Repositories, bankId: string, customerId: string): Promise<Customer> {
  const customer = await store.customers.get(customerId);
  if (!customer || customer.bankId !== bankId) throw obpError('OBP-30046');
  return customer;
}
