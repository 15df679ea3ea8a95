/**
 * Three projects over the API's tests:
 * - `unit`: pure tests (`*.test.ts`, the benchmark's included), no database;
 * - `pglite`: integration tests (`*.int.test.ts`) on an in-memory PGlite per file;
 * - `postgres`: the same integration tests on a PostgreSQL database per file, created on
 *   TEST_DATABASE_URL / DATABASE_URL / postgres://postgres@127.0.0.1:5432/postgres.
 * Locally, an unreachable PostgreSQL skips the `postgres` project with a notice; in CI (CI=true) the
 * project still runs and fails, so a broken PostgreSQL never passes silently.
 */
import { defineConfig } from 'vitest/config';
import type { TestProjectInlineConfiguration, ViteUserConfig } from 'vitest/config';
import { loadTestEnv } from './src/env.js';
import { isPostgresReachable } from './src/test/postgres-reachable.js';

const INTEGRATION_TESTS = 'src/**/*.int.test.ts';

export const config = defineConfig(async (): Promise<ViteUserConfig> => {
  const testEnv = loadTestEnv();
  const runPostgres = testEnv.isCi || (await isPostgresReachable(testEnv.adminDatabaseUrl));
  if (!runPostgres) {
    console.warn(`\n⚠ PostgreSQL is not reachable at ${new URL(testEnv.adminDatabaseUrl).host}: skipping the "postgres" test project.\n`);
  }
  const integration = (name: 'pglite' | 'postgres'): TestProjectInlineConfiguration => ({
    extends: true,
    test: {
      name,
      include: [INTEGRATION_TESTS],
      env: { SWITCHYARD_TEST_DATABASE: name },
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  });
  return {
    resolve: {
      // Node and Vite would otherwise load graphql twice (CJS and ESM): "another realm" errors.
      alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
    },
    test: {
      projects: [
        { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts', 'bench/**/*.test.ts'], exclude: [INTEGRATION_TESTS] } } satisfies TestProjectInlineConfiguration,
        integration('pglite'),
        ...(runPostgres ? [integration('postgres')] : []),
      ],
    },
  };
});

export default config;
