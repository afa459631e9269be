import type { Kysely, Selectable } from 'kysely';
import type { User, UserWithPassword } from '../../domain/model.js';
import type { Announce } from '../change-feed.js';
import type { Database, UserTable } from '../schema.js';

function toUser(r: Selectable<UserTable>): UserWithPassword {
  return {
    userId: r.user_id,
    provider: r.provider,
    providerId: r.provider_id,
    username: r.username,
    email: r.email,
    firstName: r.first_name,
    lastName: r.last_name,
    validated: Number(r.validated) === 1,
    badLoginAttempts: Number(r.bad_login_attempts),
    locked: Number(r.locked) === 1,
    passwordHash: r.password_hash,
  };
}

function publicUser(u: UserWithPassword): User {
  const { passwordHash: _hidden, ...user } = u;
  return user;
}

export function userRepo(db: Kysely<Database>, announce: Announce) {
  const live = db.selectFrom('users').selectAll().where('deleted', '=', 0);
  return {
    async get(userId: string): Promise<User | undefined> {
      const row = await live.where('user_id', '=', userId).executeTakeFirst();
      return row && publicUser(toUser(row));
    },
    async getMany(userIds: readonly string[]): Promise<User[]> {
      if (userIds.length === 0) return [];
      const rows = await live.where('user_id', 'in', userIds).execute();
      return rows.map((r) => publicUser(toUser(r)));
    },
    async getByProvider(provider: string, providerId: string): Promise<User | undefined> {
      const row = await live.where('provider', '=', provider).where('provider_id', '=', providerId).executeTakeFirst();
      return row && publicUser(toUser(row));
    },
    async findByEmail(email: string): Promise<User[]> {
      const rows = await live.where('email', '=', email).orderBy('created_at').orderBy('user_id').execute();
      return rows.map((r) => publicUser(toUser(r)));
    },
    /**
     * A page of users in creation order. `locked` keeps only locked (or only unlocked) users, where
     * locked means an admin lock or more than `maxBadLoginAttempts` failed logins, as at login.
     */
    async list(page: { limit: number; offset: number; locked?: { is: boolean; maxBadLoginAttempts: number } }): Promise<User[]> {
      let q = live;
      const locked = page.locked;
      if (locked) {
        q = locked.is
          ? q.where((eb) => eb.or([eb('locked', '=', 1), eb('bad_login_attempts', '>', locked.maxBadLoginAttempts)]))
          : q.where('locked', '=', 0).where('bad_login_attempts', '<=', locked.maxBadLoginAttempts);
      }
      const rows = await q.orderBy('created_at').orderBy('user_id').limit(page.limit).offset(page.offset).execute();
      return rows.map((r) => publicUser(toUser(r)));
    },
    /** `createdByBoot` only for users the server creates at boot (bootstrap admin, demo data). */
    async insert(user: UserWithPassword, options: { createdByBoot?: boolean } = {}): Promise<void> {
      await db
        .insertInto('users')
        .values({
          user_id: user.userId,
          provider: user.provider,
          provider_id: user.providerId,
          username: user.username,
          email: user.email,
          first_name: user.firstName,
          last_name: user.lastName,
          password_hash: user.passwordHash,
          validated: user.validated ? 1 : 0,
          bad_login_attempts: 0,
          locked: 0,
          deleted: 0,
          ...(options.createdByBoot && { created_by_boot: 1 }),
          created_at: Date.now(),
        })
        .execute();
    },
    /**
     * Reserves one login attempt before the password is verified: the counter is incremented in the
     * same statement that reads the user, so concurrent attempts (in any process) each see a distinct
     * count and no more passwords are ever verified than the lock allows. Answers the user with its
     * password hash and the count including this attempt.
     */
    async reserveLoginAttempt(
      provider: string,
      username: string,
      maxBadLoginAttempts: number,
    ): Promise<{ user: UserWithPassword; attempt: number } | undefined> {
      const row = await db
        .updateTable('users')
        .set((eb) => ({ bad_login_attempts: eb('bad_login_attempts', '+', 1) }))
        .where('provider', '=', provider)
        .where('provider_id', '=', username)
        .where('deleted', '=', 0)
        .returningAll()
        .executeTakeFirst();
      if (!row) return undefined;
      const attempt = Number(row.bad_login_attempts);
      // The attempt that takes the counter over the limit locks the user: tokens cached anywhere must
      // be looked up again. Later attempts change nothing a cache holds, so they announce nothing.
      if (attempt === maxBadLoginAttempts + 1) await announce('credentials');
      return { user: { ...toUser(row), badLoginAttempts: attempt - 1 }, attempt };
    },
    async resetBadLogins(userId: string): Promise<void> {
      await db.updateTable('users').set({ bad_login_attempts: 0 }).where('user_id', '=', userId).execute();
    },
    async count(): Promise<number> {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    /** For boot: the user with this identity (deleted or not) and whether the server created it at boot. */
    async getForBoot(
      provider: string,
      providerId: string,
    ): Promise<{ user: User; createdByBoot: boolean; deleted: boolean } | undefined> {
      const row = await db
        .selectFrom('users')
        .selectAll()
        .where('provider', '=', provider)
        .where('provider_id', '=', providerId)
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        user: publicUser(toUser(row)),
        createdByBoot: Number(row.created_by_boot) === 1,
        deleted: Number(row.deleted) === 1,
      };
    },
    /** Unlocks (and undeletes) a user: its failed-login counter starts again from zero. */
    async reenable(userId: string): Promise<void> {
      await db.updateTable('users').set({ locked: 0, bad_login_attempts: 0, deleted: 0 }).where('user_id', '=', userId).execute();
      // tokens cached anywhere as a locked user's must be looked up again
      await announce('credentials');
    },
  };
}
