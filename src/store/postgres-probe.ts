/**
 * One test connection to PostgreSQL before anything else uses it, so that a wrong URL or a server
 * that is down is reported as one sentence (where, and what went wrong) instead of a driver error.
 */
import pg from 'pg';

/** Where a PostgreSQL URL points, as the driver reads it (never the password). */
export interface PostgresTarget {
  /** `host:port`, or the unix socket */
  address: string;
  database: string;
  user: string;
}

export function postgresTarget(url: string): PostgresTarget {
  const c = new pg.Client({ connectionString: url });
  const host = String(c.host);
  const port = String(c.port);
  return {
    address: host.startsWith('/') ? `socket ${host}/.s.PGSQL.${port}` : `${host.includes(':') ? `[${host}]` : host}:${port}`,
    database: c.database ?? '',
    user: c.user ?? '',
  };
}

export type ProbeFailure = { target: PostgresTarget } & (
  | { kind: 'unreachable' | 'unknown-host' | 'timeout'; code: string }
  | { kind: 'no-role' | 'no-database' | 'refused' | 'password-needed' | 'other'; detail: string }
);

/** Connects once and disconnects; answers why that failed, or undefined when it worked. */
export async function probePostgres(url: string, timeoutMs = 10_000): Promise<ProbeFailure | undefined> {
  const target = postgresTarget(url);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.end();
    return undefined;
  } catch (err) {
    await client.end().catch(() => undefined);
    return classify(err, target);
  }
}

function classify(err: unknown, target: PostgresTarget): ProbeFailure {
  const { code, message } = err as { code?: unknown; message?: unknown };
  const detail = typeof message === 'string' ? message : String(err);
  switch (code) {
    case 'ECONNREFUSED':
    case 'ECONNRESET':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ENOENT':
    case 'EACCES':
      return { target, kind: 'unreachable', code };
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return { target, kind: 'unknown-host', code };
    case 'ETIMEDOUT':
      return { target, kind: 'timeout', code };
    case '3D000':
      return { target, kind: 'no-database', detail };
    case '28000':
      return { target, kind: /^role ".*" does not exist$/.test(detail) ? 'no-role' : 'refused', detail };
    case '28P01':
      return { target, kind: 'refused', detail };
  }
  if (/timeout/i.test(detail)) return { target, kind: 'timeout', code: 'timeout' };
  // the server asks for a password the URL does not carry (pg says "client password must be a string")
  if (/password must be a string/.test(detail)) return { target, kind: 'password-needed', detail };
  return { target, kind: 'other', detail };
}

/** The failure as one sentence; `variable` is where the URL came from, named in what to change. */
export function describeProbeFailure(failure: ProbeFailure, variable: string): string {
  const { address, database, user } = failure.target;
  const at = `PostgreSQL at ${address}`;
  switch (failure.kind) {
    case 'unreachable':
      return `Cannot reach ${at} (${failure.code}): start PostgreSQL there, or correct the host and port in ${variable}.`;
    case 'unknown-host':
      return `Cannot resolve the PostgreSQL host of ${address} (${failure.code}): correct the host in ${variable}.`;
    case 'timeout':
      return `${at} did not answer in time: check that the host and port in ${variable} are right and reachable.`;
    case 'no-role':
      return `${at} has no role "${user}": correct the user in ${variable}, or create the role (createuser ${user}).`;
    case 'no-database':
      return `${at} has no database "${database}": create it (createdb ${database}), or correct the database name in ${variable}.`;
    case 'refused':
      return `${at} refused user "${user}" (${failure.detail}): correct the user or password in ${variable}, or the server's pg_hba.conf.`;
    case 'password-needed':
      return `${at} asks user "${user}" for a password: put it in ${variable} (postgres://user:password@host/database).`;
    case 'other':
      return `Cannot connect to ${at} (${failure.detail}): check ${variable}.`;
  }
}
