/**
 * The same-run baseline: bare Fastify routes on the same database, with the same pool size as the
 * server, each one named prepared statement: a primary-key SELECT of a bank, and a page of an
 * account's transactions (no authentication, no views) read as the server reads it, ids from the
 * paging index then the page's rows by primary key, in one statement. Plain JS, run by plain Node,
 * like the bundled server.
 */
import Fastify from 'fastify';
import pg from 'pg';

const url = process.env.OBP_DATABASE_URL;
if (!url) throw new Error('OBP_DATABASE_URL is required');
const pool = new pg.Pool({ connectionString: url, max: 10 });
const app = Fastify({ logger: false });

app.get('/banks/:id', async (request, reply) => {
  const { rows } = await pool.query({
    name: 'bank_by_id',
    text: 'SELECT * FROM banks WHERE bank_id = $1',
    values: [request.params.id],
  });
  const row = rows[0];
  if (!row) return reply.code(404).send({ code: 404, message: 'not found' });
  return { id: row.bank_id, short_name: row.short_name, full_name: row.full_name, logo: row.logo, website: row.website };
});

// The server's defaults (SEMANTICS §9.2): limit 50, offset 0, every date, newest first.
const header = (request, name, fallback) => request.headers[name] ?? fallback;
const instant = (raw, fallback) => (raw === undefined ? fallback : Date.parse(raw));

app.get('/banks/:bank/accounts/:account/transactions', async (request) => {
  const { rows } = await pool.query({
    name: 'transaction_page',
    text: `SELECT t.* FROM (
             SELECT transaction_id, completed_at FROM transactions
             WHERE bank_id = $1 AND account_id = $2 AND completed_at >= $3 AND completed_at <= $4
             ORDER BY completed_at DESC, transaction_id DESC LIMIT $5 OFFSET $6
           ) p JOIN transactions t ON t.bank_id = $1 AND t.account_id = $2 AND t.transaction_id = p.transaction_id
           ORDER BY p.completed_at DESC, p.transaction_id DESC`,
    values: [
      request.params.bank,
      request.params.account,
      instant(request.headers.obp_from_date, -8_640_000_000_000_000),
      instant(request.headers.obp_to_date, 8_640_000_000_000_000),
      Number(header(request, 'obp_limit', 50)),
      Number(header(request, 'obp_offset', 0)),
    ],
  });
  return {
    transactions: rows.map((r) => ({
      id: r.transaction_id,
      this_account: { id: r.account_id, bank_id: r.bank_id },
      other_account: {
        holder: { name: r.counterparty_name },
        number: r.counterparty_account_number,
        kind: r.counterparty_kind,
        IBAN: r.counterparty_iban,
        bank: { name: r.counterparty_bank_name },
      },
      details: {
        type: r.kind,
        description: r.description,
        posted: new Date(Number(r.posted_at)).toISOString(),
        completed: new Date(Number(r.completed_at)).toISOString(),
        new_balance: { currency: r.currency, amount: r.new_balance },
        value: { currency: r.currency, amount: r.amount },
      },
    })),
  };
});

await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
