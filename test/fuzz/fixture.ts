/**
 * The world the fuzz requests run in, built once per server: a caller holding every role (at bank ""
 * and at the bank used in paths, so no role check short-circuits), and for each path placeholder a
 * value that exists. A placeholder with no existing value here is filled with a plain unknown id
 * (and listed in `missing`), so a newly declared endpoint is fuzzed anyway.
 */
import { randomUUID } from 'node:crypto';
import { pathPlaceholders, type Placeholder } from '../../src/api/endpoint.js';
import { createAccount } from '../../src/domain/accounts/create.js';
import { createCustomerLinkedTo } from '../../src/domain/customers/create.js';
import { customerRecord } from '../helpers/records.js';
import { roleCatalogue, type RoleName } from '../../src/domain/roles.js';
import { seedBank, seedConsumer, type TestServer, type TestUser } from '../helpers/server.js';

export interface FuzzFixture {
  caller: TestUser;
  values: Record<Placeholder, string>;
  /** placeholders filled with an unknown id because nothing here creates one */
  missing: Placeholder[];
}

export async function buildFixture(server: TestServer): Promise<FuzzFixture> {
  const bankId = await seedBank(server, 'fuzz-bank');
  const otherBankId = await seedBank(server, 'fuzz-bank-2');
  const roles = [...roleCatalogue.keys()] as RoleName[];
  const caller = await server.user({
    username: 'fuzz.caller',
    roles: [...roles.map((r): [RoleName, string] => [r, '']), ...roles.map((r): [RoleName, string] => [r, bankId])],
  });
  const accountId = 'fuzz-account';
  await createAccount(server.store, {
    bankId,
    accountId,
    kind: 'CURRENT',
    label: 'Fuzz account',
    currency: 'EUR',
    holder: { userId: caller.userId, name: caller.username },
  });
  // created by the caller, and not the consumer the caller logged in with (disabling it must not lock the caller out)
  const consumer = await seedConsumer(server, { createdByUserId: caller.userId });
  // an entitlement of the caller that no check depends on
  const entitlementId = randomUUID();
  await server.store.entitlements.insert({
    entitlementId,
    userId: caller.userId,
    bankId: otherBankId,
    roleName: 'CanGetAnyUser',
  });

  // open data that exists, each with a license (documents without one are not served)
  const meta = { license: { id: 'fuzz-license', name: 'Fuzz License' } };
  const address = { line_1: '', line_2: '', line_3: '', city: '', county: '', state: '', post_code: '', country_code: '' };
  const place = { address, location: { latitude: 0, longitude: 0 }, meta };
  await server.store.documents.insertMany('branch', [
    { bankId, docId: 'fuzz-branch', document: { id: 'fuzz-branch', bank_id: bankId, name: 'Fuzz branch', ...place } },
  ]);
  await server.store.documents.insertMany('atm', [
    { bankId, docId: 'fuzz-atm', document: { id: 'fuzz-atm', bank_id: bankId, name: 'Fuzz ATM', ...place } },
  ]);
  const product = { category: '', family: '', super_family: '', more_info_url: '', meta };
  await server.store.documents.insertMany('product', [
    { bankId, docId: 'fuzz-product', document: { bank_id: bankId, code: 'fuzz-product', name: 'Fuzz product', ...product } },
  ]);
  // a customer of the fuzz bank linked to the caller (messages need the link)
  const customerId = randomUUID();
  await createCustomerLinkedTo(server.store, customerRecord(customerId, bankId, 'Fuzz Customer', 'fuzz-customer'), caller.userId);

  // one transaction with a counterparty, for the other_accounts and transaction paths
  await server.store.transactions.insertMany([
    {
      bankId,
      accountId,
      transactionId: 'fuzz-transaction',
      kind: 'DEBIT',
      description: 'Fuzz payment',
      currency: 'EUR',
      amount: -100n,
      newBalance: 0n,
      postedAt: Date.UTC(2020, 0, 1),
      completedAt: Date.UTC(2020, 0, 1),
      counterpartyId: 'fuzz-counterparty',
      counterpartyName: 'Fuzz Shop',
      counterpartyAccountNumber: '1',
      counterpartyIban: '',
      counterpartyBankName: '',
      counterpartyKind: 'AC',
    },
  ]);

  // as the import and the data generator do: the counterparty's metadata row is written with its transactions
  await server.store.counterparties.ensure(bankId, accountId, [
    { counterpartyId: 'fuzz-counterparty', name: 'Fuzz Shop', publicAlias: 'ALIAS_F0F0F0' },
  ]);

  // an explicit counterparty of the fuzz account (OBP v2.2.0)
  const explicitCounterpartyId = randomUUID();
  await server.store.explicitCounterparties.insert({
    counterpartyId: explicitCounterpartyId,
    bankId,
    accountId,
    viewId: 'owner',
    createdByUserId: caller.userId,
    name: 'Fuzz payee',
    description: '',
    otherAccountRoutingScheme: 'OBP',
    otherAccountRoutingAddress: accountId,
    otherAccountSecondaryRoutingScheme: 'IBAN',
    otherAccountSecondaryRoutingAddress: 'DE89370400440532013000',
    otherBankRoutingScheme: 'OBP',
    otherBankRoutingAddress: bankId,
    otherBranchRoutingScheme: '',
    otherBranchRoutingAddress: '',
    isBeneficiary: true,
    bespoke: [],
    createdAt: Date.now(),
  });
  // its metadata row, written when createCounterparty creates one
  await server.store.counterparties.ensure(bankId, accountId, [
    { counterpartyId: explicitCounterpartyId, name: 'Fuzz payee', publicAlias: 'ALIAS_F1F1F1' },
  ]);

  const known: Partial<Record<Placeholder, string>> = {
    BANK_ID: bankId,
    ACCOUNT_ID: accountId,
    VIEW_ID: 'owner',
    USER_ID: caller.userId,
    USER_EMAIL: caller.email,
    PROVIDER: server.config.localIdentityProvider,
    PROVIDER_ID: caller.username,
    CONSUMER_ID: String(consumer.consumerId),
    ENTITLEMENT_ID: entitlementId,
    BRANCH_ID: 'fuzz-branch',
    ATM_ID: 'fuzz-atm',
    PRODUCT_CODE: 'fuzz-product',
    CUSTOMER_ID: customerId,
    TRANSACTION_ID: 'fuzz-transaction',
    OTHER_ACCOUNT_ID: 'fuzz-counterparty',
    COUNTERPARTY_ID: explicitCounterpartyId,
    API_VERSION: 'v2.1.0',
    TRANSACTION_REQUEST_TYPE: server.config.props.transactionRequestsSupportedTypes[0] ?? 'SANDBOX_TAN',
  };
  const missing = pathPlaceholders.filter((p) => known[p] === undefined);
  const values = Object.fromEntries(pathPlaceholders.map((p) => [p, known[p] ?? `fuzz-${p.toLowerCase().replace(/_/g, '-')}`]));
  return { caller, values: values as Record<Placeholder, string>, missing };
}

/**
 * The example request with its top-level string members named like a placeholder (`bank_id` ↔ BANK_ID,
 * `user_id` ↔ USER_ID) set to the fixture's existing value, so a body that passes every check reaches
 * deeper into the handler than the documentation's made-up ids would.
 */
export function withFixtureValues(example: unknown, fixture: FuzzFixture): unknown {
  if (example === null || typeof example !== 'object' || Array.isArray(example)) return example;
  const copy: Record<string, unknown> = { ...(example as Record<string, unknown>) };
  for (const [key, value] of Object.entries(copy)) {
    const placeholder = key.toUpperCase() as Placeholder;
    if (typeof value === 'string' && pathPlaceholders.includes(placeholder) && !fixture.missing.includes(placeholder)) {
      copy[key] = fixture.values[placeholder];
    }
  }
  return copy;
}
