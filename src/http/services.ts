/** Process-wide helpers handed to every handler next to the store and the config. */
import type { Config } from '../config.js';
import type { CallerUser } from './caller.js';
import type { MetricsRecorder } from './metrics-recorder.js';

export interface Services {
  /** OBP's `super_admin_user_ids`, configured here by username */
  isSuperAdmin(user: Pick<CallerUser, 'username' | 'userId'>): boolean;
  metrics: MetricsRecorder;
}

export function createServices(config: Config, metrics: MetricsRecorder): Services {
  const admins = new Set(config.superAdminUsernames);
  return {
    isSuperAdmin: (user) => admins.has(user.username) || admins.has(user.userId),
    metrics,
  };
}
