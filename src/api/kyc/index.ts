import type { Endpoint } from '../endpoint.js';
import { kycCheck, kycDocument, kycMedia, kycStatus } from './kinds.js';
import { addKycEndpoint, listKycEndpoint } from './kyc-endpoint.js';

const kinds = [kycCheck, kycDocument, kycMedia, kycStatus];

export const kycEndpoints: readonly Endpoint[] = [...kinds.map(addKycEndpoint), ...kinds.map(listKycEndpoint)];
