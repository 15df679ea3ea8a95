/**
 * Prints the schema as committed in apps/api/schema.graphql (`pnpm --filter @switchyard/api
 * schema:print`). Sorted, so the file only changes when the schema does; a test fails when the
 * committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lexicographicSortSchema, printSchema } from 'graphql';
import type { GraphQLSchema } from 'graphql';

export const SCHEMA_FILE = fileURLToPath(new URL('../../schema.graphql', import.meta.url));

export function printSortedSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { schema } = await import('./index.js');
  writeFileSync(SCHEMA_FILE, printSortedSchema(schema));
  process.stdout.write(`Wrote ${SCHEMA_FILE}\n`);
}
