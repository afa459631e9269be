import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';
import type { Metric } from '../../domain/model.js';
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

const arrayTypes: Record<(typeof columns)[number], string> = {
  date: 'bigint[]',
  user_id: 'text[]',
  user_name: 'text[]',
  developer_email: 'text[]',
  app_name: 'text[]',
  consumer_id: 'text[]',
  url: 'text[]',
  verb: 'text[]',
  implemented_by_partial_function: 'text[]',
  implemented_in_version: 'text[]',
  correlation_id: 'text[]',
  duration: 'integer[]',
  status: 'integer[]',
};

export function metricRepo(db: Kysely<Database>, dialect: Dialect) {
  return {
    /**
     * Every API call lands here, so on PostgreSQL a batch is one statement with one array per column
     * (UNNEST): the same SQL text whatever the batch size, parsed and planned once per connection.
     */
    async insertMany(metrics: readonly Metric[]): Promise<void> {
      if (metrics.length === 0) return;
      const rows = metrics.map(row);
      if (dialect === 'postgres') {
        const arrays = columns.map((c) => sql`${rows.map((r) => r[c])}::${sql.raw(arrayTypes[c])}`);
        await db
          .insertInto('metrics')
          .columns(columns)
          .expression(sql`SELECT * FROM unnest(${sql.join(arrays)})` as never)
          .execute();
        return;
      }
      for (let i = 0; i < rows.length; i += 500)
        await db
          .insertInto('metrics')
          .values(rows.slice(i, i + 500))
          .execute();
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
