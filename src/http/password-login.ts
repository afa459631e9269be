/**
 * The one password check of every login (DirectLogin, the HTML login forms). The attempt is counted
 * before the password is checked, so parallel attempts cannot outrun the lock of
 * OBP_MAX_BAD_LOGIN_ATTEMPTS; attempts are counted per username, never per address, so one address
 * may log in as often as it likes with the right password.
 */
import type { Config } from '../config.js';
import { unusablePasswordHash, verifyPassword } from '../domain/auth/secrets.js';
import type { UserWithPassword } from '../domain/model.js';
import { obpError } from '../errors/obp-error.js';
import type { Store } from '../store/index.js';

/** The user with this username and password, or OBP-20013 (locked) / OBP-20004 (anything else). */
export async function checkPassword(store: Store, config: Config, username: string, password: string): Promise<UserWithPassword> {
  const max = config.props.maxBadLoginAttempts;
  const reserved = await store.users.reserveLoginAttempt(config.localIdentityProvider, username, max);
  const user = reserved?.user;
  if (user && (user.locked || user.badLoginAttempts > max)) throw obpError('OBP-20013');
  // an unknown username costs the same check, so timing does not tell which names exist
  const ok = await verifyPassword(password, user?.passwordHash ?? unusablePasswordHash);
  if (!user || !ok || !user.validated) throw obpError('OBP-20004');
  await store.users.resetBadLogins(user.userId);
  return user;
}
