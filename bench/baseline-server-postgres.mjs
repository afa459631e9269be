/**
 * The same-run baseline: a bare Fastify route doing one primary-key SELECT through a named
 * prepared statement on the same database, with the same pool size as the server. Plain JS, run by
 * plain Node, like the bundled server.
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

await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
