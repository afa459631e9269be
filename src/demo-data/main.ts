/**
 * `npm run demo-data -- --bank B --accounts N --transactions M [--password P]`: writes a bank, N
 * accounts (one holder each, owner access) and M transactions per account into the store the server
 * uses (OBP_DATABASE_URL, else OBP_DATA_DIR).
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { openStore } from '../store/index.js';
import { generateDemoData } from './generate.js';

const { values } = parseArgs({
  options: {
    bank: { type: 'string', default: 'demo-bank' },
    accounts: { type: 'string', default: '1' },
    transactions: { type: 'string', default: '1000' },
    password: { type: 'string', default: 'Demo-Pass-2026!' },
  },
});
const accounts = Number(values.accounts);
const transactions = Number(values.transactions);
if (!Number.isSafeInteger(accounts) || accounts < 1 || !Number.isSafeInteger(transactions) || transactions < 0) {
  console.error('usage: npm run demo-data -- --bank B --accounts N --transactions M');
  process.exit(2);
}
const config = loadConfig();
const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, secretKey: config.secretKey });
const started = Date.now();
try {
  const result = await generateDemoData(
    store,
    { bankId: values.bank, accounts, transactions, provider: config.localIdentityProvider, password: values.password },
    (written, total) => {
      const s = (Date.now() - started) / 1000;
      process.stdout.write(`\r${written}/${total} transactions, ${s.toFixed(1)} s, ${Math.round(written / s)}/s   `);
    },
  );
  const s = (Date.now() - started) / 1000;
  console.log(`\n${result.transactions} transactions in ${s.toFixed(1)} s; users (password ${values.password}):`);
  for (const [i, u] of result.users.entries()) console.log(`  ${u}  ${result.accounts[i]}`);
} finally {
  await store.close();
}
