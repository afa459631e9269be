import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, testConsumer, type TestServer, type TestUser } from '../helpers/server.js';

interface MetricJson {
  user_id: string;
  url: string;
  date: string;
  user_name: string;
  app_name: string;
  developer_email: string;
  implemented_by_partial_function: string;
  implemented_in_version: string;
  consumer_id: string;
  verb: string;
  correlation_id: string;
  duration: number;
}

let server: TestServer;
let reader: TestUser;
let caller: TestUser;
let bootstrapConsumerId: string;
/** correlation ids of the calls made in beforeAll */
let userCall: string;
let anonymousCall: string;

async function metrics(query = ''): Promise<{ status: number; body: any }> {
  await server.app.services.metrics.flush();
  return server.call('GET', `/obp/v2.1.0/management/metrics${query}`, { token: reader.token });
}

async function list(query: string): Promise<MetricJson[]> {
  const res = await metrics(query);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.metrics as MetricJson[];
}

const obpDate = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

beforeAll(async () => {
  server = await startTestServer();
  reader = await server.user({ roles: ['CanReadMetrics'] });
  caller = await server.user();
  bootstrapConsumerId = String((await server.store.consumers.getByKey(testConsumer.key))!.consumerId);
  const byUser = await server.call('GET', '/obp/v2.1.0/banks', { token: caller.token });
  userCall = byUser.headers.get('correlation-id')!;
  const byNobody = await server.call('GET', '/obp/v2.1.0/banks?marker=anonymous');
  anonymousCall = byNobody.headers.get('correlation-id')!;
  await server.call('GET', '/obp/v2.1.0/banks/no-such-bank', { token: caller.token });
  await server.call('GET', '/obp/v2.1.0/root', { token: caller.token });
  await server.call('GET', '/obp/v2.1.0/banks?page=2', { token: caller.token });
});
afterAll(async () => server.stop());

describe('GET /management/metrics', () => {
  it('records a logged-in call with its user, consumer and endpoint', async () => {
    const found = await list(`?correlation_id=${userCall}`);
    expect(found).toHaveLength(1);
    const m = found[0]!;
    expect(m).toEqual({
      user_id: caller.userId,
      url: '/obp/v2.1.0/banks',
      date: expect.stringMatching(obpDate),
      user_name: caller.username,
      app_name: 'bootstrap',
      developer_email: '',
      implemented_by_partial_function: 'getBanks',
      implemented_in_version: 'v1.2.1',
      consumer_id: bootstrapConsumerId,
      verb: 'GET',
      correlation_id: userCall,
      duration: expect.any(Number),
    });
    expect(m.duration).toBeGreaterThanOrEqual(0);
    expect(Math.abs(Date.parse(m.date) - Date.now())).toBeLessThan(5 * 60_000);
  });

  it('anon=true lists calls without a user, anon=false calls with one', async () => {
    const anon = await list('?anon=true&limit=1000');
    expect(anon.map((m) => m.correlation_id)).toContain(anonymousCall);
    expect(anon.map((m) => m.correlation_id)).not.toContain(userCall);
    for (const m of anon) expect(m.user_id).toBe('');
    const anonCall = anon.find((m) => m.correlation_id === anonymousCall)!;
    expect(anonCall).toMatchObject({ url: '/obp/v2.1.0/banks?marker=anonymous', user_name: '', app_name: '', consumer_id: '' });

    const named = await list('?anon=FALSE&limit=1000');
    expect(named.map((m) => m.correlation_id)).toContain(userCall);
    expect(named.map((m) => m.correlation_id)).not.toContain(anonymousCall);
    for (const m of named) expect(m.user_id).not.toBe('');
  });

  it('filters by user, consumer, app, url, function, version, verb and duration', async () => {
    const byUser = await list(`?user_id=${caller.userId}`);
    expect(byUser.map((m) => m.correlation_id)).toContain(userCall);
    expect(new Set(byUser.map((m) => m.user_id))).toEqual(new Set([caller.userId]));

    const byFunction = await list(`?implemented_by_partial_function=bankById&user_id=${caller.userId}`);
    expect(byFunction).toHaveLength(1);
    expect(byFunction[0]).toMatchObject({ url: '/obp/v2.1.0/banks/no-such-bank', verb: 'GET' });

    const byUrl = await list('?url=/obp/v2.1.0/banks&limit=1000');
    expect(byUrl.map((m) => m.correlation_id)).toContain(userCall);
    for (const m of byUrl) expect(m.url).toBe('/obp/v2.1.0/banks');

    const byConsumer = await list(`?consumer_id=${bootstrapConsumerId}&app_name=bootstrap&limit=1000`);
    expect(byConsumer.map((m) => m.correlation_id)).toContain(userCall);
    expect(byConsumer.map((m) => m.correlation_id)).not.toContain(anonymousCall);

    const byVersion = await list(`?implemented_in_version=v1.2.1&verb=GET&correlation_id=${userCall}`);
    expect(byVersion).toHaveLength(1);
    expect(await list(`?implemented_in_version=v2.1.0&correlation_id=${userCall}`)).toEqual([]);
    expect(await list(`?verb=POST&correlation_id=${userCall}`)).toEqual([]);

    const [one] = await list(`?correlation_id=${userCall}`);
    const byDuration = await list(`?duration=${one!.duration}&limit=1000`);
    expect(byDuration.map((m) => m.correlation_id)).toContain(userCall);
    for (const m of byDuration) expect(m.duration).toBe(one!.duration);
  });

  it('pages with limit and offset, newest first unless sort_direction (or direction) says ASC', async () => {
    // only the caller's calls, so the metrics queries made here do not change the set
    const mine = `user_id=${caller.userId}`;
    const all = await list(`?${mine}`);
    expect(all).toHaveLength(4);
    const dates = all.map((m) => Date.parse(m.date));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));

    expect(all[all.length - 1]!.correlation_id).toBe(userCall);
    const ids = all.map((m) => m.correlation_id);

    const asc = await list(`?${mine}&sort_direction=asc`);
    expect(asc.map((m) => m.correlation_id)).toEqual([...ids].reverse());
    expect((await list(`?${mine}&direction=ASC`)).map((m) => m.correlation_id)).toEqual([...ids].reverse());
    expect((await list(`?${mine}&sort_direction=DESC`)).map((m) => m.correlation_id)).toEqual(ids);

    expect((await list(`?${mine}&limit=2`)).map((m) => m.correlation_id)).toEqual(ids.slice(0, 2));
    expect((await list(`?${mine}&limit=2&offset=1`)).map((m) => m.correlation_id)).toEqual(ids.slice(1, 3));
    expect((await list(`?${mine}&limit=2&offset=1&sort_direction=ASC`)).map((m) => m.correlation_id)).toEqual(
      [...ids].reverse().slice(1, 3),
    );
    expect(await list(`?${mine}&offset=4`)).toEqual([]);
    expect(await list('?offset=100000')).toEqual([]);
  });

  it('defaults to 50 results', async () => {
    for (let i = 0; i < 55; i++) await server.call('GET', '/obp/v2.1.0/banks');
    expect(await list('')).toHaveLength(50);
    expect((await list('?limit=60')).length).toBeGreaterThan(50);
  });

  it('filters by from_date and to_date in both OBP formats', async () => {
    const past = '2000-01-01T00:00:00.000Z';
    const future = '2999-01-01T00:00:00.000Z';
    expect((await list(`?from_date=${past}&to_date=${future}&correlation_id=${userCall}`)).length).toBe(1);
    expect(await list(`?from_date=${future}`)).toEqual([]);
    expect(await list(`?to_date=${past}`)).toEqual([]);
    // the fallback format with a numeric offset, sent raw (`+`) or percent-encoded
    expect((await list(`?from_date=2000-01-01T00:00:00.000+0000&correlation_id=${userCall}`)).length).toBe(1);
    expect((await list(`?to_date=2999-01-01T00:00:00.000%2B0000&correlation_id=${userCall}`)).length).toBe(1);
  });

  it('rejects bad filter values with the OBP error', async () => {
    const cases: [string, string][] = [
      ['?sort_direction=up', 'OBP-10023: obp_sort_direction parameter can only take two values: DESC or ASC!'],
      ['?direction=sideways', 'OBP-10023: obp_sort_direction parameter can only take two values: DESC or ASC!'],
      ['?from_date=2017-01-01', "OBP-10026: Failed to parse date string. Please use this format yyyy-MM-dd'T'HH:mm:ss.SSS'Z'!"],
      ['?to_date=yesterday', "OBP-10026: Failed to parse date string. Please use this format yyyy-MM-dd'T'HH:mm:ss.SSS'Z'!"],
      ['?limit=0', 'OBP-10025: wrong value for obp_limit parameter. Please send a positive integer (=>1)!'],
      ['?limit=-5', 'OBP-10025: wrong value for obp_limit parameter. Please send a positive integer (=>1)!'],
      ['?limit=ten', 'OBP-10025: wrong value for obp_limit parameter. Please send a positive integer (=>1)!'],
      ['?limit=99999999999', 'OBP-10025: wrong value for obp_limit parameter. Please send a positive integer (=>1)!'],
      ['?offset=-1', 'OBP-10024: wrong value for obp_offset parameter. Please send a positive integer (=>0)!'],
      ['?offset=1.5', 'OBP-10024: wrong value for obp_offset parameter. Please send a positive integer (=>0)!'],
      ['?anon=maybe', 'OBP-10028: anon parameter can only take two values: TRUE or FALSE!'],
      ['?duration=fast', 'OBP-10029: wrong value for `duration` parameter. Please send a positive integer (=>0)!'],
      // OBP checks in this order: direction before dates before limit
      ['?limit=0&from_date=x&sort_direction=x', 'OBP-10023: obp_sort_direction parameter can only take two values: DESC or ASC!'],
      ['?limit=0&from_date=x', "OBP-10026: Failed to parse date string. Please use this format yyyy-MM-dd'T'HH:mm:ss.SSS'Z'!"],
    ];
    for (const [query, message] of cases) {
      const res = await metrics(query);
      expect(res.status, query).toBe(400);
      expect(res.body, query).toEqual({ code: 400, message });
    }
  });

  it('hostile filter values match nothing and break nothing', async () => {
    for (const value of [
      '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
      "'%3B%20drop%20table%20metrics%3B%20--",
      '%00',
      '%E2%9C%93%F0%9F%98%80',
      'x'.repeat(5000),
    ]) {
      expect(await list(`?user_id=${value}`), value.slice(0, 40)).toEqual([]);
      expect(await list(`?url=${value}&app_name=${value}`)).toEqual([]);
    }
    expect(await list('?duration=99999999999')).toEqual([]);
    expect(await list('?duration=-3')).toEqual([]);
    expect((await list(`?correlation_id=${userCall}`)).length).toBe(1);
  });

  it('needs a login (401) and CanReadMetrics (403)', async () => {
    const anonymous = await server.call('GET', '/obp/v2.1.0/management/metrics');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toEqual({ code: 401, message: 'OBP-20001: User not logged in. Authentication is required!' });
    const withoutRole = await server.call('GET', '/obp/v2.1.0/management/metrics', { token: caller.token });
    expect(withoutRole.status).toBe(403);
    expect(withoutRole.body).toEqual({ code: 403, message: 'OBP-20006: User is missing one or more roles: CanReadMetrics' });
    // a bad filter does not reveal anything before the role check
    const badFilter = await server.call('GET', '/obp/v2.1.0/management/metrics?limit=0', { token: caller.token });
    expect(badFilter.status).toBe(403);
  });

  it('records the metrics calls themselves with their function name', async () => {
    const res = await server.call('GET', '/obp/v2.1.0/management/metrics?limit=1', { token: reader.token });
    const id = res.headers.get('correlation-id')!;
    const [m] = await list(`?correlation_id=${id}`);
    expect(m).toMatchObject({
      implemented_by_partial_function: 'getMetrics',
      implemented_in_version: 'v2.1.0',
      user_id: reader.userId,
      url: '/obp/v2.1.0/management/metrics?limit=1',
    });
  });
});

describe('recording', () => {
  it('a failing metrics write never fails or delays the call being measured', async () => {
    const original = server.store.metrics.insertMany.bind(server.store.metrics);
    let attempts = 0;
    server.store.metrics.insertMany = () => {
      attempts++;
      return Promise.reject(new Error('metrics table unavailable'));
    };
    try {
      const res = await server.call('GET', '/obp/v2.1.0/banks?marker=metrics-down');
      expect(res.status).toBe(200);
      await expect(server.app.services.metrics.flush()).resolves.toBeUndefined();
      expect(attempts).toBeGreaterThan(0);
    } finally {
      server.store.metrics.insertMany = original;
    }
    // recording goes on once the store is back
    const after = await server.call('GET', '/obp/v2.1.0/banks?marker=metrics-back');
    const ids = (await list('?url=/obp/v2.1.0/banks?marker=metrics-back')).map((m) => m.correlation_id);
    expect(ids).toEqual([after.headers.get('correlation-id')]);
  });
});
