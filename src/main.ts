/** Process entry: config → (workers) → server → listen, with a graceful shutdown. */
import cluster from 'node:cluster';
import { ConfigError, loadConfig, type Config } from './config.js';
import { demoCredentials, type BootstrapAdmin } from './bootstrap.js';
import { prepareStore, startServer } from './server.js';
import { StartupError } from './startup-error.js';

function printAdmin(config: Config, admin: BootstrapAdmin | undefined, demoPresent: boolean): void {
  if (admin) {
    const state = admin.created
      ? 'created now with OBP_BOOTSTRAP_ADMIN_PASSWORD'
      : 'existing user: its password is unchanged, OBP_BOOTSTRAP_ADMIN_PASSWORD only applies when it is created';
    console.log(`Bootstrap admin (super admin): ${admin.username} (${state}${admin.reenabled ? '; unlocked now' : ''})`);
  } else if (config.superAdminUserIds.length === 0 && !demoPresent) {
    console.log('No admin yet: set OBP_BOOTSTRAP_ADMIN_USERNAME and OBP_BOOTSTRAP_ADMIN_PASSWORD to create one.');
  }
}

function printDemo(config: Config, url: string, loadedNow: boolean): void {
  const c = demoCredentials;
  console.log(
    [
      '',
      `${loadedNow ? 'Demo data loaded.' : 'Demo data (loaded on first start).'} Log in with DirectLogin, e.g.:`,
      `  curl -X POST ${url}/my/logins/direct \\`,
      `    -H 'DirectLogin: username="${c.admin.username}", password="${c.admin.password}", consumer_key="${c.consumerKey}"'`,
      `Users: ${[c.admin, ...c.users].map((u) => `${u.username} / ${u.password}`).join(', ')}`,
      `Consumer key: ${c.consumerKey}   (admin holds the management roles)`,
      config.databaseUrl ? '' : `Embedded database: ${config.dataDir}/obp.sqlite`,
      '',
    ].join('\n'),
  );
}

async function main(): Promise<void> {
  try {
    await run();
  } catch (err) {
    if (!(err instanceof StartupError)) throw err;
    console.error(err.message);
    process.exit(2);
  }
}

async function run(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Configuration error: ${err.message}`);
      process.exit(2);
    }
    throw err;
  }
  if (cluster.isPrimary) for (const warning of config.warnings) console.warn(`Warning: ${warning}`);

  if (config.workers > 1 && cluster.isPrimary) {
    if (!config.databaseUrl) {
      console.error('OBP_WORKERS > 1 needs OBP_DATABASE_URL: the embedded store belongs to one process.');
      process.exit(2);
    }
    // Migrations and boot data run once, before the workers share the database.
    const { store, demoLoaded, bootstrapAdmin } = await prepareStore(config);
    const demoPresent =
      demoLoaded || (config.demo && (await store.consumers.getByKey(demoCredentials.consumerKey)) !== undefined);
    await store.close();
    let stopping = false;
    for (let i = 0; i < config.workers; i++) cluster.fork();
    cluster.on('exit', (worker, code) => {
      if (!stopping && code !== 0) console.error(`worker ${worker.process.pid} exited with ${code}`);
    });
    const stopWorkers = () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
      cluster.once('exit', () => setTimeout(() => process.exit(0), 100));
    };
    process.once('SIGINT', stopWorkers);
    process.once('SIGTERM', stopWorkers);
    const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
    console.log(`obp-ts listening on ${url} with ${config.workers} workers (OBP API at ${url}/obp/v2.1.0/root)`);
    printAdmin(config, bootstrapAdmin, demoPresent);
    if (demoLoaded) printDemo(config, url, true);
    return;
  }

  const server = await startServer(config);
  if (cluster.isPrimary) {
    console.log(`obp-ts listening on ${server.url} (OBP API at ${server.url}/obp/v2.1.0/root)`);
    // only when the demo data is really there (OBP_DEMO skips a database that already had data)
    const demoPresent =
      server.demoLoaded || (config.demo && (await server.store.consumers.getByKey(demoCredentials.consumerKey)));
    printAdmin(config, server.bootstrapAdmin, Boolean(demoPresent));
    if (demoPresent) printDemo(config, server.url, server.demoLoaded);
  }
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

void main();
