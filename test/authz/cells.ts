/**
 * The cells of the matrix (endpoint × caller × id variant), what is sent for each and how an answer is
 * judged: status, OBP code, and no marker of data the caller may not see.
 */
import type { Endpoint } from '../../src/api/endpoint.js';
import { allEndpoints } from '../../src/api/index.js';
import { servedVersions, versionRouteTable } from '../../src/http/route-table.js';
import type { TestResponse, TestServer } from '../helpers/server.js';
import { callerNames, type CallerName, type Callers, type World } from './fixture.js';
import { expectedOf, type Expected } from './expectations.js';
import { addressed, fillPath, valuesOf, variantsOf, type VariantName } from './variants.js';

export interface Cell {
  endpoint: Endpoint;
  caller: CallerName;
  variant: VariantName;
  expected: Expected;
}

/**
 * The admin's roles are at bank B: where a cell addresses bank B and the endpoint needs a role, what
 * follows depends on the handler, not on authorisation, so the admin has no cell there.
 */
const addressesBankB = (variant: VariantName) => variant === 'other-account' || variant === 'account-under-other-bank';

export function cellsOf(endpoint: Endpoint): Cell[] {
  return variantsOf(endpoint).flatMap((variant) =>
    callerNames
      .filter((caller) => caller !== 'admin' || !endpoint.roles || !addressesBankB(variant))
      .map((caller) => ({ endpoint, caller, variant, expected: expectedOf(endpoint, caller, addressed(variant)) })),
  );
}

/** A successful write changes its world: such a cell gets a world of its own. */
export const needsOwnWorld = (cell: Cell) => cell.expected.outcome === 'success' && cell.endpoint.verb !== 'GET';

export const label = (cell: Cell) => `${cell.endpoint.verb} ${cell.endpoint.path} as ${cell.caller}, ${cell.variant}`;

/**
 * The example request, made valid for the cell: members naming an id (at any depth) get the cell's ids
 * (`user_id` the caller's own; payments and counterparties the account itself or its planted
 * counterparty), a view list names the owner view, and URL members (`String` in OBP's examples,
 * refused with OBP-10017 once access is granted) a URL.
 */
function bodyOf(endpoint: Endpoint, values: Record<string, string>, callerId: string): unknown {
  const example = endpoint.example.request;
  if (example === null || typeof example !== 'object' || Array.isArray(example)) return example;
  const ids: Record<string, string | undefined> = {
    bank_id: values.BANK_ID,
    account_id: values.ACCOUNT_ID,
    customer_id: values.CUSTOMER_ID,
    user_id: callerId,
    counterparty_id: values.COUNTERPARTY_ID,
    iban: values.iban,
    // a counterparty routed to the account itself
    other_bank_routing_address: values.BANK_ID,
    other_account_routing_address: values.ACCOUNT_ID,
    other_account_secondary_routing_address: `${values.iban}-new`,
  };
  // the challenge answered is the planted request's (the sandbox answer is the example's)
  if (endpoint.path.endsWith('/TRANSACTION_REQUEST_ID/challenge')) ids.id = values.challengeId;
  const fill = (object: Record<string, unknown>): Record<string, unknown> => {
    const body: Record<string, unknown> = { ...object };
    for (const [key, value] of Object.entries(body)) {
      if (typeof value === 'string' && ids[key] !== undefined) body[key] = ids[key];
      else if (typeof value === 'string' && /url$/i.test(key)) body[key] = 'https://example.com/authz';
      else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        body[key] = fill(value as Record<string, unknown>);
      }
    }
    return body;
  };
  const body = fill(example as Record<string, unknown>);
  if (Array.isArray(body.views)) body.views = ['owner'];
  return body;
}

/** The first served version whose route table holds the endpoint (v2.2.0-only ones live under /obp/v2.2.0). */
function prefixOf(endpoint: Endpoint): string {
  const version = servedVersions.find((v) => versionRouteTable(allEndpoints, v).includes(endpoint));
  if (!version) throw new Error(`${endpoint.operationId} is served under no version`);
  return `/obp/${version}`;
}

export async function send(
  server: TestServer,
  cell: Cell,
  world: World,
  callers: Callers,
): Promise<{ url: string; res: TestResponse }> {
  const values = valuesOf(cell.variant, cell.endpoint, world, callers, server.config.localIdentityProvider);
  const url = `${prefixOf(cell.endpoint)}${fillPath(cell.endpoint, values)}`;
  const user = cell.caller === 'anonymous' ? undefined : callers[cell.caller];
  const body = cell.endpoint.body ? bodyOf(cell.endpoint, values, (user ?? callers.owner).userId) : undefined;
  const res = await server.call(cell.endpoint.verb, url, { token: user?.token, body });
  return { url, res };
}

/**
 * Why the answer is wrong for the cell, or undefined. `worlds` are those whose markers are checked;
 * markers found where the caller may see them are added to `seen` (so a marker that no answer ever
 * shows, which would make its leak check vacuous, is noticed).
 */
export function judge(cell: Cell, res: TestResponse, worlds: readonly World[], seen?: Set<string>): string | undefined {
  const { expected } = cell;
  const problems: string[] = [];
  if (res.status !== expected.status) problems.push(`status ${res.status}, expected ${expected.status}`);
  if (expected.outcome === 'refused') {
    const message = (res.body as { message?: unknown } | undefined)?.message;
    if (typeof message !== 'string' || !message.startsWith(expected.code)) {
      problems.push(`message ${JSON.stringify(message)}, expected ${expected.code} (${expected.rule})`);
    }
  }
  const refused = res.status >= 400;
  for (const world of worlds) {
    for (const marker of world.markers) {
      if (!res.text.includes(marker.value)) continue;
      if (refused || !marker.visibleTo.has(cell.caller)) problems.push(`leaks ${marker.what} (${marker.value})`);
      else seen?.add(marker.what);
    }
  }
  return problems.length ? problems.join('; ') : undefined;
}
