/** Process entry: config → (workers) → server → listen, with a graceful shutdown. */
import cluster from 'node:cluster';
import { resolve } from 'node:path';
import { ConfigError, loadConfig, type Config } from './config.js';
import { demoCredentials, type BootstrapAdmin } from './bootstrap.js';
import { createLogger, flushLogger, type Logger } from './http/logger.js';
import { localUrl, prepareStore, startServer } from './server.js';
import { StartupError } from './startup-error.js';
import { postgresTarget } from './store/postgres-probe.js';

/** Messages a worker sends its primary. */
type WorkerMessage = { obp: 'ready' } | { obp: 'failed'; line: string };

function isWorkerMessage(message: unknown): message is WorkerMessage {
  return typeof message === 'object' && message !== null && 'obp' in message;
}

/** What the start banner says besides the URL. */
interface BannerFacts {
  demo: 'loaded now' | 'present' | 'absent';
  bootstrapAdmin: BootstrapAdmin | undefined;
}

function databaseLine(config: Config): string {
  if (!config.databaseUrl) return `Database: embedded SQLite, ${resolve(config.dataDir, 'obp.sqlite')}`;
  const { address, database, user } = postgresTarget(config.databaseUrl);
  return `Database: PostgreSQL, database "${database}" on ${address}${user ? ` as ${user}` : ''}`;
}

function adminLines(config: Config, facts: BannerFacts): string[] {
  const admin = facts.bootstrapAdmin;
  if (admin) {
    const state = admin.created
      ? 'created now with OBP_BOOTSTRAP_ADMIN_PASSWORD'
      : 'existing user: its password is unchanged, OBP_BOOTSTRAP_ADMIN_PASSWORD only applies when it is created';
    return [`Bootstrap admin (super admin): ${admin.username} (${state}${admin.reenabled ? '; unlocked now' : ''})`];
  }
  if (config.superAdminUserIds.length > 0 || facts.demo !== 'absent') return [];
  return ['No admin yet: set OBP_BOOTSTRAP_ADMIN_USERNAME and OBP_BOOTSTRAP_ADMIN_PASSWORD to create one.'];
}

function demoLines(config: Config, url: string, facts: BannerFacts): string[] {
  if (facts.demo === 'absent') return [];
  const c = demoCredentials;
  // links a person follows: the public base URL when one is configured, else where this server listens
  const base = config.hostnameConfigured ? config.hostname : url;
  return [
    '',
    `${facts.demo === 'loaded now' ? 'Demo data loaded.' : 'Demo data (loaded on first start).'} Log in with DirectLogin, e.g.:`,
    `  curl -X POST ${base}/my/logins/direct \\`,
    `    -H 'DirectLogin: username="${c.admin.username}", password="${c.admin.password}", consumer_key="${c.consumerKey}"'`,
    `Users: ${[c.admin, ...c.users].map((u) => `${u.username} / ${u.password}`).join(', ')}`,
    `Consumer key: ${c.consumerKey}   (admin holds the management roles)`,
  ];
}

function printBanner(config: Config, url: string, facts: BannerFacts, workers = 1): void {
  const lines = [
    '',
    `obp-ts listening on ${url}${workers > 1 ? ` with ${workers} workers` : ''} (OBP API at ${url}/obp/v2.1.0/root)`,
    ...(config.apiExplorer ? [`API Explorer: ${config.hostnameConfigured ? config.hostname : url}/`] : []),
    databaseLine(config),
    ...adminLines(config, facts),
    ...demoLines(config, url, facts),
    '',
  ];
  console.log(lines.join('\n'));
}

/** A known start-up failure is one line and exit code 2; anything else is a bug, shown with its stack. */
function startupFailure(err: unknown): string | undefined {
  if (err instanceof ConfigError) return `Configuration error: ${err.message}`;
  if (err instanceof StartupError) return err.message;
  return undefined;
}

async function fail(err: unknown, logger?: Logger): Promise<never> {
  if (logger) await flushLogger(logger);
  const line = startupFailure(err);
  if (line === undefined) {
    console.error(err);
    process.exit(1);
  }
  if (cluster.isWorker && process.send) {
    // the primary prints the first worker's line once, not one per worker
    const message: WorkerMessage = { obp: 'failed', line };
    process.send(message, undefined, {}, () => process.exit(2));
    return new Promise<never>(() => undefined);
  }
  console.error(line);
  process.exit(2);
}

async function runPrimary(config: Config, logger: Logger): Promise<void> {
  if (!config.databaseUrl) {
    throw new StartupError(
      'OBP_WORKERS > 1 needs OBP_DATABASE_URL: the embedded database belongs to one process; set OBP_WORKERS=1 or use PostgreSQL.',
    );
  }
  // Migrations and boot data run once, before the workers share the database.
  const { store, demoLoaded, bootstrapAdmin } = await prepareStore(config);
  const demoPresent = demoLoaded || (config.demo && (await store.consumers.getByKey(demoCredentials.consumerKey)) !== undefined);
  await store.close();
  await flushLogger(logger);

  let stopping = false;
  let alive = config.workers;
  let ready = 0;
  let exitCode = 0;
  let failureShown = false;
  const showFailure = (line: string) => {
    if (failureShown) return;
    failureShown = true;
    console.error(line);
  };
  const stopWorkers = (code: number) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
  };
  cluster.on('message', (_worker, message: unknown) => {
    if (!isWorkerMessage(message)) return;
    if (message.obp === 'failed') {
      showFailure(message.line);
      stopWorkers(2);
    } else if (++ready === config.workers && !stopping) {
      const url = localUrl(config.host, config.port);
      const facts: BannerFacts = { demo: demoLoaded ? 'loaded now' : demoPresent ? 'present' : 'absent', bootstrapAdmin };
      printBanner(config, url, facts, config.workers);
    }
  });
  cluster.on('exit', (worker, code, signal) => {
    if (!stopping && ready < config.workers) {
      // A worker that cannot start means the server cannot: code 2 is a known cause, sent as a message.
      if (code !== 2) showFailure(`A worker exited during start-up (${signal ?? `code ${code}`}); obp-ts stops.`);
      stopWorkers(code === 2 ? 2 : 1);
    } else if (!stopping) {
      console.error(`worker ${worker.process.pid} exited with ${signal ?? code}`);
    }
    if (--alive === 0) {
      // the last messages of the workers may still be on their way
      setTimeout(() => {
        if (exitCode === 2) showFailure('A worker could not start; obp-ts stops.');
        process.exit(stopping ? exitCode : 1);
      }, 100);
    }
  });
  for (let i = 0; i < config.workers; i++) cluster.fork();
  process.once('SIGINT', () => stopWorkers(0));
  process.once('SIGTERM', () => stopWorkers(0));
}

async function runServer(config: Config, logger: Logger): Promise<void> {
  const server = await startServer(config, { logger });
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  // the logger's own start lines come first
  await flushLogger(logger);
  if (cluster.isWorker) {
    process.send?.({ obp: 'ready' } satisfies WorkerMessage);
    return;
  }
  if (server.store.secretKeySource === 'database') {
    logger.warn(
      'OBP_SECRET_KEY is not set: consumer secrets are encrypted with a key kept in the same database; set OBP_SECRET_KEY (openssl rand -base64 32) so that a copy of the database alone does not reveal them',
    );
  }
  // only when the demo data is really there (OBP_DEMO skips a database that already had data)
  const demoPresent =
    server.demoLoaded || (config.demo && (await server.store.consumers.getByKey(demoCredentials.consumerKey)) !== undefined);
  const facts: BannerFacts = {
    demo: server.demoLoaded ? 'loaded now' : demoPresent ? 'present' : 'absent',
    bootstrapAdmin: server.bootstrapAdmin,
  };
  printBanner(config, server.url, facts);
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    return fail(err);
  }
  const logger = createLogger(config.logLevel);
  try {
    // warnings once per server, not once per worker
    if (cluster.isPrimary) for (const warning of config.warnings) logger.warn(warning);
    if (config.workers > 1 && cluster.isPrimary) await runPrimary(config, logger);
    else await runServer(config, logger);
  } catch (err) {
    await fail(err, logger);
  }
}

void main();
