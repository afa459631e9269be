/**
 * The API_VERSION path segment of the docs routes. OBP accepts the short form (`v2.1.0`) and the fully
 * qualified form (`OBPv2.1.0`); a bare `2.1.0` is not a version string to OBP either.
 */
import { apiVersions, type ApiVersion } from '../api/endpoint.js';

/** Versions OBP knows but this server does not implement: OBP answers these with "not enabled". */
const laterObpVersions = ['v3.0.0', 'v3.1.0', 'v4.0.0', 'v5.0.0', 'v5.1.0'];

export type VersionLookup = { kind: 'served'; version: ApiVersion } | { kind: 'not-enabled' } | { kind: 'unknown' };

export function lookupApiVersion(raw: string): VersionLookup {
  const short = raw.startsWith('OBPv') ? raw.slice(3) : raw;
  const version = apiVersions.find((v) => v === short);
  if (version) return { kind: 'served', version };
  if (laterObpVersions.includes(short)) return { kind: 'not-enabled' };
  return { kind: 'unknown' };
}
