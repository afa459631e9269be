import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBank, startTestServer, type TestServer, type TestUser } from '../helpers/server.js';

const v = '/obp/v2.1.0';

function viewBody(overrides: Record<string, unknown> = {}) {
  return {
    name: '_family',
    description: 'For family',
    is_public: false,
    which_alias_to_use: 'public',
    hide_metadata_if_alias_used: true,
    allowed_actions: ['can_see_narrative', 'can_see_transaction_label', 'can_add_comment', 'can_create_custom_view', 'bogus'],
    ...overrides,
  };
}

describe('views', () => {
  let server: TestServer;
  let bankId: string;
  let alice: TestUser;
  let mallory: TestUser;
  let accountId: string;

  beforeAll(async () => {
    server = await startTestServer();
    bankId = await seedBank(server);
    alice = await server.user();
    mallory = await server.user();
    accountId = `acc-${randomUUID()}`;
    const res = await server.call('PUT', `${v}/banks/${bankId}/accounts/${accountId}`, {
      token: alice.token,
      body: { user_id: '', label: 'L', type: 'CURRENT', balance: { currency: 'EUR', amount: '0' } },
    });
    expect(res.status).toBe(200);
  });
  afterAll(async () => server.stop());

  const views = () => `${v}/banks/${bankId}/accounts/${accountId}/views`;

  it('lists system views and custom views; 401 anonymous, 400 without the permission, 400 unknown account', async () => {
    const res = await server.call('GET', views(), { token: alice.token });
    expect(res.status).toBe(200);
    const ids = (res.body.views as { id: string }[]).map((x) => x.id);
    expect(ids).toContain('owner');
    expect(ids).toContain('ManageCustomViews');
    expect((await server.call('GET', views())).status).toBe(401);
    const denied = await server.call('GET', views(), { token: mallory.token });
    expect(denied.status).toBe(400);
    expect(denied.body.message).toContain('OBP-20022');
    const unknown = await server.call('GET', `${v}/banks/${bankId}/accounts/nope/views`, { token: alice.token });
    expect(unknown.body.message).toContain('OBP-30018');
  });

  it('creates a custom view with mapped actions; duplicates, bad names, public views and bad bodies are refused', async () => {
    const res = await server.call('POST', views(), { token: alice.token, body: viewBody() });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: '_family',
      short_name: '_family',
      alias: 'public',
      hide_metadata_if_alias_used: true,
      can_see_owner_comment: true,
      can_see_transaction_description: true,
      can_add_comment: true,
      can_see_bank_account_balance: false,
    });
    const stored = JSON.parse((await server.store.access.customView(bankId, accountId, '_family'))!) as { permissions: string[] };
    // a custom view cannot be given management rights that would let it hand out access
    expect(stored.permissions).not.toContain('can_create_custom_view');

    const dup = await server.call('POST', views(), { token: alice.token, body: viewBody() });
    expect(dup.status).toBe(400);
    expect(dup.body.message).toContain('OBP-30266');

    const noUnderscore = await server.call('POST', views(), { token: alice.token, body: viewBody({ name: 'work' }) });
    expect(noUnderscore.body.message).toContain('OBP-20020');
    const isPublic = await server.call('POST', views(), {
      token: alice.token,
      body: viewBody({ name: '_pub', is_public: true }),
    });
    expect(isPublic.status).toBe(400);
    expect(isPublic.body.message).toContain('OBP-00005');
    const bad = await server.call('POST', views(), { token: alice.token, body: { name: '_bad' } });
    expect(bad.status).toBe(400);
    const denied = await server.call('POST', views(), { token: mallory.token, body: viewBody({ name: '_m' }) });
    expect(denied.status).toBe(400);
    expect(denied.body.message).toContain('OBP-30259');
    expect((await server.call('POST', views(), { body: viewBody({ name: '_anon' }) })).status).toBe(401);
    for (const id of ['_pub', '_bad', '_m', '_anon', 'work']) {
      expect(await server.store.access.customView(bankId, accountId, id)).toBeUndefined();
    }
  });

  it('parallel creates of one view give exactly one success', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () => server.call('POST', views(), { token: alice.token, body: viewBody({ name: '_race' }) })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
  });

  it('updates a custom view (replacing flags), refuses system and unknown views', async () => {
    await server.call('POST', views(), { token: alice.token, body: viewBody({ name: '_upd' }) });
    const { name: _name, ...update } = viewBody({ which_alias_to_use: 'x', allowed_actions: ['can_see_tags'] });
    const res = await server.call('PUT', `${views()}/_upd`, { token: alice.token, body: update });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: '_upd', alias: '', can_see_tags: true, can_add_comment: false });
    const system = await server.call('PUT', `${views()}/owner`, { token: alice.token, body: update });
    expect(system.body.message).toContain('OBP-20021');
    const unknown = await server.call('PUT', `${views()}/_nope`, { token: alice.token, body: update });
    expect(unknown.body.message).toBe('OBP-30005: View not found for Account. Please specify a valid value for VIEW_ID');
    expect((await server.call('PUT', `${views()}/_upd`, { token: mallory.token, body: update })).status).toBe(400);
  });

  it('deletes an unused custom view (204), refuses one still granted', async () => {
    await server.call('POST', views(), { token: alice.token, body: viewBody({ name: '_del' }) });
    expect((await server.call('DELETE', `${views()}/_del`, { token: mallory.token })).status).toBe(400);
    expect((await server.call('DELETE', `${views()}/_del`)).status).toBe(401);
    expect((await server.call('DELETE', `${views()}/_del`, { token: alice.token })).status).toBe(204);
    expect(await server.store.access.customView(bankId, accountId, '_del')).toBeUndefined();
    expect((await server.call('DELETE', `${views()}/_del`, { token: alice.token })).status).toBe(400);
    await server.call('POST', views(), { token: alice.token, body: viewBody({ name: '_held' }) });
    await server.store.access.grant(mallory.userId, bankId, accountId, '_held');
    expect((await server.call('DELETE', `${views()}/_held`, { token: alice.token })).status).toBe(400);
    expect(await server.store.access.customView(bankId, accountId, '_held')).toBeDefined();
    const unknownAccount = await server.call('DELETE', `${v}/banks/${bankId}/accounts/nope/views/_x`, { token: alice.token });
    expect(unknownAccount.status).toBe(404);
  });
});
