/**
 * Where the docs handlers get their material: the declarations of the running server, loaded lazily
 * (this folder is itself part of `allEndpoints`, so a static import would be circular), and a small
 * cache of generated documents, since declarations never change while the process runs.
 */
import type { ApiVersion, Endpoint } from '../endpoint.js';
import { versionRouteTable } from '../../http/route-table.js';

let declared: Promise<readonly Endpoint[]> | undefined;

export function declaredEndpoints(): Promise<readonly Endpoint[]> {
  declared ??= import('../index.js').then((m) => m.allEndpoints);
  return declared;
}

const tables = new Map<ApiVersion, Endpoint[]>();

/** What a version serves, i.e. exactly what its docs describe. */
export async function servedEndpoints(version: ApiVersion): Promise<Endpoint[]> {
  let table = tables.get(version);
  if (!table) {
    table = versionRouteTable(await declaredEndpoints(), version);
    tables.set(version, table);
  }
  return table;
}

/**
 * Generated documents by (format, version, filters). Filter values come from the query string, so
 * the cache is bounded: the oldest entry goes when it is full.
 */
const maxEntries = 64;
const documents = new Map<string, unknown>();

export function cached<T>(key: readonly unknown[], build: () => T): T {
  const k = JSON.stringify(key);
  if (documents.has(k)) return documents.get(k) as T;
  const value = build();
  if (documents.size >= maxEntries) documents.delete(documents.keys().next().value!);
  documents.set(k, value);
  return value;
}
