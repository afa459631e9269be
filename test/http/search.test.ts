import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBank, startTestServer, type TestServer } from '../helpers/server.js';

const notLoggedIn = { code: 401, message: 'OBP-20001: User not logged in. Authentication is required!' };
const disabled = { code: 404, message: 'OBP-20056: Elasticsearch is disabled for this API instance.' };
const notFoundPrefix = 'OBP-10404: ';

let server: TestServer;
let bankId: string;
beforeAll(async () => {
  server = await startTestServer();
  bankId = await seedBank(server);
});
afterAll(async () => server.stop());

const searches = [
  { name: 'warehouse', role: 'CanSearchWarehouse', other: 'CanSearchMetrics' },
  { name: 'metrics', role: 'CanSearchMetrics', other: 'CanSearchWarehouse' },
] as const;

describe.each(searches)('GET /search/$name/QUERY (Elasticsearch not configured)', ({ name, role, other }) => {
  const path = `/obp/v2.1.0/search/${name}/q=findThis`;

  it('401 without login (exact text)', async () => {
    const res = await server.call('GET', path);
    expect(res.status).toBe(401);
    expect(res.body).toEqual(notLoggedIn);
  });

  it(`403 without ${role}, with only the other search role, or with ${role} granted at a bank`, async () => {
    const missing = { code: 403, message: `OBP-20006: User is missing one or more roles: ${role}` };
    const none = await server.user();
    const otherRole = await server.user({ roles: [other] });
    const atBank = await server.user({ roles: [[role, bankId]] });
    for (const caller of [none, otherRole, atBank]) {
      const res = await server.call('GET', path, { token: caller.token });
      expect(res.status).toBe(403);
      expect(res.body).toEqual(missing);
    }
  });

  it(`with ${role}: 404 OBP-20056, whatever the query; nothing is searched`, async () => {
    const searcher = await server.user({ roles: [role] });
    for (const query of ['q=findThis', encodeURIComponent('source={"query":{"match_all":{}}}'), 'esType=type&q=a', 'x']) {
      const res = await server.call('GET', `/obp/v2.1.0/search/${name}/${query}`, { token: searcher.token });
      expect(res.status, query).toBe(404);
      expect(res.body).toEqual(disabled);
      expect(res.headers.get('etag')).toBeNull();
    }
  });

  it('like OBP, the route needs the query segment: the documented path alone is unknown', async () => {
    const searcher = await server.user({ roles: [role] });
    for (const bare of [`/obp/v2.1.0/search/${name}`, `/obp/v2.1.0/search/${name}/a/b`]) {
      const res = await server.call('GET', bare, { token: searcher.token });
      expect(res.status, bare).toBe(404);
      expect(res.body.message.startsWith(notFoundPrefix)).toBe(true);
    }
  });
});

it('the resource docs show the documented paths with the disabled answer', async () => {
  const res = await server.call('GET', '/obp/v2.1.0/resource-docs/v2.1.0/obp');
  const docs = (res.body.resource_docs as { operation_id: string; request_url: string; description: string }[]).filter((d) =>
    d.operation_id.startsWith('OBPv2.0.0-elasticSearch'),
  );
  expect(docs.map((d) => d.request_url).sort()).toEqual(['/search/metrics', '/search/warehouse']);
  for (const d of docs) expect(d.description).toContain('OBP-20056');
});
