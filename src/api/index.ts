/** Every declared endpoint, by domain. Adding an endpoint = declaring it in its domain folder and listing it there. */
import type { Endpoint } from './endpoint.js';
import { accountsEndpoints } from './accounts/index.js';
import { transactionMetadataEndpoints } from './transaction-metadata/index.js';
import { transactionsEndpoints } from './transactions/index.js';
import { transactionRequestsEndpoints } from './transaction-requests/index.js';
import { transactionTypesEndpoints } from './transaction-types/index.js';
import { counterpartiesEndpoints } from './counterparties/index.js';
import { bankById, getBanks } from './banks/banks.js';
import { cardsEndpoints } from './cards/index.js';
import { consumersEndpoints } from './consumers/index.js';
import { getCrmEvents } from './crm/get-crm-events.js';
import { customersEndpoints } from './customers/index.js';
import { docsEndpoints } from './docs/index.js';
import { entitlementsEndpoints } from './entitlements/index.js';
import { explicitCounterpartiesEndpoints } from './explicit-counterparties/index.js';
import { kycEndpoints } from './kyc/index.js';
import { metricsEndpoints } from './metrics/index.js';
import { openDataEndpoints } from './open-data/index.js';
import { root, rootV220 } from './root/root.js';
import { sandboxEndpoints } from './sandbox/index.js';
import { searchEndpoints } from './search/index.js';
import { usersEndpoints } from './users/index.js';
import { viewsEndpoints } from './views/index.js';

export const allEndpoints: readonly Endpoint[] = [
  root,
  rootV220,
  getBanks,
  bankById,
  ...usersEndpoints,
  ...entitlementsEndpoints,
  ...consumersEndpoints,
  ...accountsEndpoints,
  ...viewsEndpoints,
  ...transactionsEndpoints,
  ...transactionTypesEndpoints,
  ...transactionMetadataEndpoints,
  ...counterpartiesEndpoints,
  ...transactionRequestsEndpoints,
  ...explicitCounterpartiesEndpoints,
  ...sandboxEndpoints,
  ...metricsEndpoints,
  ...openDataEndpoints,
  getCrmEvents,
  ...customersEndpoints,
  ...kycEndpoints,
  ...docsEndpoints,
  ...cardsEndpoints,
  ...searchEndpoints,
];
