/**
 * A snapshot of every table of a store: all rows, in a canonical order, hashed per table. Tables are
 * listed from the database itself, so tables added by later migrations are covered without changes
 * here. `metrics` (written for every call) and the migrator's own tables are left out.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { expect } from 'vitest';
import type { Store } from '../../src/store/index.js';

export interface TableState {
  rows: number;
  hash: string;
  /** canonical rows, sorted; kept to show what changed */
  lines: string[];
}

export type Snapshot = Map<string, TableState>;

const ignored = (table: string) => table === 'metrics' || table.startsWith('kysely_migration');

function canonical(value: unknown): unknown {
  if (typeof value === 'bigint') return `${value}n`;
  if (Buffer.isBuffer(value)) return `hex:${value.toString('hex')}`;
  if (value instanceof Date) return `date:${value.toISOString()}`;
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

export async function tableNames(store: Store): Promise<string[]> {
  const db = store.connection.db;
  const rows =
    store.dialect === 'postgres'
      ? (
          await sql<{ name: string }>`select table_name as name from information_schema.tables
            where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)
        ).rows
      : (
          await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(
            db,
          )
        ).rows;
  return rows
    .map((r) => r.name)
    .filter((name) => !ignored(name))
    .sort();
}

export async function snapshot(store: Store): Promise<Snapshot> {
  const result: Snapshot = new Map();
  for (const table of await tableNames(store)) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(store.connection.db);
    const lines = rows.map((r) => JSON.stringify(canonical(r))).sort();
    const hash = createHash('sha256').update(lines.join('\n')).digest('hex');
    result.set(table, { rows: rows.length, hash, lines });
  }
  return result;
}

/** One line per changed table, with a few of the rows that appeared or disappeared; empty when equal. */
export function snapshotDiff(before: Snapshot, after: Snapshot, maxRows = 3, maxChars = 300): string[] {
  const out: string[] = [];
  for (const table of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(table);
    const b = after.get(table);
    if (a?.hash === b?.hash) continue;
    const old = new Set(a?.lines ?? []);
    const now = new Set(b?.lines ?? []);
    const added = [...now].filter((l) => !old.has(l));
    const removed = [...old].filter((l) => !now.has(l));
    const show = (lines: string[]) => lines.slice(0, maxRows).map((l) => (l.length > maxChars ? `${l.slice(0, maxChars)}…` : l));
    out.push(
      `${table}: ${a?.rows ?? 0} → ${b?.rows ?? 0} rows; added ${JSON.stringify(show(added))}; removed ${JSON.stringify(show(removed))}`,
    );
  }
  return out;
}

/** runs `act` and expects no table of `store` to have changed */
export async function expectNothingWritten(store: Store, act: () => Promise<void>): Promise<void> {
  const before = await snapshot(store);
  await act();
  expect(snapshotDiff(before, await snapshot(store))).toEqual([]);
}
