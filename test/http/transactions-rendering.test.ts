/**
 * Transaction lists are served from remembered JSON text (src/api/transactions/rendered-transactions.ts):
 * a second read answers the same bytes, and a change of an input of the rendering (the view, the
 * counterparty's metadata, the transaction's own metadata) shows at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemView, toStoredView } from '../../src/domain/views/definitions.js';
import { seedOwnedAccount, startTestServer, type TestServer, type TestUser } from '../helpers/server.js';

const v = '/obp/v2.1.0';
let server: TestServer;
let owner: TestUser;
let bankId: string;
let accountId: string;

type Listed = {
  id: string;
  details: { value: { currency: string | null; amount: string | null } };
  other_account: { metadata: { more_info: string | null } | null };
  metadata: { narrative: string | null } | null;
};

async function saveView(viewId: string, remove: string[]) {
  const permissions = new Set(systemView('owner')!.permissions);
  for (const f of remove) permissions.delete(f);
  const view = { ...systemView('owner')!, viewId, isSystem: false, permissions };
  await server.store.access.saveCustomView(bankId, accountId, viewId, JSON.stringify(toStoredView(view)));
}

const list = async (view = 'owner') => {
  const res = await server.call('GET', `${v}/banks/${bankId}/accounts/${accountId}/${view}/transactions`, { token: owner.token });
  expect(res.status, res.text).toBe(200);
  return { text: res.text, transactions: res.body.transactions as Listed[] };
};

beforeAll(async () => {
  server = await startTestServer();
  owner = await server.user();
  ({ bankId, accountId } = await seedOwnedAccount(server, owner));
  const start = Date.UTC(2022, 5, 1);
  await server.store.transactions.insertMany(
    [0, 1].map((n) => ({
      bankId,
      accountId,
      transactionId: `tx-${n}`,
      kind: 'DEBIT',
      description: `Payment ${n}`,
      currency: 'EUR',
      amount: -125n,
      newBalance: 1000n - 125n * BigInt(n),
      postedAt: start + n * 86_400_000,
      completedAt: start + n * 86_400_000,
      counterpartyId: `cp-${n}`,
      counterpartyName: 'Corner Bakery',
      counterpartyAccountNumber: '1',
      counterpartyIban: '',
      counterpartyBankName: '',
      counterpartyKind: '',
    })),
  );
  await saveView('_probe', []);
  await server.store.access.grant(owner.userId, bankId, accountId, '_probe');
}, 60_000);

afterAll(() => server?.stop());

describe('remembered transaction JSON', () => {
  it('a second read answers the same bytes', async () => {
    const first = await list();
    expect(first.transactions.map((t) => t.id)).toEqual(['tx-1', 'tx-0']);
    expect((await list()).text).toBe(first.text);
  });

  it('follows a change of the view at once', async () => {
    expect((await list('_probe')).transactions[0]!.details.value).toEqual({ currency: 'EUR', amount: '-1.25' });
    await saveView('_probe', ['can_see_transaction_amount']);
    expect((await list('_probe')).transactions[0]!.details.value).toEqual({ currency: 'EUR', amount: null });
    await saveView('_probe', []);
    expect((await list('_probe')).transactions[0]!.details.value).toEqual({ currency: 'EUR', amount: '-1.25' });
  });

  it("follows the counterparty's metadata and the transaction's own", async () => {
    await list();
    const info = await server.call(
      'POST',
      `${v}/banks/${bankId}/accounts/${accountId}/owner/other_accounts/cp-0/metadata/more_info`,
      {
        token: owner.token,
        body: { more_info: 'bakes bread' },
      },
    );
    expect(info.status, info.text).toBe(201);
    expect((await list()).transactions[1]!.other_account.metadata!.more_info).toBe('bakes bread');

    const narrative = `${v}/banks/${bankId}/accounts/${accountId}/owner/transactions/tx-1/metadata/narrative`;
    expect((await server.call('POST', narrative, { token: owner.token, body: { narrative: 'rent' } })).status).toBe(201);
    expect((await list()).transactions[0]!.metadata!.narrative).toBe('rent');
    expect((await server.call('DELETE', narrative, { token: owner.token })).status).toBe(204);
    expect((await list()).transactions[0]!.metadata!.narrative).toBeNull();
  });
});
