import { endpoint } from '../endpoint.js';
import { consumerByPathId } from './consumer-id.js';
import { consumersWithCreators, consumerWithCreator, exampleConsumer } from './consumer-json.js';

export const getConsumer = endpoint({
  operationId: 'OBPv2.1.0-getConsumer',
  verb: 'GET',
  path: '/management/consumers/CONSUMER_ID',
  summary: 'Get Consumer',
  description:
    'Get the Consumer (API key registration) specified by CONSUMER_ID, its numeric id.\n\n' +
    'Returns the application name, type, description, developer email, redirect URL, the user who created it, whether it is enabled and when it was created.',
  tags: ['Consumer', 'Old-Style'],
  style: 'old',
  auth: 'user',
  roles: { anyOf: [['CanGetConsumers']], check: 'auto' },
  errors: ['OBP-20014', 'OBP-30019', 'OBP-50000'],
  example: { response: exampleConsumer },
  successStatus: 200,
  handler: async ({ store, params }) => consumerWithCreator(store, await consumerByPathId(store, params.CONSUMER_ID)),
});

export const getConsumers = endpoint({
  operationId: 'OBPv2.1.0-getConsumers',
  verb: 'GET',
  path: '/management/consumers',
  summary: 'Get Consumers',
  description: 'Get all Consumers (API key registrations) of this instance, ordered by CONSUMER_ID.',
  tags: ['Consumer', 'Old-Style'],
  style: 'old',
  auth: 'user',
  roles: { anyOf: [['CanGetConsumers']], check: 'auto' },
  errors: ['OBP-50000'],
  example: { response: { list: [exampleConsumer] } },
  successStatus: 200,
  handler: async ({ store }) => ({ list: await consumersWithCreators(store, await store.consumers.list()) }),
});
