import { Type } from '@sinclair/typebox';
import { obpError, plainError } from '../../errors/obp-error.js';
import { endpoint } from '../endpoint.js';
import { consumerByPathId } from './consumer-id.js';
import { consumerWithCreator, exampleConsumer } from './consumer-json.js';

/** OBP stores the redirect URL in a 250-character column; a longer one fails the update. */
const maxRedirectUrlLength = 250;
const updateConsumerError = 'OBP-30023: Cannot update Consumer ';

export const updateConsumerRedirectUrl = endpoint({
  operationId: 'OBPv2.1.0-updateConsumerRedirectUrl',
  verb: 'PUT',
  path: '/management/consumers/CONSUMER_ID/consumer/redirect_url',
  summary: 'Update Consumer RedirectUrl',
  description:
    'Update the redirect URL of the Consumer specified by CONSUMER_ID (shown when the application is registered, or listed by Get Consumers).\n\n' +
    'Only the user who created the consumer may change it. The role CanUpdateConsumerRedirectUrl is needed unless ' +
    "`consumers_enabled_by_default` is true. Changing the URL sets the consumer's `enabled` flag to `consumers_enabled_by_default`, " +
    'so by default the application must be approved (enabled) again.',
  tags: ['Consumer'],
  style: 'new',
  auth: 'user',
  roles: {
    anyOf: [['CanUpdateConsumerRedirectUrl']],
    check: 'handler',
    condition: 'not checked when consumers_enabled_by_default=true',
  },
  errors: ['OBP-10001', 'OBP-20014', 'OBP-30019', 'OBP-20015', updateConsumerError, 'OBP-50000'],
  body: Type.Object({ redirect_url: Type.String() }),
  example: { request: { redirect_url: 'http://localhost:8888' }, response: exampleConsumer },
  successStatus: 200,
  handler: async (ctx) => {
    const { store, config, params, body } = ctx;
    const enabledByDefault = config.props.consumersEnabledByDefault;
    if (!enabledByDefault) await ctx.requireRoles();
    const consumer = await consumerByPathId(store, params.CONSUMER_ID);
    if (consumer.createdByUserId !== ctx.user().userId) throw obpError('OBP-20015');
    if (body.redirect_url.length > maxRedirectUrlLength) throw plainError(400, updateConsumerError);
    // OBP's re-approval step (quirk Q21): a new redirect URL resets `enabled` to the instance default.
    await store.consumers.update(consumer.consumerId, { redirectUrl: body.redirect_url, enabled: enabledByDefault });
    const updated = await store.consumers.get(consumer.consumerId);
    if (!updated) throw obpError('OBP-30019');
    return consumerWithCreator(store, updated);
  },
});
