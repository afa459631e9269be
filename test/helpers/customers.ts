/** Customer fixtures for the customer, KYC and message tests: bodies, and customers created through the API. */
import { randomUUID } from 'node:crypto';
import type { RoleName } from '../../src/domain/roles.js';
import type { TestServer, TestUser } from './server.js';

export const customerCreatorRoles = (bankId: string): [RoleName, string][] => [
  ['CanCreateCustomer', bankId],
  ['CanCreateUserCustomerLink', bankId],
];

export function customerBody(change: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    user_id: '',
    customer_number: `n-${randomUUID().slice(0, 12)}`,
    legal_name: 'Eveline Tripman',
    mobile_phone_number: '+44 07972 444 876',
    email: 'felixsmith@example.com',
    face_image: { url: 'www.openbankproject', date: '2017-09-19T00:00:00Z' },
    date_of_birth: '1980-02-29T00:00:00Z',
    relationship_status: 'single',
    dependants: 2,
    dob_of_dependants: ['2010-01-01T00:00:00Z', '2012-12-31T23:59:59Z'],
    credit_rating: { rating: 'OBP', source: 'OBP' },
    credit_limit: { currency: 'EUR', amount: '1000.50' },
    highest_education_attained: 'Master',
    employment_status: 'worker',
    kyc_status: false,
    last_ok_date: '2023-10-16T00:00:00Z',
    ...change,
  };
}

export function postCustomer(server: TestServer, bankId: string, caller: TestUser | undefined, body: unknown) {
  return server.call('POST', `/obp/v2.1.0/banks/${bankId}/customers`, { token: caller?.token, body });
}

/** A customer of `bankId` linked to `holder`, created through the API by a user holding both roles. */
export async function createdCustomer(
  server: TestServer,
  bankId: string,
  holder: TestUser,
  change: Record<string, unknown> = {},
): Promise<{ customer_id: string; customer_number: string; [key: string]: unknown }> {
  const creator = await server.user({ roles: customerCreatorRoles(bankId) });
  const res = await postCustomer(server, bankId, creator, customerBody({ user_id: holder.userId, ...change }));
  if (res.status !== 201) throw new Error(`customer not created: ${res.status} ${res.text}`);
  return res.body;
}
