/**
 * globalSetup of the `postgres` test project: without a reachable PostgreSQL every test of that project
 * would fail on its own with driver errors. This says once, in one line, why and how to run the SQLite
 * half alone, and ends the run (a thrown error would be buried under "No test files found").
 */
import { describeProbeFailure, probePostgres } from '../../src/store/postgres-probe.js';

export async function setup(): Promise<void> {
  const configured = process.env.OBP_TEST_PG_ADMIN_URL;
  const adminUrl = configured ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const failure = await probePostgres(adminUrl, 5_000);
  if (!failure) return;
  const variable = configured === undefined ? 'OBP_TEST_PG_ADMIN_URL (unset, so the default)' : 'OBP_TEST_PG_ADMIN_URL';
  console.error(
    `The postgres tests need PostgreSQL at ${adminUrl}: ${describeProbeFailure(failure, variable)} To run the SQLite half alone: npx vitest run --project sqlite`,
  );
  process.exit(1);
}
