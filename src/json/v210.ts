/** JSON shapes introduced in OBP v2.1.0 (consumers, metrics, roles). */
import type { Consumer, Metric, User } from '../domain/model.js';
import { obpDate } from './dates.js';

export function consumerJson(c: Consumer, creator: User | undefined) {
  return {
    consumer_id: c.consumerId,
    app_name: c.appName,
    app_type: c.appType,
    description: c.description,
    developer_email: c.developerEmail,
    redirect_url: c.redirectUrl,
    created_by_user_id: c.createdByUserId,
    created_by_user: creator
      ? {
          user_id: creator.userId,
          email: creator.email,
          provider_id: creator.providerId,
          provider: creator.provider,
          username: creator.username,
        }
      : null,
    enabled: c.enabled,
    created: obpDate(c.createdAt),
  };
}

export function metricJson(m: Metric) {
  return {
    user_id: m.userId,
    url: m.url,
    date: obpDate(m.date),
    user_name: m.userName,
    app_name: m.appName,
    developer_email: m.developerEmail,
    implemented_by_partial_function: m.implementedByPartialFunction,
    implemented_in_version: m.implementedInVersion,
    consumer_id: m.consumerId,
    verb: m.verb,
    correlation_id: m.correlationId,
    duration: m.duration,
  };
}
