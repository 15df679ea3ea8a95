#!/usr/bin/env node
// Compares apps/api/schema.graphql with the last release's schema (docs/schema/released.graphql)
// and fails on a breaking change to anything the release had not deprecated first.
//   node tooling/scripts/check-schema-changes.mjs [released.graphql] [current.graphql]
// The same check runs as a test in tooling/api-contract, so `npm test` enforces it.
// When a release ships: copy apps/api/schema.graphql to docs/schema/released.graphql.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareSchemas, formatReport } from '../api-contract/src/schema-changes.mjs';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const [
  releasedFile = join(root, 'docs/schema/released.graphql'),
  currentFile = join(root, 'apps/api/schema.graphql'),
] = process.argv.slice(2);

const report = await compareSchemas(
  readFileSync(releasedFile, 'utf8'),
  readFileSync(currentFile, 'utf8'),
);
process.stdout.write(`${formatReport(report)}\n`);
if (report.breaking.length) {
  process.stderr.write(
    `\n✗ ${report.breaking.length} breaking change(s). Deprecate first (@deprecated(reason: "…")) and remove in a later release, or add instead of changing.\n`,
  );
  process.exit(1);
}
process.stdout.write('\n✓ No breaking change against the released schema.\n');
