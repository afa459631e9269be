/** Every declared endpoint, by domain. Adding an endpoint = declaring it in its domain folder and listing it there. */
import type { Endpoint } from './endpoint.js';
import { accountsEndpoints } from './accounts/index.js';
import { bankById, getBanks } from './banks/banks.js';
import { consumersEndpoints } from './consumers/index.js';
import { customersEndpoints } from './customers/index.js';
import { docsEndpoints } from './docs/index.js';
import { entitlementsEndpoints } from './entitlements/index.js';
import { kycEndpoints } from './kyc/index.js';
import { metricsEndpoints } from './metrics/index.js';
import { root } from './root/root.js';
import { sandboxEndpoints } from './sandbox/index.js';
import { usersEndpoints } from './users/index.js';

export const allEndpoints: readonly Endpoint[] = [
  root,
  getBanks,
  bankById,
  ...usersEndpoints,
  ...entitlementsEndpoints,
  ...consumersEndpoints,
  ...accountsEndpoints,
  ...sandboxEndpoints,
  ...metricsEndpoints,
  ...customersEndpoints,
  ...kycEndpoints,
  ...docsEndpoints,
];
