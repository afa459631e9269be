import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiVersions, isPlaceholder, type Endpoint } from '../../src/api/endpoint.js';
import { allEndpoints } from '../../src/api/index.js';
import { catalogueMessage, isErrorCode } from '../../src/errors/obp-error.js';
import { versionRouteTable } from '../../src/http/route-table.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const served: Endpoint[] = versionRouteTable(allEndpoints, 'v2.1.0');
const openApiUrl = '/obp/v2.1.0/resource-docs/v2.1.0/openapi';
const swaggerUrl = '/obp/v2.1.0/resource-docs/v2.1.0/swagger';
const versionError = 'OBP-00027: Invalid API Version string. We could not find the version specified.';

const templated = (path: string) =>
  path
    .split('/')
    .map((s) => (isPlaceholder(s) ? `{${s}}` : s))
    .join('/');

type Operation = { path: string; method: string; op: any };
const operations = (doc: any): Operation[] =>
  Object.entries<any>(doc.paths).flatMap(([path, item]) =>
    Object.entries<any>(item).map(([method, op]) => ({ path, method, op })),
  );

let server: TestServer;
let doc: any;
beforeAll(async () => {
  server = await startTestServer();
  const res = await server.call('GET', openApiUrl);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  doc = JSON.parse(res.text);
});
afterAll(async () => server.stop());

describe('OpenAPI 3.1 document', () => {
  it('validates against the official OpenAPI 3.1 schema, for every version', async () => {
    for (const version of apiVersions) {
      const res = await server.call('GET', `/obp/v2.1.0/resource-docs/${version}/openapi`);
      expect(res.status, version).toBe(200);
      const validator = new Validator();
      const result = await validator.validate(res.body);
      expect(result.errors, version).toBeUndefined();
      expect(result.valid, version).toBe(true);
      expect(validator.version).toBe('3.1');
    }
    // the validator is not vacuous: a broken operation is refused
    const broken = structuredClone(doc);
    broken.paths['/banks'].get.responses = { ok: { description: 'x' } };
    broken.paths['/banks'].get.parameters = [{ name: 'X', in: 'nowhere' }];
    expect((await new Validator().validate(broken)).valid).toBe(false);
  });

  it('every schema in it is a valid JSON Schema 2020-12 (the OpenAPI schema does not check Schema Objects)', () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    const schemas: [string, unknown][] = [['ErrorMessage', doc.components.schemas.ErrorMessage]];
    for (const { op } of operations(doc)) {
      for (const p of op.parameters) schemas.push([`${op.operationId} ${p.name}`, p.schema]);
      const request = op.requestBody?.content['application/json'];
      if (request) schemas.push([`${op.operationId} request`, request.schema]);
      for (const [status, response] of Object.entries<any>(op.responses)) {
        const schema = response.content?.['application/json']?.schema;
        if (schema && !schema.$ref) schemas.push([`${op.operationId} ${status}`, schema]);
      }
    }
    for (const [where, schema] of schemas) {
      expect(ajv.validateSchema(schema as object), `${where}: ${ajv.errorsText()}`).toBe(true);
    }
  });

  it('info, servers from OBP_HOSTNAME, tags and the two security schemes', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info).toEqual(expect.objectContaining({ title: 'Open Bank Project API', version: 'v2.1.0' }));
    expect(doc.servers).toEqual([{ url: `${server.config.hostname}/obp/v2.1.0` }]);
    expect(doc.tags.map((t: any) => t.name)).toEqual([...new Set(served.flatMap((e) => e.tags))]);
    expect(doc.components.securitySchemes.directLogin).toEqual(
      expect.objectContaining({ type: 'apiKey', in: 'header', name: 'DirectLogin' }),
    );
    expect(doc.components.securitySchemes.oauth1).toEqual(expect.objectContaining({ type: 'http', scheme: 'OAuth' }));
    expect(doc.components.securitySchemes.oauth1.description).toMatch(/OAuth 1\.0a/);
  });

  it('each operation is its declaration: id, summary, markdown description, tags, path parameters, auth, roles', () => {
    const byId = new Map(operations(doc).map((o) => [o.op.operationId, o]));
    expect([...byId.keys()].sort()).toEqual(served.map((e) => e.operationId).sort());
    for (const e of served) {
      const { path, method, op } = byId.get(e.operationId)!;
      expect({ path, method }, e.operationId).toEqual({ path: templated(e.path), method: e.verb.toLowerCase() });
      expect(op.summary).toBe(e.summary);
      expect(op.description.startsWith(e.description)).toBe(true);
      expect(op.tags).toEqual(e.tags);
      expect(op['x-obp-implemented-by']).toEqual({ version: `OBP${e.implementedIn}`, function: e.functionName });
      expect(op.parameters.map((p: any) => p.name)).toEqual(e.path.split('/').filter(isPlaceholder));
      for (const p of op.parameters) expect(p).toMatchObject({ in: 'path', required: true, schema: { type: 'string' } });
      if (e.auth === 'none') expect(op).not.toHaveProperty('security');
      if (e.auth === 'user') expect(op.security).toEqual([{ directLogin: [] }, { oauth1: [] }]);
      if (e.auth === 'optional') expect(op.security).toEqual([{ directLogin: [] }, { oauth1: [] }, {}]);
      if (e.roles) {
        const names = [...new Set(e.roles.anyOf.flat())];
        expect(op['x-obp-roles'].map((r: any) => r.role)).toEqual(names);
        expect(op.description).toContain('**Required roles**');
        for (const name of names) expect(op.description).toContain(`\`${name}\``);
      } else {
        expect(op).not.toHaveProperty('x-obp-roles');
      }
    }
  });

  it('request bodies and success responses carry the declared schema and example', () => {
    for (const e of served) {
      const { op } = operations(doc).find((o) => o.op.operationId === e.operationId)!;
      const request = op.requestBody?.content['application/json'];
      if (e.body) {
        expect(op.requestBody.required).toBe(true);
        expect(request.schema, e.operationId).toEqual(JSON.parse(JSON.stringify(e.body)));
      }
      if (request && e.example.request !== undefined) expect(request.example).toEqual(e.example.request);
      const success = op.responses[String(e.successStatus)];
      expect(success, e.operationId).toBeDefined();
      if (e.successStatus === 204) {
        expect(success).not.toHaveProperty('content');
        continue;
      }
      const body = success.content['application/json'];
      if (e.response) expect(body.schema).toEqual(JSON.parse(JSON.stringify(e.response)));
      if (e.example.response !== undefined) expect(body.example, e.operationId).toEqual(e.example.response);
    }
  });

  it('error responses: every OBP text under the status it is sent with, as an example', () => {
    for (const { op } of operations(doc)) {
      const e = served.find((x) => x.operationId === op.operationId)!;
      const shown = Object.entries<any>(op.responses)
        .filter(([status]) => Number(status) >= 400)
        .flatMap(([status, response]) =>
          Object.values<any>(response.content['application/json'].examples).map((x) => {
            expect(x.value.code).toBe(Number(status));
            expect(response.description.split('\n')).toContain(x.value.message);
            return x.value.message as string;
          }),
        );
      for (const declared of e.errors) expect(shown).toContain(isErrorCode(declared) ? catalogueMessage(declared) : declared);
      expect(shown).toContain('OBP-50000: Unknown Error.');
    }
    // bankById is old-style: not found answers 400
    const bankById = doc.paths['/banks/{BANK_ID}'].get;
    expect(bankById.responses['400'].content['application/json'].examples['OBP-30001'].value).toEqual({
      code: 400,
      message: 'OBP-30001: Bank not found. Please specify a valid value for BANK_ID.',
    });
    const createCustomer = operations(doc).find((o) => o.op.operationId === 'OBPv2.1.0-createCustomer')?.op;
    if (createCustomer) {
      expect(createCustomer.responses['401'].content['application/json'].examples['OBP-20001'].value.code).toBe(401);
      expect(createCustomer.responses['403'].content['application/json'].examples['OBP-20006'].value.code).toBe(403);
    }
  });
});

describe('the OpenAPI route follows the Swagger route', () => {
  it('served under the same prefixes, with the same filters', async () => {
    for (const prefix of ['v1.4.0', 'v2.0.0']) {
      const res = await server.call('GET', `/obp/${prefix}/resource-docs/v2.1.0/openapi`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(doc);
    }
    const filtered = await server.call('GET', `${openApiUrl}?tags=Documentation&functions=getResourceDocsSwagger,getBanks`);
    expect(Object.keys(filtered.body.paths)).toEqual(['/resource-docs/{API_VERSION}/swagger']);
    const swagger = await server.call('GET', `${swaggerUrl}?tags=Documentation&functions=getResourceDocsSwagger,getBanks`);
    expect(Object.keys(swagger.body.paths)).toEqual(Object.keys(filtered.body.paths));
    expect((await server.call('GET', `${openApiUrl}?content=dynamic`)).body.paths).toEqual({});
    expect((await server.call('GET', `${openApiUrl}?api-collection-id=x`)).body.paths).toEqual({});
  });

  it('older versions list their own route table', async () => {
    const res = await server.call('GET', '/obp/v2.1.0/resource-docs/v1.4.0/openapi');
    expect(res.body.info.version).toBe('v1.4.0');
    expect(res.body.servers).toEqual([{ url: `${server.config.hostname}/obp/v1.4.0` }]);
    const ids = operations(res.body).map((o) => o.op.operationId);
    expect(ids.sort()).toEqual(
      versionRouteTable(allEndpoints, 'v1.4.0')
        .map((e) => e.operationId)
        .sort(),
    );
  });

  it('bad version and locale answer as the Swagger route does', async () => {
    const bad = await server.call('GET', '/obp/v2.1.0/resource-docs/v9.9.9/openapi');
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ code: 400, message: `${versionError} Current Version is v9.9.9` });
    const later = await server.call('GET', '/obp/v2.1.0/resource-docs/v3.1.0/openapi');
    expect(later.status).toBe(400);
    expect(later.body.message).toMatch(/^OBP-00008: /);
    const locale = await server.call('GET', `${openApiUrl}?locale=zz`);
    expect(locale.status).toBe(400);
    expect(locale.body.message).toMatch(/^OBP-10041: .* Current Locale is zz$/);
  });

  it('credentials: anonymous and logged-in callers get the document; a bad token is refused as on Swagger', async () => {
    const user = await server.user();
    const withToken = await server.call('GET', openApiUrl, { token: user.token });
    expect(withToken.status).toBe(200);
    expect(withToken.body).toEqual(doc);
    const badOpenApi = await server.call('GET', openApiUrl, { token: 'no-such-token' });
    const badSwagger = await server.call('GET', swaggerUrl, { token: 'no-such-token' });
    expect(badOpenApi.status).toBe(badSwagger.status);
    expect(badOpenApi.body).toEqual(badSwagger.body);
    expect(badOpenApi.headers.get('www-authenticate')).toBe(badSwagger.headers.get('www-authenticate'));
  });

  it('sends an ETag and answers 304 to If-None-Match', async () => {
    const first = await server.call('GET', openApiUrl);
    const tag = first.headers.get('etag');
    expect(tag).toMatch(/^[0-9a-f]+$/);
    const again = await server.call('GET', openApiUrl, { headers: { 'If-None-Match': tag! } });
    expect(again.status).toBe(304);
  });

  it('stays anonymous when resource_docs_requires_role is set (as Swagger)', async () => {
    const guarded = await startTestServer({ OBP_RESOURCE_DOCS_REQUIRES_ROLE: 'true' });
    try {
      const res = await guarded.call('GET', openApiUrl);
      expect(res.status).toBe(200);
      expect(res.body.openapi).toMatch(/^3\.1\./);
      expect((await guarded.call('GET', '/obp/v2.1.0/resource-docs/v2.1.0/obp')).status).toBe(401);
    } finally {
      await guarded.stop();
    }
  });

  it('is no OBP operation: not in the resource docs, and documented in the Swagger endpoint\u2019s description', async () => {
    const docs = await server.call('GET', '/obp/v2.1.0/resource-docs/v2.1.0/obp');
    const urls = docs.body.resource_docs.map((d: any) => d.request_url);
    expect(urls.some((u: string) => u.endsWith('/openapi'))).toBe(false);
    const swaggerDoc = docs.body.resource_docs.find((d: any) => d.operation_id === 'OBPv1.4.0-getResourceDocsSwagger');
    expect(swaggerDoc.description_markdown).toContain('/resource-docs/API_VERSION/openapi');
  });
});
