/**
 * Queries compiled once. Kysely rebuilds and recompiles SQL on every call (up to ~50 µs for a join);
 * for the queries on every request we compile once per dialect with placeholder parameters and
 * afterwards only substitute values. On PostgreSQL the SQL text then maps to one named prepared
 * statement (see connect.ts), so neither Node nor the database re-plans it. Outside transactions
 * the compiled text goes straight to the driver (the pg pool, the SQLite statement), skipping
 * Kysely's per-call connection handling, which costs as much as the rest of a hot request.
 */
import { CompiledQuery, type Compilable, type Kysely } from 'kysely';
import type { Database } from './schema.js';

const slotName = Symbol('slot');

interface Slot {
  [slotName]: string;
}

function isSlot(value: unknown): value is Slot {
  return typeof value === 'object' && value !== null && slotName in value;
}

interface Template {
  sql: string;
  /** per bound parameter: the name of the caller's value, or a constant of the query itself */
  slots: ({ name: string } | { constant: unknown })[];
}

/** Runs a compiled read outside Kysely; registered per database by connect() */
export interface DirectReads {
  ready(): boolean;
  run(sql: string, parameters: readonly unknown[]): Promise<unknown[]>;
}

const direct = new WeakMap<object, DirectReads>();

export function readDirectly(db: Kysely<Database>, reads: DirectReads): void {
  direct.set(db, reads);
}

export function preparedQuery<P extends Record<string, unknown>, O>(
  build: (db: Kysely<Database>, params: P) => Compilable<O>,
): (db: Kysely<Database>, params: P) => Promise<O[]> {
  const templates = new WeakMap<object, Template>();
  const placeholders = new Proxy({}, { get: (_target, name): Slot => ({ [slotName]: String(name) }) }) as P;

  return async (db, params) => {
    const adapter = db.getExecutor().adapter;
    let template = templates.get(adapter);
    if (!template) {
      const compiled = build(db, placeholders).compile();
      template = {
        sql: compiled.sql,
        slots: compiled.parameters.map((p) => (isSlot(p) ? { name: p[slotName] } : { constant: p })),
      };
      templates.set(adapter, template);
    }
    const parameters = template.slots.map((s) => ('name' in s ? params[s.name] : s.constant));
    const reads = direct.get(db);
    if (reads?.ready()) return (await reads.run(template.sql, parameters)) as O[];
    const result = await db.executeQuery<O>(CompiledQuery.raw(template.sql, parameters));
    return result.rows;
  };
}

/**
 * A multi-row INSERT compiled once per shape (row count and columns) instead of on every call: the
 * payment's request row and its two transactions are the widest statements on its path.
 */
export function preparedInsert<T extends keyof Database>(
  table: T,
): (db: Kysely<Database>, rows: readonly Record<string, unknown>[]) => Promise<void> {
  const byShape = new Map<string, (db: Kysely<Database>, params: Record<string, unknown>) => Promise<unknown[]>>();
  return async (db, rows) => {
    if (rows.length === 0) return;
    const keys = Object.keys(rows[0]!);
    const shape = `${rows.length}:${keys.join(',')}`;
    let run = byShape.get(shape);
    if (!run) {
      run = preparedQuery((qdb, p: Record<string, unknown>) =>
        qdb.insertInto(table).values(rows.map((_, i) => Object.fromEntries(keys.map((k) => [k, p[`${i}:${k}`]]))) as never),
      );
      if (byShape.size < 100) byShape.set(shape, run);
    }
    const params: Record<string, unknown> = {};
    rows.forEach((row, i) => {
      for (const k of keys) params[`${i}:${k}`] = row[k];
    });
    await run(db, params);
  };
}
