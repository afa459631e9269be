/**
 * Creating a customer (v2.1.0 createCustomer) and linking users to customers. The customer and its
 * link are written in one transaction; the unique indexes decide races, and the loser gets the error
 * it would have got had it come second.
 */
import { randomUUID } from 'node:crypto';
import { obpError } from '../../errors/obp-error.js';
import type { Store } from '../../store/index.js';
import type { Customer, UserCustomerLink } from './model.js';

export async function createCustomerLinkedTo(store: Store, customer: Customer, userId: string): Promise<UserCustomerLink> {
  const link = newLink(userId, customer.customerId);
  try {
    await store.transaction(async (tx) => {
      await tx.customers.insert(customer);
      await tx.customers.insertLink(link);
    });
    return link;
  } catch (error) {
    if (await store.customers.numberTaken(customer.bankId, customer.customerNumber)) throw duplicateNumber();
    throw error;
  }
}

/** OBP-30007 when the user is already linked to this customer (also when a concurrent request linked it first). */
export async function linkUserToCustomer(store: Store, userId: string, customerId: string): Promise<UserCustomerLink> {
  if (await store.customers.findLink(userId, customerId)) throw obpError('OBP-30007');
  const link = newLink(userId, customerId);
  try {
    await store.customers.insertLink(link);
    return link;
  } catch (error) {
    if (await store.customers.findLink(userId, customerId)) throw obpError('OBP-30007');
    throw error;
  }
}

export function duplicateNumber() {
  return obpError('OBP-30006');
}

function newLink(userId: string, customerId: string): UserCustomerLink {
  return { userCustomerLinkId: randomUUID(), userId, customerId, dateInserted: Date.now(), isActive: true };
}
