/**
 * Transaction requests (OBP §11, v2.1.0 TransactionRequestsTest): every type below and above the
 * challenge threshold, in the same currency and across currencies; balances move exactly; the
 * checks of §11.2 in order; request types; the payments in transaction and counterparty lists.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemView, toStoredView } from '../../src/domain/views/definitions.js';
import {
  balanceOf,
  challengePath,
  ledgerProblems,
  requestsPath,
  seedAccount,
  seedPayee,
  transactionsOf,
  v210,
  type SeededAccount,
} from '../helpers/payments.js';
import { seedBank, startTestServer, type TestServer, type TestUser } from '../helpers/server.js';

let server: TestServer;
let owner: TestUser;
let stranger: TestUser;
let bankId: string;
let otherBankId: string;
let source: SeededAccount;
let eurTarget: SeededAccount;
let aedTarget: SeededAccount;

const err = (code: string, status = 400) =>
  expect.objectContaining({ code: status, message: expect.stringMatching(new RegExp(`^${code}:`)) });

beforeAll(async () => {
  server = await startTestServer();
  owner = await server.user();
  stranger = await server.user();
  bankId = await seedBank(server);
  otherBankId = await seedBank(server);
  source = await seedAccount(server, bankId, { opening: 100_000_000n, owner, holderName: 'Alice Source' });
  eurTarget = await seedAccount(server, otherBankId, { opening: 5_000n, holderName: 'Bob Target' });
  aedTarget = await seedAccount(server, otherBankId, { currency: 'AED', opening: 0n, holderName: 'Carol Dirham' });
}, 60_000);

afterAll(() => server?.stop());

type Kind = 'SANDBOX_TAN' | 'COUNTERPARTY' | 'SEPA' | 'FREE_FORM';

/** the body of `type` paying `amount` (in the source's currency) to `to` */
async function bodyFor(type: Kind, to: SeededAccount, amount: string, description: string) {
  const value = { currency: source.currency, amount };
  switch (type) {
    case 'SANDBOX_TAN':
      return { to: { bank_id: to.bankId, account_id: to.accountId }, value, description };
    case 'COUNTERPARTY': {
      const payee = await seedPayee(server, source, to);
      return { to: { counterparty_id: payee.counterpartyId }, value, description, charge_policy: 'SHARED' };
    }
    case 'SEPA': {
      const payee = await seedPayee(server, source, to);
      return { to: { iban: payee.otherAccountSecondaryRoutingAddress }, value, description, charge_policy: 'SENDER' };
    }
    case 'FREE_FORM':
      return { value, description };
  }
}

const tenKeys = ['id', 'type', 'from', 'details', 'transaction_ids', 'status', 'start_date', 'end_date', 'challenge', 'charge'];

describe('createTransactionRequest: every type, below and above the threshold, same currency and FX', () => {
  const cases: [Kind, 'same' | 'fx'][] = [
    ['SANDBOX_TAN', 'same'],
    ['SANDBOX_TAN', 'fx'],
    ['COUNTERPARTY', 'same'],
    ['COUNTERPARTY', 'fx'],
    ['SEPA', 'same'],
    ['SEPA', 'fx'],
    ['FREE_FORM', 'same'],
  ];
  for (const [type, currency] of cases) {
    for (const above of [false, true]) {
      it(`${type} ${currency} ${above ? 'above (challenge, then 202)' : 'below (completed at once)'}`, async () => {
        const to = type === 'FREE_FORM' ? source : currency === 'fx' ? aedTarget : eurTarget;
        const amount = above ? '30000' : '12.50';
        const description = `${type}-${currency}-${above}-${randomUUID().slice(0, 8)}`;
        const body = await bodyFor(type, to, amount, description);
        const before = { source: await balanceOf(server.store, source), to: await balanceOf(server.store, to) };
        const countBefore = {
          source: (await transactionsOf(server.store, source)).length,
          to: (await transactionsOf(server.store, to)).length,
        };

        const res = await server.call('POST', requestsPath(source, type), { token: owner.token, body });
        expect(res.status, res.text).toBe(201);
        expect(Object.keys(res.body).sort()).toEqual([...tenKeys].sort());
        expect(res.body).toMatchObject({ type, from: { bank_id: source.bankId, account_id: source.accountId } });
        expect(res.body.details).toMatchObject({ value: { currency: 'EUR', amount }, description });
        expect(res.body.charge.summary).toBe('Total charges for completed transaction');
        let tr = res.body;
        if (above) {
          expect(tr.status).toBe('INITIATED');
          expect(tr.transaction_ids).toEqual(['']);
          expect(tr.challenge).toEqual({
            id: expect.any(String),
            allowed_attempts: 3,
            challenge_type: 'OBP_TRANSACTION_REQUEST_CHALLENGE',
          });
          // nothing moved yet, and the description is not among the transactions
          expect(await balanceOf(server.store, source)).toBe(before.source);
          const listed = await server.call(
            'GET',
            `${v210}/banks/${source.bankId}/accounts/${source.accountId}/owner/transactions`,
            {
              token: owner.token,
              headers: { obp_limit: '1000' },
            },
          );
          expect(listed.body.transactions.some((t: any) => t.details.description === description)).toBe(false);
          const answer = await server.call('POST', challengePath(source, type, tr.id), {
            token: owner.token,
            body: { id: tr.challenge.id, answer: '123' },
          });
          expect(answer.status, answer.text).toBe(202);
          expect(Object.keys(answer.body)).toHaveLength(10);
          tr = answer.body;
        } else {
          expect(tr.challenge).toBeNull();
        }
        expect(tr.status).toBe('COMPLETED');
        expect(tr.transaction_ids).toEqual([expect.stringMatching(/^[0-9a-f-]{36}$/)]);

        const debit = BigInt(Math.round(Number(amount) * 100));
        const credit = currency === 'fx' ? (above ? 11_837_820n : 4_932n) : debit; // × 3.94594, HALF_UP to 2 places
        const after = { source: await balanceOf(server.store, source), to: await balanceOf(server.store, to) };
        const sourceTxs = await transactionsOf(server.store, source);
        if (type === 'FREE_FORM') {
          expect(after.source).toBe(before.source);
          expect(sourceTxs.length).toBe(countBefore.source + 2);
        } else {
          expect(after.source).toBe(before.source - debit);
          expect(after.to).toBe(before.to + credit);
          expect(sourceTxs.length).toBe(countBefore.source + 1);
          expect((await transactionsOf(server.store, to)).length).toBe(countBefore.to + 1);
        }
        const debitTx = sourceTxs.find((t) => t.transactionId === tr.transaction_ids[0])!;
        expect(debitTx).toMatchObject({
          amount: -debit,
          newBalance: type === 'FREE_FORM' ? before.source - debit : after.source,
          kind: type,
          description,
        });

        // the owner's transaction list shows it once
        const listed = await server.call(
          'GET',
          `${v210}/banks/${source.bankId}/accounts/${source.accountId}/owner/transactions`,
          {
            token: owner.token,
            headers: { obp_limit: '1000' },
          },
        );
        expect(listed.status).toBe(200);
        const shown = listed.body.transactions.filter((t: any) => t.details.description === description);
        expect(shown.length).toBe(type === 'FREE_FORM' ? 2 : 1);
        // and the request is listed
        const requests = await server.call(
          'GET',
          `${v210}/banks/${source.bankId}/accounts/${source.accountId}/owner/transaction-requests`,
          {
            token: owner.token,
          },
        );
        expect(requests.status).toBe(200);
        expect(requests.body.transaction_requests_with_charges.find((r: any) => r.id === tr.id)).toEqual(tr);
        expect(await ledgerProblems(server.store, [source, eurTarget, aedTarget])).toEqual([]);
      });
    }
  }

  it('a payee outside OBP is paid through the source bank settlement account, created once', async () => {
    const payee = await seedPayee(server, source, undefined, { name: 'Outside Payee' });
    const pay = () =>
      server.call('POST', requestsPath(source, 'COUNTERPARTY'), {
        token: owner.token,
        body: {
          to: { counterparty_id: payee.counterpartyId },
          value: { currency: 'EUR', amount: '3.00' },
          description: 'out',
          charge_policy: 'SHARED',
        },
      });
    const [a, b] = await Promise.all([pay(), pay()]);
    expect([a.status, b.status]).toEqual([201, 201]);
    const settlement = { bankId: source.bankId, accountId: 'DEFAULT_SETTLEMENT_ACCOUNT_EUR' };
    expect(await balanceOf(server.store, settlement)).toBe(600n);
    const debitTx = (await transactionsOf(server.store, source)).find((t) => t.transactionId === a.body.transaction_ids[0])!;
    expect(debitTx).toMatchObject({
      counterpartyName: 'Outside Payee',
      counterpartyIban: payee.otherAccountSecondaryRoutingAddress,
    });
  });
});

describe('payees created through OBP v2.2.0', () => {
  it('a counterparty created with POST /obp/v2.2.0/.../counterparties is paid by COUNTERPARTY and by SEPA', async () => {
    const iban = `DE${randomUUID().replace(/-/g, '').slice(0, 20)}`;
    const created = await server.call(
      'POST',
      `/obp/v2.2.0/banks/${source.bankId}/accounts/${source.accountId}/owner/counterparties`,
      {
        token: owner.token,
        body: {
          name: `Landlord ${randomUUID().slice(0, 8)}`,
          description: 'rent',
          other_account_routing_scheme: 'OBP',
          other_account_routing_address: eurTarget.accountId,
          other_account_secondary_routing_scheme: 'IBAN',
          other_account_secondary_routing_address: iban,
          other_bank_routing_scheme: 'OBP',
          other_bank_routing_address: eurTarget.bankId,
          other_branch_routing_scheme: '',
          other_branch_routing_address: '',
          is_beneficiary: true,
          bespoke: [],
        },
      },
    );
    expect(created.status, created.text).toBe(201);
    const before = await balanceOf(server.store, eurTarget);
    const value = { currency: 'EUR', amount: '4.25' };
    const byId = await server.call('POST', requestsPath(source, 'COUNTERPARTY'), {
      token: owner.token,
      body: { to: { counterparty_id: created.body.counterparty_id }, value, description: 'rent 1', charge_policy: 'SHARED' },
    });
    expect(byId.status, byId.text).toBe(201);
    expect(byId.body.details.to_counterparty).toEqual({ counterparty_id: created.body.counterparty_id });
    const byIban = await server.call('POST', requestsPath(source, 'SEPA'), {
      token: owner.token,
      body: { to: { iban }, value, description: 'rent 2', charge_policy: 'RECEIVER' },
    });
    expect(byIban.status, byIban.text).toBe(201);
    expect(byIban.body.details.to_sepa).toEqual({ iban });
    expect(await balanceOf(server.store, eurTarget)).toBe(before + 850n);
  });
});

describe('the payment in other lists', () => {
  it('each leg names the other side under the id /other_accounts lists, with an ALIAS_ public alias', async () => {
    const to = await seedAccount(server, otherBankId, { holderName: 'Dora Listed', owner });
    const res = await server.call('POST', requestsPath(source, 'SANDBOX_TAN'), {
      token: owner.token,
      body: {
        to: { bank_id: to.bankId, account_id: to.accountId },
        value: { currency: 'EUR', amount: '1.00' },
        description: 'listed',
      },
    });
    expect(res.status).toBe(201);
    const others = await server.call('GET', `${v210}/banks/${source.bankId}/accounts/${source.accountId}/owner/other_accounts`, {
      token: owner.token,
    });
    expect(others.status).toBe(200);
    const dora = others.body.other_accounts.find((o: any) => o.holder.name === 'Dora Listed');
    expect(dora).toBeDefined();
    expect(dora.metadata.public_alias).toMatch(/^ALIAS_[0-9A-F]{6,}$/);
    const tx = await server.call(
      'GET',
      `${v210}/banks/${source.bankId}/accounts/${source.accountId}/owner/transactions/${res.body.transaction_ids[0]}/transaction`,
      { token: owner.token },
    );
    expect(tx.status).toBe(200);
    expect(tx.body.other_account.id).toBe(dora.id);
    expect(tx.body.details.value).toEqual({ currency: 'EUR', amount: '-1.00' });
    // and the destination sees the source
    const back = await server.call('GET', `${v210}/banks/${to.bankId}/accounts/${to.accountId}/owner/other_accounts`, {
      token: owner.token,
    });
    expect(back.body.other_accounts.map((o: any) => o.holder.name)).toEqual(['Alice Source']);
  });
});

describe('createTransactionRequest checks, in OBP order', () => {
  const sandbox = (amount: string, currency = 'EUR', to: SeededAccount = eurTarget) => ({
    to: { bank_id: to.bankId, account_id: to.accountId },
    value: { currency, amount },
    description: 'checks',
  });

  it('login 401, no view and no role 400 OBP-40002, role only 201, role at another bank 400', async () => {
    const path = requestsPath(source, 'SANDBOX_TAN');
    expect((await server.call('POST', path, { body: sandbox('1') })).status).toBe(401);
    expect((await server.call('POST', path, { token: stranger.token, body: sandbox('1') })).body).toEqual(err('OBP-40002'));
    const roleOnly = await server.user({ roles: [['CanCreateAnyTransactionRequest', bankId]] });
    const ok = await server.call('POST', path, { token: roleOnly.token, body: sandbox('1') });
    expect(ok.status, ok.text).toBe(201);
    const elsewhere = await server.user({ roles: [['CanCreateAnyTransactionRequest', otherBankId]] });
    expect((await server.call('POST', path, { token: elsewhere.token, body: sandbox('1') })).body).toEqual(err('OBP-40002'));
  });

  it('a view without the transaction-request permissions refuses with OBP-40002', async () => {
    const ownerView = systemView('owner')!;
    const permissions = new Set(ownerView.permissions);
    permissions.delete('can_add_transaction_request_to_any_account');
    permissions.delete('can_add_transaction_request_to_beneficiary');
    const viewer = await server.user();
    const custom = { ...ownerView, viewId: '_nopay', isSystem: false, permissions };
    await server.store.access.saveCustomView(source.bankId, source.accountId, '_nopay', JSON.stringify(toStoredView(custom)));
    await server.store.access.grant(viewer.userId, source.bankId, source.accountId, '_nopay');
    const res = await server.call('POST', requestsPath(source, 'SANDBOX_TAN', '_nopay'), {
      token: viewer.token,
      body: sandbox('1'),
    });
    expect(res.body).toEqual(err('OBP-40002'));
  });

  it('bank and account 404 before the authorisation', async () => {
    const missingBank = { ...source, bankId: 'no-such-bank' };
    expect(
      (await server.call('POST', requestsPath(missingBank, 'SANDBOX_TAN'), { token: stranger.token, body: sandbox('1') })).body,
    ).toEqual(err('OBP-30001', 404));
    const missingAccount = { ...source, accountId: 'no-such-account' };
    expect(
      (await server.call('POST', requestsPath(missingAccount, 'SANDBOX_TAN'), { token: stranger.token, body: sandbox('1') }))
        .body,
    ).toEqual(err('OBP-30018', 404));
  });

  it.each([
    ['-0', 'OBP-40008'],
    ['0', 'OBP-40008'],
    ['0.00', 'OBP-40008'],
    ['-5', 'OBP-40008'],
    ['0.001', 'OBP-10002'],
    ['1e309', 'OBP-10002'],
    ['1E2', 'OBP-10002'],
    ['NaN', 'OBP-10002'],
    ['Infinity', 'OBP-10002'],
    ['0x10', 'OBP-10002'],
    ['', 'OBP-10002'],
    ['12345678901234567890', 'OBP-10002'],
    ['100000.01', 'OBP-10035'],
  ])('amount %j → %s, nothing moves', async (amount, code) => {
    const before = await balanceOf(server.store, source);
    const res = await server.call('POST', requestsPath(source, 'SANDBOX_TAN'), { token: owner.token, body: sandbox(amount) });
    expect(res.body).toEqual(err(code));
    expect(await balanceOf(server.store, source)).toBe(before);
  });

  it('currency: not ISO OBP-10003, not the account currency OBP-40003; unknown destination 404', async () => {
    const path = requestsPath(source, 'SANDBOX_TAN');
    expect((await server.call('POST', path, { token: owner.token, body: sandbox('1', 'XYZ') })).body).toEqual(err('OBP-10003'));
    const other = await server.call('POST', path, { token: owner.token, body: sandbox('1', 'AED') });
    expect(other.body).toEqual(err('OBP-40003'));
    expect(other.body.message).toContain('From Account Currency is EUR, but Requested Transaction Currency is: AED');
    const nowhere = {
      to: { bank_id: otherBankId, account_id: 'missing' },
      value: { currency: 'EUR', amount: '1' },
      description: 'x',
    };
    expect((await server.call('POST', path, { token: owner.token, body: nowhere })).body).toEqual(err('OBP-30018', 404));
    expect(
      (await server.call('POST', path, { token: owner.token, body: { value: { currency: 'EUR', amount: '1' } } })).body,
    ).toEqual(err('OBP-10001'));
  });

  it('COUNTERPARTY and SEPA: unknown payee, not a beneficiary, bad charge policy', async () => {
    const value = { currency: 'EUR', amount: '1' };
    const cp = (body: object) => server.call('POST', requestsPath(source, 'COUNTERPARTY'), { token: owner.token, body });
    expect((await cp({ to: { counterparty_id: 'nope' }, value, description: 'x', charge_policy: 'SHARED' })).body).toEqual(
      err('OBP-30017'),
    );
    const notBeneficiary = await seedPayee(server, source, eurTarget, { beneficiary: false });
    expect(
      (await cp({ to: { counterparty_id: notBeneficiary.counterpartyId }, value, description: 'x', charge_policy: 'SHARED' }))
        .body,
    ).toEqual(err('OBP-30013'));
    expect(
      (await cp({ to: { counterparty_id: notBeneficiary.counterpartyId }, value, description: 'x', charge_policy: 'BOGUS' }))
        .body,
    ).toEqual(err('OBP-40013'));
    // another account's payee is not this account's to pay
    const foreign = await seedPayee(server, eurTarget, aedTarget);
    expect(
      (await cp({ to: { counterparty_id: foreign.counterpartyId }, value, description: 'x', charge_policy: 'SHARED' })).body,
    ).toEqual(err('OBP-30017'));
    const sepa = await server.call('POST', requestsPath(source, 'SEPA'), {
      token: owner.token,
      body: { to: { iban: 'NO-SUCH-IBAN' }, value, description: 'x', charge_policy: 'SHARED' },
    });
    expect(sepa.body).toEqual(err('OBP-30012', 404));
  });

  it('an overdraft limit (extension) refuses a payment below it and moves nothing', async () => {
    const limited = await seedAccount(server, bankId, { opening: 1_000n, owner });
    await server.store.ledger.setOverdraftLimit(limited.bankId, limited.accountId, 500n);
    const pay = (amount: string) =>
      server.call('POST', requestsPath(limited, 'SANDBOX_TAN'), {
        token: owner.token,
        body: {
          to: { bank_id: eurTarget.bankId, account_id: eurTarget.accountId },
          value: { currency: 'EUR', amount },
          description: 'od',
        },
      });
    expect((await pay('15.01')).body).toEqual(err('OBP-40901'));
    expect(await balanceOf(server.store, limited)).toBe(1_000n);
    expect((await pay('15.00')).status).toBe(201);
    expect(await balanceOf(server.store, limited)).toBe(-500n);
    expect((await pay('0.01')).body).toEqual(err('OBP-40901'));
    expect(await ledgerProblems(server.store, [limited])).toEqual([]);
  });

  it('posted transactions cannot be updated or deleted, even by SQL', async () => {
    const db = server.store.connection.db;
    await expect(sql`UPDATE transactions SET amount = 0 WHERE bank_id = ${source.bankId}`.execute(db)).rejects.toThrow(
      /never updated/,
    );
    await expect(sql`DELETE FROM transactions WHERE bank_id = ${source.bankId}`.execute(db)).rejects.toThrow(/never updated/);
  });
});

describe('request types and lists', () => {
  it('getTransactionRequestTypesSupportedByBank lists the configured types, anonymously; unknown bank 404', async () => {
    const res = await server.call('GET', `${v210}/banks/${bankId}/transaction-request-types`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      transaction_request_types: ['SANDBOX_TAN', 'COUNTERPARTY', 'SEPA', 'FREE_FORM'].map((t) => ({
        transaction_request_type: t,
      })),
    });
    expect((await server.call('GET', `${v210}/banks/nope/transaction-request-types`)).status).toBe(404);
  });

  it('getTransactionRequestTypes shows each type with the default charge in the account currency', async () => {
    const path = `${v210}/banks/${bankId}/accounts/${source.accountId}/owner/transaction-request-types`;
    const res = await server.call('GET', path, { token: owner.token });
    expect(res.status).toBe(200);
    expect(res.body.transaction_request_types[0]).toEqual({
      value: 'SANDBOX_TAN',
      charge: { summary: 'Warning! Default value!', value: { currency: 'EUR', amount: '0.00' } },
    });
    expect(res.body.transaction_request_types).toHaveLength(4);
    expect((await server.call('GET', path)).status).toBe(401);
    expect((await server.call('GET', path, { token: stranger.token })).status).toBe(403);
  });

  it('getTransactionRequests: login, view access (old style 400)', async () => {
    const path = `${v210}/banks/${bankId}/accounts/${source.accountId}/owner/transaction-requests`;
    expect((await server.call('GET', path)).status).toBe(401);
    const res = await server.call('GET', path, { token: stranger.token });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/^OBP-20017/);
  });
});

describe('configuration', () => {
  let quiet: TestServer;
  beforeAll(async () => {
    quiet = await startTestServer({ OBP_TRANSACTIONREQUESTS_SUPPORTED_TYPES: '' });
  }, 60_000);
  afterAll(() => quiet?.stop());

  it('no types configured: the bank lists none (Q22) and every type is refused with OBP-40001', async () => {
    const user = await quiet.user();
    const b = await seedBank(quiet);
    const a = await seedAccount(quiet, b, { owner: user, opening: 1000n });
    expect((await quiet.call('GET', `${v210}/banks/${b}/transaction-request-types`)).body).toEqual({
      transaction_request_types: [],
    });
    const res = await quiet.call('POST', requestsPath(a, 'FREE_FORM'), {
      token: user.token,
      body: { value: { currency: 'EUR', amount: '1' }, description: 'x' },
    });
    expect(res.body).toEqual(err('OBP-40001'));
    expect(res.body.message).toContain("'FREE_FORM'");
  });

  it('disabled: every payment endpoint answers OBP-40018', async () => {
    const off = await quiet.restart({ OBP_TRANSACTIONREQUESTS_ENABLED: 'false' });
    quiet = off;
    const user = await off.user();
    const b = await seedBank(off);
    const a = await seedAccount(off, b, { owner: user, opening: 1000n });
    const create = await off.call('POST', requestsPath(a, 'FREE_FORM'), {
      token: user.token,
      body: { value: { currency: 'EUR', amount: '1' }, description: 'x' },
    });
    expect(create.body).toEqual(err('OBP-40018'));
    const list = await off.call('GET', `${v210}/banks/${b}/accounts/${a.accountId}/owner/transaction-requests`, {
      token: user.token,
    });
    expect(list.body).toEqual(err('OBP-40018'));
  });
});
