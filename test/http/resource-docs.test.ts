import { readFileSync } from 'node:fs';
import { Type } from '@sinclair/typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiVersions, isPlaceholder, type Endpoint } from '../../src/api/endpoint.js';
import { allEndpoints } from '../../src/api/index.js';
import { renderMarkdown } from '../../src/docs/markdown.js';
import { toSwaggerSchema } from '../../src/docs/swagger-schema.js';
import { isRoleName, requiresBankId } from '../../src/domain/roles.js';
import { catalogueMessage, isErrorCode } from '../../src/errors/obp-error.js';
import { versionRouteTable } from '../../src/http/route-table.js';
import { seedBank, startTestServer, type TestServer } from '../helpers/server.js';

interface SpecEndpoint {
  operation_id: string;
  verb: string;
  path: string;
}

const specEndpoints = JSON.parse(readFileSync(new URL('../../spec/endpoints.json', import.meta.url), 'utf8')) as SpecEndpoint[];
const served: Endpoint[] = versionRouteTable(allEndpoints, 'v2.1.0');
const docsUrl = '/obp/v2.1.0/resource-docs/v2.1.0/obp';
const swaggerUrl = '/obp/v2.1.0/resource-docs/v2.1.0/swagger';
const versionError = 'OBP-00027: Invalid API Version string. We could not find the version specified.';
const localeError = 'OBP-10041: This locale is not supported. Only the following can be used: en_GB , es_ES.';
const notLoggedIn = 'OBP-20001: User not logged in. Authentication is required!';

const ids = (body: { resource_docs: { operation_id: string }[] }) => body.resource_docs.map((d) => d.operation_id).sort();
const expectedIds = (endpoints: readonly Endpoint[]) => endpoints.map((e) => e.operationId).sort();

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.stop());

describe('resource docs list exactly the declared endpoints', () => {
  it('every served declaration is an OBP operation with the same verb and path', () => {
    const spec = new Map(specEndpoints.map((e) => [e.operation_id, e]));
    for (const e of served) {
      expect(spec.get(e.operationId), e.operationId).toBeDefined();
      expect({ verb: e.verb, path: e.path }, e.operationId).toEqual({
        verb: spec.get(e.operationId)!.verb,
        path: spec.get(e.operationId)!.path,
      });
    }
    const n = served.filter((e) => spec.has(e.operationId)).length;
    console.log(`implemented ${n} of ${specEndpoints.length} operation ids in endpoints.json`);
    expect(served.map((e) => e.operationId)).toEqual(expect.arrayContaining(['OBPv1.4.0-getResourceDocsObp']));
  });

  it('GET resource-docs/v2.1.0/obp lists the v2.1.0 route table', async () => {
    const res = await server.call('GET', docsUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(ids(res.body)).toEqual(expectedIds(served));
    expect(new Set(ids(res.body)).size).toBe(served.length);
  });

  it('docs of an older version list that version\u2019s table, specified under that version', async () => {
    for (const version of apiVersions) {
      const res = await server.call('GET', `/obp/v2.1.0/resource-docs/${version}/obp`);
      expect(res.status).toBe(200);
      const table = versionRouteTable(allEndpoints, version);
      expect(ids(res.body)).toEqual(expectedIds(table));
      for (const doc of res.body.resource_docs) expect(doc.specified_url).toBe(`/obp/${version}${doc.request_url}`);
    }
    // the docs routes themselves were introduced in v1.4.0
    const old = await server.call('GET', '/obp/v2.1.0/resource-docs/v1.2.1/obp');
    expect(ids(old.body)).not.toContain('OBPv1.4.0-getResourceDocsObp');
  });

  it('the fully qualified version string is accepted too', async () => {
    const short = await server.call('GET', docsUrl);
    const full = await server.call('GET', '/obp/v2.1.0/resource-docs/OBPv2.1.0/obp');
    expect(full.status).toBe(200);
    expect(full.body).toEqual(short.body);
  });
});

describe('each doc is its declaration', () => {
  let docs: Map<string, any>;
  beforeAll(async () => {
    const res = await server.call('GET', docsUrl);
    docs = new Map(res.body.resource_docs.map((d: any) => [d.operation_id, d]));
  });

  it('identity, verb, url, summary, tags, markdown and fixed fields', () => {
    for (const e of served) {
      const doc = docs.get(e.operationId);
      expect(doc, e.operationId).toBeDefined();
      expect(doc).toMatchObject({
        operation_id: e.operationId,
        implemented_by: { version: `OBP${e.implementedIn}`, function: e.functionName },
        request_verb: e.verb,
        request_url: e.path,
        summary: e.summary,
        description_markdown: e.description,
        tags: e.tags,
        is_featured: false,
        special_instructions: '',
        specified_url: `/obp/v2.1.0${e.path}`,
        connector_methods: [],
      });
      expect(typeof doc.description).toBe('string');
      expect(doc.description).not.toMatch(/<script/i);
      expect(doc).not.toHaveProperty('created_by_bank_id');
    }
  });

  it('example and typed bodies come from the declaration', () => {
    for (const e of served) {
      const doc = docs.get(e.operationId);
      expect(doc.example_request_body, e.operationId).toEqual(e.example.request ?? {});
      expect(doc.success_response_body, e.operationId).toEqual(e.example.response ?? {});
      if (e.body) expect(doc.typed_request_body).toEqual(JSON.parse(JSON.stringify(e.body)));
      if (e.response) expect(doc.typed_success_response_body).toEqual(JSON.parse(JSON.stringify(e.response)));
      const response = e.example.response;
      if (!e.response && response && typeof response === 'object' && !Array.isArray(response)) {
        // inferred from the example: one property per example key
        expect(doc.typed_success_response_body.type).toBe('object');
        expect(Object.keys(doc.typed_success_response_body.properties).sort()).toEqual(Object.keys(response).sort());
      }
    }
  });

  it('roles: every role of every alternative once, with requires_bank_id from the role catalogue', () => {
    for (const e of served) {
      const doc = docs.get(e.operationId);
      if (!e.roles) {
        expect(doc, e.operationId).not.toHaveProperty('roles');
        continue;
      }
      const names = [...new Set(e.roles.anyOf.flat())];
      expect(doc.roles).toEqual(names.map((role) => ({ role, requires_bank_id: requiresBankId(role) })));
    }
    expect(docs.get('OBPv1.4.0-getResourceDocsObp').roles).toEqual([{ role: 'CanReadResourceDoc', requires_bank_id: false }]);
    expect(docs.get('OBPv1.4.0-getBankLevelDynamicResourceDocsObp').roles).toEqual([
      { role: 'CanReadDynamicResourceDocsAtOneBank', requires_bank_id: true },
    ]);
  });

  it('error bodies: catalogue texts for codes, plain texts verbatim, implied login/role/unknown errors added', () => {
    for (const e of served) {
      const bodies: string[] = docs.get(e.operationId).error_response_bodies;
      expect(new Set(bodies).size, e.operationId).toBe(bodies.length);
      for (const declared of e.errors) {
        expect(bodies).toContain(isErrorCode(declared) ? catalogueMessage(declared) : declared);
      }
      if (e.auth === 'user') expect(bodies).toContain(notLoggedIn);
      // a rule with a refusal of its own never answers OBP-20006
      if (e.roles?.refusal) expect(bodies).toContain(catalogueMessage(e.roles.refusal));
      if (e.roles && !e.roles.refusal) expect(bodies).toContain('OBP-20006: User is missing one or more roles: ');
      if (e.roles?.refusal) expect(bodies.some((b) => b.startsWith('OBP-20006'))).toBe(false);
      expect(bodies).toContain('OBP-50000: Unknown Error.');
      for (const body of bodies) {
        const code = /^(OBP-\d+)/.exec(body)?.[1];
        if (code && isErrorCode(code)) expect(body).toBe(catalogueMessage(code));
      }
    }
    expect(docs.get('OBPv1.2.1-getBanks').error_response_bodies).toEqual(['OBP-50000: Unknown Error.']);
  });
});

describe('filters', () => {
  it('tags keeps docs having any listed tag', async () => {
    const res = await server.call('GET', `${docsUrl}?tags=Bank,Documentation`);
    expect(res.status).toBe(200);
    expect(ids(res.body)).toEqual(expectedIds(served.filter((e) => e.tags.includes('Bank') || e.tags.includes('Documentation'))));
    expect(ids(res.body)).toContain('OBPv1.4.0-getResourceDocsSwagger');
    for (const doc of res.body.resource_docs)
      expect(doc.tags.some((t: string) => ['Bank', 'Documentation'].includes(t))).toBe(true);
  });

  it('functions keeps the named functions; combined with tags both must match', async () => {
    const res = await server.call('GET', `${docsUrl}?functions=getBanks,bankById,getResourceDocsObp`);
    expect(ids(res.body)).toEqual(
      expectedIds(served.filter((e) => ['getBanks', 'bankById', 'getResourceDocsObp'].includes(e.functionName))),
    );
    expect(ids(res.body)).toContain('OBPv1.4.0-getResourceDocsObp');
    const both = await server.call('GET', `${docsUrl}?functions=getBanks,getResourceDocsObp&tags=Documentation`);
    expect(ids(both.body)).toEqual(['OBPv1.4.0-getResourceDocsObp']);
  });

  it('empty tags= and functions= are ignored; spaces around names are trimmed', async () => {
    const all = await server.call('GET', docsUrl);
    const empty = await server.call('GET', `${docsUrl}?tags=&functions=`);
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual(all.body);
    const commas = await server.call('GET', `${docsUrl}?tags=,,`);
    expect(commas.body).toEqual(all.body);
    const spaced = await server.call('GET', `${docsUrl}?functions=${encodeURIComponent(' getResourceDocsObp , ')}`);
    expect(ids(spaced.body)).toEqual(['OBPv1.4.0-getResourceDocsObp']);
  });

  it('unknown or hostile filter values match nothing', async () => {
    for (const value of ['<script>alert(1)</script>', "'; drop table banks; --", 'Bänk ✓', 'x'.repeat(2000)]) {
      const q = encodeURIComponent(value);
      const res = await server.call('GET', `${docsUrl}?tags=${q}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ resource_docs: [] });
      const fn = await server.call('GET', `${docsUrl}?functions=${q}`);
      expect(fn.body).toEqual({ resource_docs: [] });
    }
  });

  it('content=dynamic is empty (no dynamic endpoints), static and all are the full list', async () => {
    const all = await server.call('GET', docsUrl);
    expect((await server.call('GET', `${docsUrl}?content=dynamic`)).body).toEqual({ resource_docs: [] });
    expect((await server.call('GET', `${docsUrl}?content=static`)).body).toEqual(all.body);
    expect((await server.call('GET', `${docsUrl}?content=ALL`)).body).toEqual(all.body);
  });

  it('supported locales answer the docs; an api-collection-id names no collection here', async () => {
    const all = await server.call('GET', docsUrl);
    for (const q of ['locale=en_GB', 'locale=es_ES', 'language=en_GB']) {
      const res = await server.call('GET', `${docsUrl}?${q}`);
      expect(res.status, q).toBe(200);
      expect(res.body).toEqual(all.body);
    }
    const collection = await server.call('GET', `${docsUrl}?api-collection-id=no-such-collection`);
    expect(collection.body).toEqual({ resource_docs: [] });
  });
});

describe('served under older prefixes', () => {
  it('/obp/v1.4.0 and /obp/v2.0.0 answer the same docs and swagger', async () => {
    const docs = await server.call('GET', docsUrl);
    const swagger = await server.call('GET', swaggerUrl);
    for (const prefix of ['v1.4.0', 'v2.0.0']) {
      const res = await server.call('GET', `/obp/${prefix}/resource-docs/v2.1.0/obp`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(docs.body);
      const sw = await server.call('GET', `/obp/${prefix}/resource-docs/v2.1.0/swagger`);
      expect(sw.status).toBe(200);
      expect(sw.body).toEqual(swagger.body);
    }
  });
});

describe('bad version and locale', () => {
  it('an unknown version string is 400 OBP-00027 (a bare 2.1.0 is not an OBP version string)', async () => {
    for (const version of ['v9.9.9', '2.1.0', 'v2.1', 'V2.1.0', encodeURIComponent('<script>')]) {
      const res = await server.call('GET', `/obp/v2.1.0/resource-docs/${version}/obp`);
      expect(res.status, version).toBe(400);
      expect(res.body).toEqual({ code: 400, message: `${versionError} ${decodeURIComponent(version)}` });
    }
    const swagger = await server.call('GET', '/obp/v2.1.0/resource-docs/v9.9.9/swagger');
    expect(swagger.status).toBe(400);
    expect(swagger.body).toEqual({ code: 400, message: `${versionError} Current Version is v9.9.9` });
  });

  it('a later OBP version this server does not serve is 400 OBP-00008', async () => {
    const res = await server.call('GET', '/obp/v2.1.0/resource-docs/v3.1.0/obp');
    expect(res.status).toBe(400);
    expect(res.body.message).toBe(
      'OBP-00008: The API version you called is not enabled on this server. Please contact your API administrator or use another version. v3.1.0',
    );
  });

  it('an unsupported locale is 400 OBP-10041, on docs, swagger and bank-level docs', async () => {
    const bankId = await seedBank(server);
    for (const [url, q, shown] of [
      [docsUrl, 'locale=fr_FR', 'fr_FR'],
      [docsUrl, 'language=de', 'de'],
      [swaggerUrl, 'locale=zz', 'zz'],
      [`/obp/v2.1.0/banks/${bankId}/resource-docs/v2.1.0/obp`, 'locale=xx', 'xx'],
      [docsUrl, `locale=${encodeURIComponent('<b>ü</b>')}`, '<b>ü</b>'],
    ] as const) {
      const res = await server.call('GET', `${url}?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body).toEqual({ code: 400, message: `${localeError} Current Locale is ${shown}` });
    }
  });
});

describe('swagger', () => {
  let doc: any;
  beforeAll(async () => {
    const res = await server.call('GET', swaggerUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    doc = JSON.parse(res.text);
  });

  const swaggerPath = (path: string) =>
    path
      .split('/')
      .map((s) => (isPlaceholder(s) ? `{${s}}` : s))
      .join('/');

  it('is a Swagger 2.0 document for v2.1.0', () => {
    expect(doc.swagger).toBe('2.0');
    expect(doc.info).toEqual(expect.objectContaining({ title: expect.any(String), version: 'v2.1.0' }));
    expect(doc.basePath).toBe('/obp/v2.1.0');
    expect(doc.host).toBe(new URL(server.config.hostname).host);
    expect(doc.schemes).toEqual(['http']);
    expect(doc.securityDefinitions.directLogin).toEqual(
      expect.objectContaining({ type: 'apiKey', in: 'header', name: 'DirectLogin' }),
    );
  });

  it('every declared endpoint appears under its {PARAM} path with the right verb', () => {
    const operations: [string, string, any][] = Object.entries(doc.paths).flatMap(([path, item]: [string, any]) =>
      Object.entries(item).map(([verb, op]) => [path, verb, op] as [string, string, any]),
    );
    expect(operations.map(([, , op]) => op.operationId).sort()).toEqual(expectedIds(served));
    for (const e of served) {
      const op = doc.paths[swaggerPath(e.path)]?.[e.verb.toLowerCase()];
      expect(op, e.operationId).toBeDefined();
      expect(op.operationId).toBe(e.operationId);
      expect(op.summary).toBe(e.summary);
      expect(op.tags).toEqual(e.tags);
      expect(Object.keys(op.responses)).toContain(String(e.successStatus));
      if (e.auth === 'user') expect(op.security).toEqual([{ directLogin: [] }]);
      if (e.auth === 'none') expect(op).not.toHaveProperty('security');
    }
  });

  it('is structurally valid: path params declared, responses described, refs resolve, draft-4 schemas only', () => {
    const verbs = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch']);
    const seen = new Set<string>();
    const checkSchema = (schema: any, where: string): void => {
      expect(typeof schema, where).toBe('object');
      for (const key of ['anyOf', 'oneOf', 'const', 'not', '$id']) expect(schema, where).not.toHaveProperty(key);
      if ('type' in schema) expect(typeof schema.type, where).toBe('string');
      if (schema.$ref) expect(doc.definitions[schema.$ref.replace('#/definitions/', '')], where).toBeDefined();
      for (const sub of Object.values(schema.properties ?? {})) checkSchema(sub, where);
      if (schema.items) checkSchema(schema.items, where);
      if (typeof schema.additionalProperties === 'object') checkSchema(schema.additionalProperties, where);
    };
    for (const [path, item] of Object.entries<any>(doc.paths)) {
      expect(path.startsWith('/')).toBe(true);
      for (const segment of path.split('/')) expect(isPlaceholder(segment), path).toBe(false);
      const params = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      for (const [verb, op] of Object.entries<any>(item)) {
        expect(verbs.has(verb)).toBe(true);
        expect(seen.has(op.operationId)).toBe(false);
        seen.add(op.operationId);
        const pathParams = op.parameters.filter((p: any) => p.in === 'path');
        expect(pathParams.map((p: any) => p.name).sort(), op.operationId).toEqual([...params].sort());
        for (const p of pathParams) expect(p).toMatchObject({ required: true, type: 'string' });
        const bodies = op.parameters.filter((p: any) => p.in === 'body');
        expect(bodies.length).toBeLessThanOrEqual(1);
        for (const b of bodies) checkSchema(b.schema, op.operationId);
        expect(Object.keys(op.responses).length).toBeGreaterThan(0);
        for (const [status, response] of Object.entries<any>(op.responses)) {
          expect(status).toMatch(/^[1-5]\d\d$/);
          expect(typeof response.description).toBe('string');
          if (response.schema) checkSchema(response.schema, `${op.operationId} ${status}`);
        }
        for (const requirement of op.security ?? []) {
          for (const name of Object.keys(requirement)) expect(doc.securityDefinitions).toHaveProperty(name);
        }
      }
    }
  });

  it('error responses carry the documented OBP texts under their status', () => {
    expect(served.find((e) => e.functionName === 'bankById')).toBeDefined();
    const op = doc.paths['/banks/{BANK_ID}'].get;
    // bankById is old-style: not found answers 400
    expect(op.responses['400'].examples['application/json']).toEqual({
      code: 400,
      message: 'OBP-30001: Bank not found. Please specify a valid value for BANK_ID.',
    });
    const docsOp = doc.paths['/resource-docs/{API_VERSION}/obp'].get;
    expect(docsOp.responses['401'].examples['application/json']).toEqual({ code: 401, message: notLoggedIn });
    expect(docsOp.responses['403'].examples['application/json'].code).toBe(403);
  });

  it('takes the same filters', async () => {
    const res = await server.call('GET', `${swaggerUrl}?tags=Documentation&functions=getResourceDocsSwagger,getBanks`);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(['/resource-docs/{API_VERSION}/swagger']);
    const empty = await server.call('GET', `${swaggerUrl}?tags=`);
    expect(empty.body).toEqual(doc);
    const dynamic = await server.call('GET', `${swaggerUrl}?content=dynamic`);
    expect(dynamic.body.paths).toEqual({});
  });
});

describe('bank-level dynamic resource docs', () => {
  it('an existing bank has no dynamic endpoints; an unknown bank is 404 OBP-30001', async () => {
    const bankId = await seedBank(server);
    const res = await server.call('GET', `/obp/v2.1.0/banks/${bankId}/resource-docs/v2.1.0/obp`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ resource_docs: [] });
    const missing = await server.call('GET', '/obp/v2.1.0/banks/no-such-bank/resource-docs/v2.1.0/obp');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ code: 404, message: 'OBP-30001: Bank not found. Please specify a valid value for BANK_ID.' });
    const badVersion = await server.call('GET', `/obp/v2.1.0/banks/${bankId}/resource-docs/v0.0.1/obp`);
    expect(badVersion.status).toBe(400);
    expect(badVersion.body).toEqual({ code: 400, message: `${versionError} v0.0.1` });
  });
});

describe('markdown rendering of descriptions', () => {
  it('renders paragraphs, lists, code, bold and safe links, and escapes HTML', () => {
    expect(renderMarkdown('Hello **BANK_ID** and `a<b>`\n\n* one\n* two [x](https://e.com/?a=1&b=2)')).toBe(
      '<p>Hello <strong>BANK_ID</strong> and <code>a&lt;b&gt;</code></p>\n' +
        '<ul><li>one</li><li>two <a href="https://e.com/?a=1&amp;b=2">x</a></li></ul>',
    );
    expect(renderMarkdown('1. a\n2. b')).toBe('<ol><li>a</li><li>b</li></ol>');
    expect(renderMarkdown('<script>alert("x")</script>')).toBe('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>');
    expect(renderMarkdown('[click](javascript:alert(1))')).not.toMatch(/href/);
    expect(renderMarkdown('[x](" onmouseover="y)')).not.toMatch(/href/);
    expect(renderMarkdown('```\n<b>\n\nz\n```')).toBe('<pre><code>&lt;b&gt;\n\nz</code></pre>');
    expect(renderMarkdown('## Title')).toBe('<h2>Title</h2>');
  });
});

describe('resource_docs_requires_role', () => {
  let guarded: TestServer;
  beforeAll(async () => {
    guarded = await startTestServer({ OBP_RESOURCE_DOCS_REQUIRES_ROLE: 'true' });
  });
  afterAll(async () => guarded.stop());

  it('the roles exist in the role catalogue', () => {
    expect(isRoleName('CanReadResourceDoc')).toBe(true);
    expect(isRoleName('CanReadDynamicResourceDocsAtOneBank')).toBe(true);
  });

  it('anonymous is 401, a user without CanReadResourceDoc 403, with it 200', async () => {
    const anonymous = await guarded.call('GET', docsUrl);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toEqual({ code: 401, message: notLoggedIn });
    expect(anonymous.headers.get('www-authenticate')).toContain('DirectLogin');

    const plain = await guarded.user();
    const denied = await guarded.call('GET', docsUrl, { token: plain.token });
    expect(denied.status).toBe(403);
    expect(denied.body).toEqual({ code: 403, message: 'OBP-20006: User is missing one or more roles: CanReadResourceDoc' });

    // the role is checked before the version, as OBP does
    const deniedBadVersion = await guarded.call('GET', '/obp/v2.1.0/resource-docs/v0/obp', { token: plain.token });
    expect(deniedBadVersion.status).toBe(403);

    const reader = await guarded.user({ roles: ['CanReadResourceDoc'] });
    const ok = await guarded.call('GET', docsUrl, { token: reader.token });
    expect(ok.status).toBe(200);
    expect(ids(ok.body)).toEqual(expectedIds(served));
    const old = await guarded.call('GET', '/obp/v1.4.0/resource-docs/v2.1.0/obp', { token: reader.token });
    expect(old.status).toBe(200);
  });

  it('swagger stays anonymous (as in OBP)', async () => {
    const res = await guarded.call('GET', swaggerUrl);
    expect(res.status).toBe(200);
    expect(res.body.swagger).toBe('2.0');
  });

  it('bank-level docs need CanReadDynamicResourceDocsAtOneBank at that bank', async () => {
    const bankId = await seedBank(guarded);
    const otherBank = await seedBank(guarded);
    const url = `/obp/v2.1.0/banks/${bankId}/resource-docs/v2.1.0/obp`;
    expect((await guarded.call('GET', url)).status).toBe(401);
    const elsewhere = await guarded.user({ roles: [['CanReadDynamicResourceDocsAtOneBank', otherBank]] });
    const denied = await guarded.call('GET', url, { token: elsewhere.token });
    expect(denied.status).toBe(403);
    expect(denied.body).toEqual({
      code: 403,
      message: 'OBP-20006: User is missing one or more roles: CanReadDynamicResourceDocsAtOneBank',
    });
    const holder = await guarded.user({ roles: [['CanReadDynamicResourceDocsAtOneBank', bankId]] });
    const ok = await guarded.call('GET', url, { token: holder.token });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ resource_docs: [] });
    // the bank is checked before the role
    const missing = await guarded.call('GET', '/obp/v2.1.0/banks/no-such-bank/resource-docs/v2.1.0/obp', {
      token: elsewhere.token,
    });
    expect(missing.status).toBe(404);
  });
});

describe('swagger schemas stay inside Swagger 2.0', () => {
  it('maps unions, literals, records and exclusive bounds to draft-4 forms', () => {
    const schema = Type.Object({
      name: Type.Union([Type.String(), Type.Null()]),
      kind: Type.Union([Type.Literal('a'), Type.Literal('b')]),
      fixed: Type.Literal('x'),
      mixed: Type.Union([Type.String(), Type.Integer()]),
      amounts: Type.Record(Type.String(), Type.Integer({ exclusiveMinimum: 0 })),
      list: Type.Array(Type.Boolean()),
      note: Type.Optional(Type.String({ maxLength: 10 })),
    });
    expect(toSwaggerSchema(JSON.parse(JSON.stringify(schema)))).toEqual({
      type: 'object',
      properties: {
        name: { type: 'string', 'x-nullable': true },
        kind: { type: 'string', enum: ['a', 'b'] },
        fixed: { type: 'string', enum: ['x'] },
        mixed: { 'x-anyOf': [{ type: 'string' }, { type: 'integer' }] },
        amounts: { type: 'object', additionalProperties: { type: 'integer', minimum: 0, exclusiveMinimum: true } },
        list: { type: 'array', items: { type: 'boolean' } },
        note: { type: 'string', maxLength: 10 },
      },
      required: ['name', 'kind', 'fixed', 'mixed', 'amounts', 'list'],
    });
  });
});
