/** Consumer JSON with its creator resolved, and the example OBP documents for it. */
import type { Consumer } from '../../domain/model.js';
import { consumerJson } from '../../json/v210.js';
import type { Store } from '../../store/index.js';

export async function consumersWithCreators(store: Store, consumers: readonly Consumer[]) {
  const creatorIds = [...new Set(consumers.map((c) => c.createdByUserId).filter((id) => id !== ''))];
  const creators = new Map((await store.users.getMany(creatorIds)).map((u) => [u.userId, u]));
  return consumers.map((c) => consumerJson(c, creators.get(c.createdByUserId)));
}

export async function consumerWithCreator(store: Store, consumer: Consumer) {
  const [json] = await consumersWithCreators(store, [consumer]);
  return json!;
}

export const exampleConsumer = {
  consumer_id: 1213,
  app_name: 'SOFI',
  app_type: 'Web',
  description: 'Account Management',
  developer_email: 'felixsmith@example.com',
  redirect_url: 'www.openbankproject.com',
  created_by_user_id: '9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1',
  created_by_user: {
    user_id: '9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1',
    email: 'felixsmith@example.com',
    provider_id: 'Chris',
    provider: 'http://127.0.0.1:8080',
    username: 'felixsmith',
  },
  enabled: true,
  created: '1100-01-01T00:00:00Z',
};
