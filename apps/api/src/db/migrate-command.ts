/** `pnpm --filter @switchyard/api migrate`: applies pending migrations to the configured database, then exits. */
import { loadEnv } from '../env.js';
import { createDatabase, databaseConfigFromEnv } from './client.js';
import { migrateDatabase } from './migrate.js';

const env = loadEnv();
const database = await createDatabase(databaseConfigFromEnv(env));
try {
  await migrateDatabase(database);
  process.stdout.write(`Migrations applied (${database.kind}).\n`);
} finally {
  await database.close();
}
