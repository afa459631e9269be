/**
 * Start-up failures with a known cause. Each message is one line naming the cause and the setting to
 * change; the process prints it without a stack trace and exits with code 2.
 */
import { join, resolve } from 'node:path';
import type { Config } from './config.js';

export class StartupError extends Error {}

function codeOf(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** `listen` failed: the port or the address cannot be used. */
export function listenProblem(err: unknown, config: Pick<Config, 'host' | 'port'>): StartupError | undefined {
  const { host, port } = config;
  switch (codeOf(err)) {
    case 'EADDRINUSE':
      return new StartupError(
        `Port ${port} is already in use (HOST ${host}): stop what listens there, or set PORT to a free port.`,
      );
    case 'EACCES':
      return new StartupError(
        `Not allowed to listen on port ${port}: ports below 1024 need privileges; set PORT to 1024 or above.`,
      );
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new StartupError(
        `Cannot listen on HOST ${host}: it is not an address of this machine; set HOST (0.0.0.0 listens on all).`,
      );
  }
  return undefined;
}

/** The embedded database could not be opened or written. */
export function sqliteProblem(err: unknown, config: Pick<Config, 'databaseUrl' | 'dataDir'>): StartupError | undefined {
  if (config.databaseUrl) return undefined;
  const file = resolve(join(config.dataDir, 'obp.sqlite'));
  const code = codeOf(err);
  const reason = err instanceof Error ? err.message : String(err);
  switch (code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
    case 'ENOTDIR':
    case 'EEXIST':
    case 'SQLITE_CANTOPEN':
    case 'SQLITE_READONLY':
    case 'SQLITE_PERM':
    case 'SQLITE_IOERR':
    case 'SQLITE_FULL':
      return new StartupError(
        `Cannot use the embedded database ${file} (${code}: ${reason}): set OBP_DATA_DIR to a writable directory, or OBP_DATABASE_URL to use PostgreSQL.`,
      );
    case 'SQLITE_NOTADB':
    case 'SQLITE_CORRUPT':
      return new StartupError(
        `${file} is not a usable SQLite database (${code}): move it away, or set OBP_DATA_DIR to another directory.`,
      );
  }
  return undefined;
}

/** PostgreSQL answered, but the role may not create the tables (migrations). */
export function postgresPermissionProblem(err: unknown, config: Pick<Config, 'databaseUrl'>): StartupError | undefined {
  if (!config.databaseUrl || codeOf(err) !== '42501') return undefined;
  const reason = err instanceof Error ? err.message : String(err);
  return new StartupError(
    `PostgreSQL refused to create or change the tables (${reason}): give the role in OBP_DATABASE_URL the CREATE privilege on the schema (or ownership of the database), or use another role.`,
  );
}
