import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../src/store/index.js';
import { createTestDatabase, storeKind } from './server.js';

/** A fresh, migrated store of the kind named by OBP_TEST_STORE, and its disposal. */
export async function openTestStore(): Promise<{ store: Store; dispose: () => Promise<void> }> {
  if (storeKind === 'postgres') {
    const db = await createTestDatabase();
    const store = await openStore({ databaseUrl: db.url, dataDir: '' });
    return {
      store,
      dispose: async () => {
        await store.close();
        await db.drop();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'obp-store-'));
  const store = await openStore({ databaseUrl: undefined, dataDir: dir });
  return {
    store,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
