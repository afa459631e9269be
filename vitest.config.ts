import { defineConfig } from 'vitest/config';

// The whole suite runs once per store: the embedded SQLite store and PostgreSQL.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'sqlite', env: { OBP_TEST_STORE: 'sqlite' } } },
      // Unit tests touch no store: they run once, in the sqlite project.
      {
        extends: true,
        test: {
          name: 'postgres',
          env: { OBP_TEST_STORE: 'postgres' },
          // the browser test drives one page: once, in the sqlite project
          exclude: ['test/unit/**', 'test/browser/**', 'node_modules/**'],
          // one clear line instead of every test failing when PostgreSQL is not there
          globalSetup: ['test/helpers/postgres-available.ts'],
        },
      },
    ],
  },
});
