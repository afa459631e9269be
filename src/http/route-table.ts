/**
 * Version route tables. A version serves every endpoint implemented in it or in an earlier version;
 * where two versions implement the same function, the newest wins (OBP's "all earlier plus mine").
 */
import { apiVersions, routerPath, type ApiVersion, type Endpoint } from '../api/endpoint.js';

/** The version the docs, the explorer and clients are pointed at first. */
export const servedVersion: ApiVersion = 'v2.1.0';

/** Every version mounted under its own `/obp/<version>` prefix, each with its own route table. */
export const servedVersions: readonly ApiVersion[] = ['v2.1.0', 'v2.2.0'];

/** OBP also serves the resource-doc routes under these older prefixes. */
const docsPrefixes: readonly ApiVersion[] = ['v1.4.0', 'v2.0.0'];
const docsFunctions = new Set(['getResourceDocsObp', 'getResourceDocsSwagger', 'getBankLevelDynamicResourceDocsObp']);

export function versionRouteTable(endpoints: readonly Endpoint[], version: ApiVersion): Endpoint[] {
  const rank = (v: ApiVersion) => apiVersions.indexOf(v);
  const byFunction = new Map<string, Endpoint>();
  for (const e of endpoints) {
    if (rank(e.implementedIn) > rank(version)) continue;
    const current = byFunction.get(e.functionName);
    if (!current || rank(e.implementedIn) > rank(current.implementedIn)) byFunction.set(e.functionName, e);
  }
  return [...byFunction.values()];
}

export interface MountedRoute {
  endpoint: Endpoint;
  url: string;
}

export function mountedRoutes(endpoints: readonly Endpoint[]): MountedRoute[] {
  const routes: MountedRoute[] = [];
  for (const version of servedVersions) {
    for (const endpoint of versionRouteTable(endpoints, version)) {
      routes.push({ endpoint, url: `/obp/${version}${routerPath(endpoint.route ?? endpoint.path)}` });
      if (endpoint.functionName === 'root') {
        routes.push({ endpoint, url: `/obp/${version}` });
        routes.push({ endpoint, url: `/obp/${version}/` });
      }
      if (version === servedVersion && docsFunctions.has(endpoint.functionName)) {
        for (const prefix of docsPrefixes) {
          routes.push({ endpoint, url: `/obp/${prefix}${routerPath(endpoint.path)}` });
        }
      }
    }
  }
  return routes;
}
