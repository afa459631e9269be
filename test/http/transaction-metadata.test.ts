import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { systemView, toStoredView } from '../../src/domain/views/definitions.js';
import { seedOwnedAccount, startTestServer, type TestServer, type TestUser } from '../helpers/server.js';

const v = '/obp/v2.1.0';
let server: TestServer;
let owner: TestUser;
let friend: TestUser;
let stranger: TestUser;
let bankId: string;
let accountId: string;

const base = (view = 'owner', tx = 'tx-0', bank = bankId, account = accountId) =>
  `${v}/banks/${bank}/accounts/${account}/${view}/transactions/${tx}/metadata`;

function code(c: string) {
  return expect.objectContaining({ message: expect.stringMatching(new RegExp(`^${c}:`)) });
}

async function customView(viewId: string, remove: string[], holders: TestUser[]) {
  const ownerView = systemView('owner')!;
  const permissions = new Set(ownerView.permissions);
  for (const f of remove) permissions.delete(f);
  const custom = { ...ownerView, viewId, isSystem: false, permissions };
  await server.store.access.saveCustomView(bankId, accountId, viewId, JSON.stringify(toStoredView(custom)));
  for (const h of holders) await server.store.access.grant(h.userId, bankId, accountId, viewId);
}

const writeFlags = [
  'can_add_comment',
  'can_add_tag',
  'can_add_image',
  'can_add_where_tag',
  'can_delete_comment',
  'can_delete_tag',
  'can_delete_image',
  'can_delete_where_tag',
  'can_edit_owner_comment',
];

beforeAll(async () => {
  server = await startTestServer();
  owner = await server.user();
  friend = await server.user();
  stranger = await server.user();
  ({ bankId, accountId } = await seedOwnedAccount(server, owner, ''));
  const start = Date.UTC(2020, 0, 1);
  await server.store.transactions.insertMany(
    [0, 1, 2, 3].map((n) => ({
      bankId,
      accountId,
      transactionId: `tx-${n}`,
      kind: 'DEBIT',
      description: `Payment ${n}`,
      currency: 'EUR',
      amount: -100n,
      newBalance: 1000n,
      postedAt: start + n * 86_400_000,
      completedAt: start + n * 86_400_000,
      counterpartyId: `cp-${n}`,
      counterpartyName: 'Corner Bakery',
      counterpartyAccountNumber: '',
      counterpartyIban: '',
      counterpartyBankName: '',
      counterpartyKind: '',
    })),
  );
  await customView('_reader', writeFlags, [owner, friend]);
  await customView('_commenter', ['can_delete_comment', 'can_delete_where_tag'], [owner, friend]);
  await customView('_nometa', ['can_see_transaction_metadata'], [owner]);
}, 60_000);

afterAll(() => server?.stop());

const endpoints: [string, string, unknown?][] = [
  ['GET', 'narrative'],
  ['POST', 'narrative', { narrative: 'x' }],
  ['PUT', 'narrative', { narrative: 'x' }],
  ['DELETE', 'narrative'],
  ['GET', 'comments'],
  ['POST', 'comments', { value: 'x' }],
  ['DELETE', 'comments/nope'],
  ['GET', 'tags'],
  ['POST', 'tags', { value: 'x' }],
  ['DELETE', 'tags/nope'],
  ['GET', 'images'],
  ['POST', 'images', { label: 'x', URL: 'https://example.com/a.png' }],
  ['DELETE', 'images/nope'],
  ['GET', 'where'],
  ['POST', 'where', { where: { latitude: 1, longitude: 2 } }],
  ['PUT', 'where', { where: { latitude: 1, longitude: 2 } }],
  ['DELETE', 'where'],
];

describe('common checks of all 17 endpoints', () => {
  it.each(endpoints)(
    '%s %s: 401, unknown bank/account/transaction, no view access, no metadata flag',
    async (verb, rest, body) => {
      const anon = await server.call(verb, `${base('owner', 'tx-3')}/${rest}`, { body });
      expect(anon.status).toBe(401);
      const bank = await server.call(verb, `${base('owner', 'tx-3', 'no-bank')}/${rest}`, { token: owner.token, body });
      expect(bank.status).toBe(404);
      expect(bank.body).toEqual(code('OBP-30001'));
      const account = await server.call(verb, `${base('owner', 'tx-3', bankId, 'no-acc')}/${rest}`, { token: owner.token, body });
      expect(account.status).toBe(404);
      expect(account.body).toEqual(code('OBP-30018'));
      const noAccess = await server.call(verb, `${base('owner', 'tx-3')}/${rest}`, { token: stranger.token, body });
      expect(noAccess.status).toBe(403);
      expect(noAccess.body).toEqual(code('OBP-20017'));
      const unknownView = await server.call(verb, `${base('_nope', 'tx-3')}/${rest}`, { token: owner.token, body });
      expect(unknownView.status).toBe(403);
      const tx = await server.call(verb, `${base('owner', 'tx-none')}/${rest}`, { token: owner.token, body });
      expect(tx.status).toBe(400);
      expect(tx.body).toEqual(code('OBP-30067'));
      const meta = await server.call(verb, `${base('_nometa', 'tx-3')}/${rest}`, { token: owner.token, body });
      expect(meta.status).toBe(400);
      expect(meta.body).toEqual(code('OBP-30022'));
      const after = await server.call('GET', `${v}/banks/${bankId}/accounts/${accountId}/owner/transactions/tx-3/transaction`, {
        token: owner.token,
      });
      expect(after.body.metadata).toEqual({ narrative: null, comments: [], tags: [], images: [], where: null });
    },
  );
});

describe('narrative', () => {
  it('never set → null; add 201, update 200, delete 204 → null again', async () => {
    const url = `${base()}/narrative`;
    expect((await server.call('GET', url, { token: owner.token })).body).toEqual({ narrative: null });
    const add = await server.call('POST', url, { token: owner.token, body: { narrative: 'lunch' } });
    expect(add.status).toBe(201);
    expect(add.body).toEqual({ success: 'narrative added' });
    // shared by all views
    expect((await server.call('GET', `${base('_reader')}/narrative`, { token: friend.token })).body).toEqual({
      narrative: 'lunch',
    });
    const upd = await server.call('PUT', url, { token: owner.token, body: { narrative: 'dinner' } });
    expect(upd.status).toBe(200);
    expect(upd.body).toEqual({ success: 'narrative updated' });
    expect((await server.call('GET', url, { token: owner.token })).body).toEqual({ narrative: 'dinner' });
    const del = await server.call('DELETE', url, { token: owner.token });
    expect(del.status).toBe(204);
    expect((await server.call('GET', url, { token: owner.token })).body).toEqual({ narrative: null });
  });

  it('a view without can_edit_owner_comment cannot write; bad bodies write nothing', async () => {
    const url = `${base('_reader', 'tx-1')}/narrative`;
    const res = await server.call('POST', url, { token: friend.token, body: { narrative: 'x' } });
    expect(res.status).toBe(400);
    expect(res.body).toEqual(code('OBP-30022'));
    for (const body of [{}, { narrative: 5 }, { narrative: 'x'.repeat(256) }]) {
      const bad = await server.call('PUT', `${base('owner', 'tx-1')}/narrative`, { token: owner.token, body });
      expect(bad.status).toBe(400);
      expect(bad.body).toEqual(code('OBP-10001'));
    }
    expect((await server.call('GET', `${base('owner', 'tx-1')}/narrative`, { token: owner.token })).body).toEqual({
      narrative: null,
    });
  });
});

describe.each([
  ['comments', 'comment', { value: 'nice' }],
  ['tags', 'tag', { value: 'food' }],
  ['images', 'image', { label: 'receipt', URL: 'https://example.com/r.png' }],
] as const)('%s', (plural, kind, body) => {
  it('add 201 with server id and poster, list, scoped to the view, delete 204', async () => {
    const url = `${base('owner', 'tx-1')}/${plural}`;
    const add = await server.call('POST', url, { token: owner.token, body: { ...body, id: 'mine' } });
    expect(add.status).toBe(201);
    expect(add.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(add.body.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(add.body.user).toEqual({ id: owner.userId, provider: expect.any(String), display_name: expect.anything() });
    if (kind === 'image') expect(add.body).toMatchObject({ label: 'receipt', URL: 'https://example.com/r.png' });
    else expect(add.body.value).toBe(body.value);
    const list = await server.call('GET', url, { token: owner.token });
    expect(list.status).toBe(200);
    expect(list.body).toEqual({ [plural]: [add.body] });
    const other = await server.call('GET', `${base('_reader', 'tx-1')}/${plural}`, { token: friend.token });
    expect(other.body).toEqual({ [plural]: [] });
    // not visible through another view → cannot be deleted there
    const elsewhere = await server.call('DELETE', `${base('_commenter', 'tx-1')}/${plural}/${add.body.id}`, {
      token: friend.token,
    });
    expect(elsewhere.status).toBe(400);
    const del = await server.call('DELETE', `${url}/${add.body.id}`, { token: owner.token });
    expect(del.status).toBe(204);
    expect((await server.call('GET', url, { token: owner.token })).body).toEqual({ [plural]: [] });
    const again = await server.call('DELETE', `${url}/${add.body.id}`, { token: owner.token });
    expect(again.status).toBe(400);
  });

  it(`a view without can_add_${kind} cannot add`, async () => {
    const res = await server.call('POST', `${base('_reader', 'tx-1')}/${plural}`, { token: friend.token, body });
    expect(res.status).toBe(400);
    expect(res.body).toEqual(code('OBP-30022'));
    expect((await server.call('GET', `${base('_reader', 'tx-1')}/${plural}`, { token: friend.token })).body).toEqual({
      [plural]: [],
    });
  });

  it('bad bodies → 400 and nothing written', async () => {
    const bads: unknown[] = [
      {},
      kind === 'image' ? { label: 'x' } : { value: 7 },
      kind === 'image' ? { label: 'x'.repeat(256), URL: 'https://a.b' } : { value: 'x'.repeat(256) },
    ];
    for (const b of bads) {
      const res = await server.call('POST', `${base('owner', 'tx-2')}/${plural}`, { token: owner.token, body: b });
      expect(res.status).toBe(400);
      expect(res.body).toEqual(code('OBP-10001'));
    }
    if (kind === 'image') {
      for (const URL of ['not a url', 'www.example.com/x.png', '/relative', '']) {
        const res = await server.call('POST', `${base('owner', 'tx-2')}/images`, {
          token: owner.token,
          body: { label: 'x', URL },
        });
        expect(res.status).toBe(400);
        expect(res.body).toEqual(code('OBP-10017'));
      }
    }
    expect((await server.call('GET', `${base('owner', 'tx-2')}/${plural}`, { token: owner.token })).body).toEqual({
      [plural]: [],
    });
  });
});

describe('poster-or-flag delete (Q6)', () => {
  it('without can_delete_comment only the poster may delete', async () => {
    const url = `${base('_commenter', 'tx-2')}/comments`;
    const byOwner = await server.call('POST', url, { token: owner.token, body: { value: 'owner says' } });
    const byFriend = await server.call('POST', url, { token: friend.token, body: { value: 'friend says' } });
    expect([byOwner.status, byFriend.status]).toEqual([201, 201]);
    const denied = await server.call('DELETE', `${url}/${byOwner.body.id}`, { token: friend.token });
    expect(denied.status).toBe(400);
    expect(denied.body.message).toMatch(/not permitted/);
    const own = await server.call('DELETE', `${url}/${byFriend.body.id}`, { token: friend.token });
    expect(own.status).toBe(204);
    const list = await server.call('GET', url, { token: owner.token });
    expect(list.body.comments.map((c: { id: string }) => c.id)).toEqual([byOwner.body.id]);
  });

  it('with can_delete_tag anyone on the view may delete', async () => {
    await server.store.access.grant(friend.userId, bankId, accountId, 'owner');
    const url = `${base('owner', 'tx-2')}/tags`;
    const tag = await server.call('POST', url, { token: owner.token, body: { value: 't' } });
    const del = await server.call('DELETE', `${url}/${tag.body.id}`, { token: friend.token });
    expect(del.status).toBe(204);
    await server.store.access.revoke(friend.userId, bankId, accountId, 'owner');
  });
});

describe('where tag', () => {
  it('null when unset; POST 201, PUT 200 upsert; DELETE 204; delete with none → 400', async () => {
    const url = `${base('owner', 'tx-1')}/where`;
    expect((await server.call('GET', url, { token: owner.token })).body).toEqual({ where: null });
    const add = await server.call('POST', url, { token: owner.token, body: { where: { latitude: 52.5, longitude: 13.4 } } });
    expect(add.status).toBe(201);
    expect(add.body).toEqual({ success: 'where tag added' });
    const got = await server.call('GET', url, { token: owner.token });
    expect(got.body.where).toMatchObject({ latitude: 52.5, longitude: 13.4, user: { id: owner.userId } });
    const upd = await server.call('PUT', url, { token: owner.token, body: { where: { latitude: -90, longitude: 180 } } });
    expect(upd.status).toBe(200);
    expect(upd.body).toEqual({ success: 'where tag updated' });
    expect((await server.call('GET', url, { token: owner.token })).body.where).toMatchObject({ latitude: -90, longitude: 180 });
    expect((await server.call('GET', `${base('_reader', 'tx-1')}/where`, { token: friend.token })).body).toEqual({ where: null });
    expect((await server.call('DELETE', url, { token: owner.token })).status).toBe(204);
    expect((await server.call('GET', url, { token: owner.token })).body).toEqual({ where: null });
    const none = await server.call('DELETE', url, { token: owner.token });
    expect(none.status).toBe(400);
  });

  it('impossible coordinates and bad bodies → 400, nothing written; no can_add_where_tag → 400', async () => {
    const url = `${base('owner', 'tx-0')}/where`;
    for (const where of [
      { latitude: 91, longitude: 0 },
      { latitude: 0, longitude: -180.5 },
    ]) {
      const res = await server.call('POST', url, { token: owner.token, body: { where } });
      expect(res.status).toBe(400);
      expect(res.body.message).toBe('Coordinates not possible');
    }
    for (const body of [{}, { where: { latitude: '1', longitude: 2 } }, { latitude: 1, longitude: 2 }]) {
      const res = await server.call('PUT', url, { token: owner.token, body });
      expect(res.status).toBe(400);
      expect(res.body).toEqual(code('OBP-10001'));
    }
    expect((await server.call('GET', url, { token: owner.token })).body).toEqual({ where: null });
    const ro = await server.call('POST', `${base('_reader', 'tx-0')}/where`, {
      token: friend.token,
      body: { where: { latitude: 1, longitude: 1 } },
    });
    expect(ro.status).toBe(400);
    expect(ro.body).toEqual(code('OBP-30022'));
  });

  it('20 parallel upserts leave exactly one where tag', async () => {
    const url = `${base('owner', 'tx-2')}/where`;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        server.call('POST', url, { token: owner.token, body: { where: { latitude: i, longitude: i } } }),
      ),
    );
    expect(results.every((r) => r.status === 201)).toBe(true);
    const got = await server.call('GET', url, { token: owner.token });
    expect(got.body.where.latitude).toBe(got.body.where.longitude);
    await server.call('DELETE', url, { token: owner.token });
  });
});

describe('transaction JSON shows stored metadata', () => {
  it('list and single transaction carry narrative, comments, tags, images and where of the view', async () => {
    const m = base('owner', 'tx-0');
    await server.call('POST', `${m}/narrative`, { token: owner.token, body: { narrative: 'groceries' } });
    const comment = await server.call('POST', `${m}/comments`, { token: owner.token, body: { value: 'c1' } });
    const tag = await server.call('POST', `${m}/tags`, { token: owner.token, body: { value: 't1' } });
    const image = await server.call('POST', `${m}/images`, {
      token: owner.token,
      body: { label: 'i', URL: 'https://x.example/i.png' },
    });
    await server.call('POST', `${m}/where`, { token: owner.token, body: { where: { latitude: 1.5, longitude: 2.5 } } });
    const list = await server.call('GET', `${v}/banks/${bankId}/accounts/${accountId}/owner/transactions`, {
      token: owner.token,
    });
    expect(list.status).toBe(200);
    const t = list.body.transactions.find((x: { id: string }) => x.id === 'tx-0');
    expect(t.metadata).toEqual({
      narrative: 'groceries',
      comments: [comment.body],
      tags: [tag.body],
      images: [image.body],
      where: { latitude: 1.5, longitude: 2.5, date: expect.any(String), user: comment.body.user },
    });
    const one = await server.call('GET', `${v}/banks/${bankId}/accounts/${accountId}/owner/transactions/tx-0/transaction`, {
      token: owner.token,
    });
    expect(one.body.metadata).toEqual(t.metadata);
    // another view: the shared narrative, not the owner view's items
    const other = await server.call('GET', `${v}/banks/${bankId}/accounts/${accountId}/_reader/transactions`, {
      token: friend.token,
    });
    const o = other.body.transactions.find((x: { id: string }) => x.id === 'tx-0');
    expect(o.metadata).toEqual({ narrative: 'groceries', comments: [], tags: [], images: [], where: null });
  });

  it('reads metadata once for a whole page, and not at all for the core list', async () => {
    const forPage = vi.spyOn(server.store.transactionMetadata, 'forPage');
    const notes = vi.spyOn(server.store.transactionMetadata, 'notes');
    try {
      const list = await server.call('GET', `${v}/banks/${bankId}/accounts/${accountId}/owner/transactions`, {
        token: owner.token,
      });
      expect(list.body.transactions).toHaveLength(4);
      expect(forPage).toHaveBeenCalledTimes(1);
      expect(notes).not.toHaveBeenCalled();
      await server.call('GET', `${v}/my/banks/${bankId}/accounts/${accountId}/transactions`, { token: owner.token });
      expect(forPage).toHaveBeenCalledTimes(1);
    } finally {
      forPage.mockRestore();
      notes.mockRestore();
    }
  });
});

describe('a page reads metadata only where there is some', () => {
  it('no metadata statement for a page without any; only the transactions with some through the view', async () => {
    const other = await seedOwnedAccount(server, owner, '');
    await server.store.transactions.insertMany(
      ['a', 'b', 'c'].map((n, i) => ({
        bankId: other.bankId,
        accountId: other.accountId,
        transactionId: `tx-${n}`,
        kind: 'DEBIT',
        description: `Payment ${n}`,
        currency: 'EUR',
        amount: -100n,
        newBalance: 1000n,
        postedAt: Date.UTC(2021, 0, 1 + i),
        completedAt: Date.UTC(2021, 0, 1 + i),
        counterpartyId: `cp-${n}`,
        counterpartyName: 'Corner Bakery',
        counterpartyAccountNumber: '',
        counterpartyIban: '',
        counterpartyBankName: '',
        counterpartyKind: '',
      })),
    );
    const list = () =>
      server.call('GET', `${v}/banks/${other.bankId}/accounts/${other.accountId}/owner/transactions`, { token: owner.token });
    const forPage = vi.spyOn(server.store.transactionMetadata, 'forPage');
    try {
      const before = await list();
      expect(before.body.transactions).toHaveLength(3);
      expect(forPage).not.toHaveBeenCalled();
      const m = base('owner', 'tx-b', other.bankId, other.accountId);
      const comment = await server.call('POST', `${m}/comments`, { token: owner.token, body: { value: 'only here' } });
      expect(comment.status).toBe(201);
      const after = await list();
      expect(forPage).toHaveBeenCalledTimes(1);
      expect(forPage.mock.calls[0]![3]).toEqual(['tx-b']);
      const comments = (after.body.transactions as { id: string; metadata: { comments: unknown[] } }[]).map((t) => [
        t.id,
        t.metadata.comments,
      ]);
      expect(comments).toEqual([
        ['tx-c', []],
        ['tx-b', [comment.body]],
        ['tx-a', []],
      ]);
    } finally {
      forPage.mockRestore();
    }
  });
});

describe('where tag delete without can_delete_where_tag', () => {
  it('only the poster may delete', async () => {
    const url = `${base('_commenter', 'tx-3')}/where`;
    expect((await server.call('POST', url, { token: owner.token, body: { where: { latitude: 3, longitude: 4 } } })).status).toBe(
      201,
    );
    const denied = await server.call('DELETE', url, { token: friend.token });
    expect(denied.status).toBe(400);
    expect((await server.call('GET', url, { token: friend.token })).body.where).toMatchObject({ latitude: 3, longitude: 4 });
    expect((await server.call('DELETE', url, { token: owner.token })).status).toBe(204);
  });
});
