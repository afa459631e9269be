import { Type } from '@sinclair/typebox';
import { endpoint } from '../endpoint.js';
import { consumerByPathId } from './consumer-id.js';

export const enableDisableConsumers = endpoint({
  operationId: 'OBPv2.1.0-enableDisableConsumers',
  verb: 'PUT',
  path: '/management/consumers/CONSUMER_ID',
  summary: 'Enable or Disable Consumers',
  description:
    'Enable or disable the Consumer specified by CONSUMER_ID. `{"enabled": true}` needs the role CanEnableConsumers, ' +
    '`{"enabled": false}` needs CanDisableConsumers. A disabled consumer can no longer log users in, and tokens issued to it are refused.',
  tags: ['Consumer', 'Old-Style'],
  style: 'old',
  auth: 'user',
  roles: {
    anyOf: [['CanEnableConsumers'], ['CanDisableConsumers']],
    check: 'handler',
    condition: 'CanEnableConsumers to enable, CanDisableConsumers to disable',
  },
  errors: ['OBP-10001', 'OBP-20014', 'OBP-30019', 'OBP-50000'],
  body: Type.Object({ enabled: Type.Boolean() }),
  example: { request: { enabled: false }, response: { enabled: false } },
  successStatus: 200,
  handler: async (ctx) => {
    const { store, params, body } = ctx;
    // Which role is needed depends on the body, so OBP checks it only once the body is read.
    await ctx.requireRoles({ anyOf: [[body.enabled ? 'CanEnableConsumers' : 'CanDisableConsumers']] });
    const consumer = await consumerByPathId(store, params.CONSUMER_ID);
    await store.consumers.update(consumer.consumerId, { enabled: body.enabled });
    return { enabled: body.enabled };
  },
});
