import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDemoData } from '../../src/demo-data/generate.js';
import { openStore } from '../../src/store/index.js';
import { storeKind } from '../helpers/server.js';

describe.skipIf(storeKind !== 'sqlite')('demo-data generator on SQLite', () => {
  it('writes the bank, one holder with owner access per account, and the transactions it reports', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'obp-demo-'));
    const store = await openStore({ databaseUrl: undefined, dataDir: dir });
    try {
      const result = await generateDemoData(store, {
        bankId: 'gen-bank',
        accounts: 2,
        transactions: 12_345,
        provider: 'local',
        password: 'Demo-Pass-2026!',
      });
      expect(result.transactions).toBe(24_690);
      expect(await store.banks.exists('gen-bank')).toBe(true);
      for (const accountId of result.accounts) {
        const account = (await store.accounts.get('gen-bank', accountId))!;
        const txs = await store.transactions.forAccount('gen-bank', accountId);
        expect(txs).toHaveLength(12_345);
        const sum = txs.reduce((s, t) => s + t.amount, 0n);
        expect(account.balance).toBe(250_000n + sum);
        expect(txs[0]!.newBalance).toBe(account.balance);
        const years = (txs[0]!.completedAt - txs.at(-1)!.completedAt) / (365 * 86_400_000);
        expect(years).toBeGreaterThan(4);
        expect(new Set(txs.map((t) => t.counterpartyName)).size).toBeLessThan(20);
        // one metadata row with an ALIAS_ public alias per counterparty
        const ids = [...new Set(txs.map((t) => t.counterpartyId))];
        const meta = await store.counterparties.metadata('gen-bank', accountId, ids);
        expect(meta.map((m) => m.counterparty_id).sort()).toEqual(ids.sort());
        for (const m of meta) expect(m.public_alias).toMatch(/^ALIAS_[0-9A-F]{6}$/);
        const [holder] = await store.accounts.holders('gen-bank', accountId);
        expect(await store.access.viewsOf(holder!, 'gen-bank', accountId)).toContain('owner');
      }
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
