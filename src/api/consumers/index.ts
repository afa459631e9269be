import type { Endpoint } from '../endpoint.js';
import { enableDisableConsumers } from './enable-disable.js';
import { getConsumer, getConsumers } from './get-consumers.js';
import { updateConsumerRedirectUrl } from './redirect-url.js';

export const consumersEndpoints: readonly Endpoint[] = [
  getConsumer,
  getConsumers,
  enableDisableConsumers,
  updateConsumerRedirectUrl,
];
