/**
 * The same-run baseline of the payments benchmark: a bare Fastify route doing what a payment costs
 * the database and nothing else — one transaction that moves the two balances with locked updates
 * in a fixed order and inserts the two transaction rows — with the same pool size as the server.
 * No authentication, no validation, no challenge, no JSON of OBP's shape.
 */
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import pg from 'pg';

const url = process.env.OBP_DATABASE_URL;
if (!url) throw new Error('OBP_DATABASE_URL is required');
const pool = new pg.Pool({ connectionString: url, max: 10 });
const app = Fastify({ logger: false });

const move = {
  name: 'baseline_move',
  text: 'UPDATE accounts SET balance = balance + $3 WHERE bank_id = $1 AND account_id = $2 RETURNING balance',
};
const insert = {
  name: 'baseline_insert',
  text: `INSERT INTO transactions (bank_id, account_id, transaction_id, kind, description, currency, amount, new_balance,
           posted_at, completed_at, counterparty_id, counterparty_name, counterparty_account_number, counterparty_iban,
           counterparty_bank_name, counterparty_kind)
         VALUES ($1, $2, $3, 'BASELINE', 'baseline', 'EUR', $4, $5, $6, $6, '', '', '', '', '', '')`,
};

app.get('/ready', async () => ({ ready: true }));

app.post('/pay/:bank/:from/:to', async (request) => {
  const { bank, from, to } = request.params;
  const cents = BigInt(Math.round(Number(request.body.amount) * 100));
  const legs = [
    [from, -cents],
    [to, cents],
  ];
  // the fixed lock order the server uses: by account id
  const ordered = [...legs].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const balances = new Map();
    for (const [account, delta] of ordered) {
      const { rows } = await client.query({ ...move, values: [bank, account, String(delta)] });
      balances.set(account, rows[0].balance);
    }
    const now = Date.now();
    for (const [account, delta] of legs) {
      await client.query({ ...insert, values: [bank, account, randomUUID(), String(delta), balances.get(account), now] });
    }
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
  return { status: 'COMPLETED' };
});

await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
