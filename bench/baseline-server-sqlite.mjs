/**
 * The same-run baseline on the embedded store: a bare Fastify route doing one primary-key SELECT
 * through a prepared better-sqlite3 statement on the server's own database file, opened as the
 * server opens it. Plain JS, run by plain Node, like the bundled server.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import Fastify from 'fastify';

const dataDir = process.env.OBP_DATA_DIR;
if (!dataDir) throw new Error('OBP_DATA_DIR is required');
const db = new Database(join(dataDir, 'obp.sqlite'));
db.pragma('journal_mode = WAL');
db.pragma('busy_timeout = 5000');
const bankById = db.prepare('SELECT * FROM banks WHERE bank_id = ?');
const app = Fastify({ logger: false });

app.get('/banks/:id', async (request, reply) => {
  const row = bankById.get(request.params.id);
  if (!row) return reply.code(404).send({ code: 404, message: 'not found' });
  return { id: row.bank_id, short_name: row.short_name, full_name: row.full_name, logo: row.logo, website: row.website };
});

await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
