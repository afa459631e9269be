/**
 * Where the docs handlers get their material: the declarations the app was built with (`ctx.endpoints`),
 * and a small cache of generated documents per list of declarations, since declarations never change
 * while the app runs.
 */
import type { ApiVersion, Endpoint } from '../endpoint.js';
import { versionRouteTable } from '../../http/route-table.js';

interface DocsCache {
  tables: Map<ApiVersion, Endpoint[]>;
  documents: Map<string, unknown>;
}

const caches = new WeakMap<readonly Endpoint[], DocsCache>();

function cacheFor(endpoints: readonly Endpoint[]): DocsCache {
  let cache = caches.get(endpoints);
  if (!cache) {
    cache = { tables: new Map(), documents: new Map() };
    caches.set(endpoints, cache);
  }
  return cache;
}

/** What a version serves, i.e. exactly what its docs describe. */
export function servedEndpoints(endpoints: readonly Endpoint[], version: ApiVersion): Endpoint[] {
  const { tables } = cacheFor(endpoints);
  let table = tables.get(version);
  if (!table) {
    table = versionRouteTable(endpoints, version);
    tables.set(version, table);
  }
  return table;
}

/**
 * Generated documents by (format, version, filters). Filter values come from the query string, so
 * the cache is bounded: the oldest entry goes when it is full.
 */
const maxEntries = 64;

export function cached<T>(endpoints: readonly Endpoint[], key: readonly unknown[], build: () => T): T {
  const { documents } = cacheFor(endpoints);
  const k = JSON.stringify(key);
  if (documents.has(k)) return documents.get(k) as T;
  const value = build();
  if (documents.size >= maxEntries) documents.delete(documents.keys().next().value!);
  documents.set(k, value);
  return value;
}
