import type { Endpoint } from '../endpoint.js';
import { sandboxDataImport } from './data-import.js';

export const sandboxEndpoints: readonly Endpoint[] = [sandboxDataImport];
