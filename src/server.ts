/** Starts one server process: store → boot data → app → listen. Used by main.ts, tests and benchmarks. */
import type { Config } from './config.js';
import { allEndpoints } from './api/index.js';
import {
  ensureBootstrapAdmin,
  ensureBootstrapConsumer,
  ensureExplorerConsumer,
  loadDemoData,
  type BootstrapAdmin,
} from './bootstrap.js';
import { buildApp, type App } from './http/app.js';
import type { Logger } from './http/logger.js';
import { listenProblem, postgresPermissionProblem, sqliteProblem, StartupError } from './startup-error.js';
import { openStore, type Store } from './store/index.js';
import { describeProbeFailure, probePostgres } from './store/postgres-probe.js';

export interface RunningServer {
  url: string;
  app: App;
  store: Store;
  demoLoaded: boolean;
  bootstrapAdmin: BootstrapAdmin | undefined;
  close(): Promise<void>;
}

export interface PreparedStore {
  store: Store;
  demoLoaded: boolean;
  bootstrapAdmin: BootstrapAdmin | undefined;
}

/**
 * Opens the store (migrations), then the boot data in this order: bootstrap consumer, API Explorer
 * consumer, demo data (empty database only), bootstrap admin. A failure with a known cause is a StartupError.
 */
export async function prepareStore(config: Config, sqliteFile?: string): Promise<PreparedStore> {
  if (config.databaseUrl) {
    const failure = await probePostgres(config.databaseUrl);
    if (failure) throw new StartupError(describeProbeFailure(failure, 'OBP_DATABASE_URL'));
  }
  let store: Store;
  try {
    store = await openStore({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      sqliteFile,
      secretKey: config.secretKey,
    });
  } catch (err) {
    throw sqliteProblem(err, config) ?? postgresPermissionProblem(err, config) ?? err;
  }
  try {
    await ensureBootstrapConsumer(store, config);
    await ensureExplorerConsumer(store, config);
    const demoLoaded = config.demo ? await loadDemoData(store, config) : false;
    const bootstrapAdmin = await ensureBootstrapAdmin(store, config);
    return { store, demoLoaded, bootstrapAdmin };
  } catch (err) {
    await store.close();
    throw sqliteProblem(err, config) ?? err;
  }
}

/** `http://host:port` for a listening address, as a person would type it locally. */
export function localUrl(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}`;
}

export async function startServer(
  config: Config,
  options: { sqliteFile?: string; logger?: Logger } = {},
): Promise<RunningServer> {
  const { store, demoLoaded, bootstrapAdmin } = await prepareStore(config, options.sqliteFile);
  const app = buildApp(config, store, allEndpoints, { logger: options.logger, bootstrapAdminUserId: bootstrapAdmin?.userId });
  try {
    await app.fastify.listen({ port: config.port, host: config.host });
  } catch (err) {
    await app.fastify.close();
    await store.close();
    throw listenProblem(err, config) ?? err;
  }
  const address = app.fastify.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    url: localUrl(config.host, port),
    app,
    store,
    demoLoaded,
    bootstrapAdmin,
    async close() {
      await app.fastify.close();
      await store.close();
    },
  };
}
