/** The committed schema.graphql is what the code builds: regenerate with `pnpm --filter @switchyard/api schema:print`. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schema } from './index.js';
import { printSortedSchema, SCHEMA_FILE } from './print-schema.js';

describe('schema.graphql', () => {
  it('is current (run `pnpm --filter @switchyard/api schema:print` after changing the schema)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(printSortedSchema(schema));
  });
});
