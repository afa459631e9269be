import { CompiledQuery, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';
import type { Metric } from '../../domain/model.js';
import type { MetricsWorker } from '../metrics-worker.js';
import type { Database } from '../schema.js';

export interface MetricQuery {
  fromDate?: number;
  toDate?: number;
  limit: number;
  offset: number;
  ascending: boolean;
  consumerId?: string;
  userId?: string;
  anon?: boolean;
  url?: string;
  appName?: string;
  implementedByPartialFunction?: string;
  implementedInVersion?: string;
  verb?: string;
  correlationId?: string;
  duration?: number;
}

const columns = [
  'date',
  'user_id',
  'user_name',
  'developer_email',
  'app_name',
  'consumer_id',
  'url',
  'verb',
  'implemented_by_partial_function',
  'implemented_in_version',
  'correlation_id',
  'duration',
  'status',
] as const;

function row(m: Metric) {
  return {
    date: m.date,
    user_id: m.userId,
    user_name: m.userName,
    developer_email: m.developerEmail,
    app_name: m.appName,
    consumer_id: m.consumerId,
    url: m.url,
    verb: m.verb,
    implemented_by_partial_function: m.implementedByPartialFunction,
    implemented_in_version: m.implementedInVersion,
    correlation_id: m.correlationId,
    duration: m.duration,
    status: m.status,
  };
}

/** the column types PostgreSQL reads a batch's JSON rows with */
const recordTypes = columns
  .map((c) => `${c} ${c === 'date' ? 'bigint' : c === 'duration' || c === 'status' ? 'integer' : 'text'}`)
  .join(', ');
const sqliteInsert = `INSERT INTO metrics (${columns.join(', ')}) SELECT ${columns
  .map((_c, i) => `json_extract(value, '$[${i}]')`)
  .join(', ')} FROM json_each(?)`;
/** a metric's values in the order of `columns` (the embedded store's batches are arrays of these) */
function values(m: Metric): unknown[] {
  return [
    m.date,
    m.userId,
    m.userName,
    m.developerEmail,
    m.appName,
    m.consumerId,
    m.url,
    m.verb,
    m.implementedByPartialFunction,
    m.implementedInVersion,
    m.correlationId,
    m.duration,
    m.status,
  ];
}

/** one row, positional parameters: what the embedded store's metrics worker runs per row */
export const sqliteRowInsert = `INSERT INTO metrics (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
const postgresInsert = `INSERT INTO metrics (${columns.join(', ')}) SELECT ${columns.join(', ')} FROM json_to_recordset($1::json) AS r(${recordTypes})`;

/** PostgreSQL text cannot hold NUL, nor can JSON turned into text: the metric keeps U+0001 in its place. */
function withoutNul(value: string): string {
  return value.includes('\0') ? value.replaceAll('\0', '\u0001') : value;
}

export function metricRepo(db: Kysely<Database>, dialect: Dialect, worker?: MetricsWorker) {
  return {
    /**
     * Every API call lands here, so a batch is one statement with one JSON parameter on both
     * stores: the same SQL text whatever the batch size (prepared once), and one native
     * JSON.stringify instead of the driver or the query builder handling thirteen values a row.
     */
    async insertMany(metrics: readonly Metric[]): Promise<void> {
      if (metrics.length === 0) return;
      if (dialect === 'sqlite') {
        const json = JSON.stringify(metrics.map(values));
        // off the main thread when the database is a file (see metrics-worker.ts)
        await (worker ? worker.insert(json) : db.executeQuery(CompiledQuery.raw(sqliteInsert, [json])));
        return;
      }
      const rows = metrics.map(row);
      let json = JSON.stringify(rows);
      // JSON writes NUL as \u0000, which PostgreSQL refuses to read as text (a rare, slower path)
      if (json.includes('\\u0000'))
        json = JSON.stringify(rows, (_key, v: unknown) => (typeof v === 'string' ? withoutNul(v) : v));
      // Metrics are best effort: a batch need not wait for its WAL flush.
      await db.transaction().execute(async (trx) => {
        await trx.executeQuery(CompiledQuery.raw('SET LOCAL synchronous_commit = off'));
        await trx.executeQuery(CompiledQuery.raw(postgresInsert, [json]));
      });
    },
    async query(f: MetricQuery): Promise<Metric[]> {
      let q = db.selectFrom('metrics').selectAll();
      if (f.fromDate !== undefined) q = q.where('date', '>=', f.fromDate);
      if (f.toDate !== undefined) q = q.where('date', '<=', f.toDate);
      if (f.consumerId !== undefined) q = q.where('consumer_id', '=', f.consumerId);
      if (f.userId !== undefined) q = q.where('user_id', '=', f.userId);
      if (f.anon !== undefined) q = q.where('user_id', f.anon ? '=' : '<>', '');
      if (f.url !== undefined) q = q.where('url', '=', f.url);
      if (f.appName !== undefined) q = q.where('app_name', '=', f.appName);
      if (f.implementedByPartialFunction !== undefined)
        q = q.where('implemented_by_partial_function', '=', f.implementedByPartialFunction);
      if (f.implementedInVersion !== undefined) q = q.where('implemented_in_version', '=', f.implementedInVersion);
      if (f.verb !== undefined) q = q.where('verb', '=', f.verb);
      if (f.correlationId !== undefined) q = q.where('correlation_id', '=', f.correlationId);
      if (f.duration !== undefined) q = q.where('duration', '=', f.duration);
      const direction = f.ascending ? 'asc' : 'desc';
      const rows = await q.orderBy('date', direction).orderBy('metric_id', direction).limit(f.limit).offset(f.offset).execute();
      return rows.map((r) => ({
        date: Number(r.date),
        userId: r.user_id,
        userName: r.user_name,
        developerEmail: r.developer_email,
        appName: r.app_name,
        consumerId: r.consumer_id,
        url: r.url,
        verb: r.verb,
        implementedByPartialFunction: r.implemented_by_partial_function,
        implementedInVersion: r.implemented_in_version,
        correlationId: r.correlation_id,
        duration: Number(r.duration),
        status: Number(r.status),
      }));
    },
  };
}
