/** Starts one server process: store → boot data → app → listen. Used by main.ts, tests and benchmarks. */
import type { Config } from './config.js';
import { allEndpoints } from './api/index.js';
import { ensureBootstrapAdmin, ensureBootstrapConsumer, loadDemoData, type BootstrapAdmin } from './bootstrap.js';
import { buildApp, type App } from './http/app.js';
import { openStore, type Store } from './store/index.js';

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

/** Opens the store (migrations), then the boot data: bootstrap consumer, demo data (empty database only), bootstrap admin. */
export async function prepareStore(config: Config, sqliteFile?: string): Promise<PreparedStore> {
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, sqliteFile });
  try {
    await ensureBootstrapConsumer(store, config);
    const demoLoaded = config.demo ? await loadDemoData(store, config) : false;
    const bootstrapAdmin = await ensureBootstrapAdmin(store, config);
    return { store, demoLoaded, bootstrapAdmin };
  } catch (err) {
    await store.close();
    throw err;
  }
}

export async function startServer(config: Config, options: { sqliteFile?: string } = {}): Promise<RunningServer> {
  const { store, demoLoaded, bootstrapAdmin } = await prepareStore(config, options.sqliteFile);
  const app = buildApp(config, store, allEndpoints, { bootstrapAdminUserId: bootstrapAdmin?.userId });
  await app.fastify.listen({ port: config.port, host: config.host });
  const address = app.fastify.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return {
    url: `http://${host}:${port}`,
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
