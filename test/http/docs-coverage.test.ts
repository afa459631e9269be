/**
 * Every served endpoint is shown by every document a client reads, computed from the declarations
 * (allEndpoints and the version route tables): the same operation ids, each under its verb and path.
 * A new document (a page, another format) joins the check by adding one entry to `documentSources`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiVersions, type ApiVersion } from '../../src/api/endpoint.js';
import { allEndpoints } from '../../src/api/index.js';
import { mountedRoutes, servedVersion, servedVersions, versionRouteTable } from '../../src/http/route-table.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/** One operation as a document shows it; `path` in OBP's form (`/banks/BANK_ID`) or templated (`/banks/{BANK_ID}`). */
interface ShownOperation {
  operationId: string;
  verb: string;
  path: string;
}

interface DocumentSource {
  name: string;
  /** the operations the document shows for `version`, read over HTTP from the running server */
  shows: (server: TestServer, version: ApiVersion) => Promise<ShownOperation[]>;
}

async function fetchJson(server: TestServer, url: string): Promise<any> {
  const res = await server.call('GET', url);
  expect(res.status, url).toBe(200);
  return res.body;
}

/** Swagger 2.0 and OpenAPI 3.1 share the `paths` → method → operation layout. */
function pathOperations(document: any): ShownOperation[] {
  return Object.entries<any>(document.paths).flatMap(([path, item]) =>
    Object.entries<any>(item).map(([method, op]) => ({ operationId: op.operationId, verb: method.toUpperCase(), path })),
  );
}

const documentSources: DocumentSource[] = [
  {
    name: 'resource docs',
    shows: async (server, version) =>
      (await fetchJson(server, `/obp/${servedVersion}/resource-docs/${version}/obp`)).resource_docs.map((d: any) => ({
        operationId: d.operation_id,
        verb: d.request_verb,
        path: d.request_url,
      })),
  },
  {
    name: 'Swagger 2.0',
    shows: async (server, version) =>
      pathOperations(await fetchJson(server, `/obp/${servedVersion}/resource-docs/${version}/swagger`)),
  },
  {
    name: 'OpenAPI 3.1',
    shows: async (server, version) =>
      pathOperations(await fetchJson(server, `/obp/${servedVersion}/resource-docs/${version}/openapi`)),
  },
];

/** `/banks/{BANK_ID}` → `/banks/BANK_ID`, so every document is compared with the declared path. */
const obpPath = (path: string) => path.replace(/\{([A-Z_]+)\}/g, '$1');

const key = (op: ShownOperation) => `${op.operationId} ${op.verb.toUpperCase()} ${obpPath(op.path)}`;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.stop());

describe('every served endpoint appears in every document', () => {
  it('each served version mounts exactly its route table under its own prefix', () => {
    expect(servedVersions).toContain(servedVersion);
    for (const version of servedVersions) {
      const prefix = `/obp/${version}/`;
      const mounted = new Set(
        mountedRoutes(allEndpoints)
          .filter((r) => r.url.startsWith(prefix))
          .map((r) => r.endpoint.operationId),
      );
      expect([...mounted].sort(), version).toEqual(
        versionRouteTable(allEndpoints, version)
          .map((e) => e.operationId)
          .sort(),
      );
    }
  });

  it('a version prefix serves nothing implemented in a later version', () => {
    for (const route of mountedRoutes(allEndpoints)) {
      const version = route.url.split('/')[2] as ApiVersion;
      expect(apiVersions.indexOf(route.endpoint.implementedIn), route.url).toBeLessThanOrEqual(apiVersions.indexOf(version));
    }
  });

  for (const source of documentSources) {
    it(`${source.name}: each version shows exactly its route table, each operation once under its verb and path`, async () => {
      for (const version of apiVersions) {
        const expected = versionRouteTable(allEndpoints, version).map(key);
        const shown = (await source.shows(server, version)).map(key);
        expect(new Set(shown).size, `${source.name} ${version}: an operation shown twice`).toBe(shown.length);
        expect(shown.sort(), `${source.name} ${version}`).toEqual(expected.sort());
      }
    });
  }
});
