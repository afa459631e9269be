import type { Endpoint } from '../endpoint.js';
import { getBankLevelDynamicResourceDocsObp } from './get-bank-level-dynamic-resource-docs-obp.js';
import { getResourceDocsObp } from './get-resource-docs-obp.js';
import { getResourceDocsSwagger } from './get-resource-docs-swagger.js';

export const docsEndpoints: readonly Endpoint[] = [
  getResourceDocsObp,
  getResourceDocsSwagger,
  getBankLevelDynamicResourceDocsObp,
];
