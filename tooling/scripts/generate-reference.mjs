#!/usr/bin/env node
// Writes docs/reference.md from apps/api/schema.graphql (the committed, printed schema).
//   node tooling/scripts/generate-reference.mjs          rewrite docs/reference.md
//   node tooling/scripts/generate-reference.mjs --check  exit 1 if docs/reference.md is stale
// Run it after `pnpm --filter @switchyard/api schema:print`. The renderer lives in
// tooling/api-contract (which has graphql), whose test fails when the committed file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderReference } from '../api-contract/src/reference.mjs';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const schemaFile = join(root, 'apps/api/schema.graphql');
const referenceFile = join(root, 'docs/reference.md');

const expected = renderReference(readFileSync(schemaFile, 'utf8'));
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(referenceFile, 'utf8');
  } catch {
    // Missing counts as stale.
  }
  if (current !== expected) {
    process.stderr.write(
      '✗ docs/reference.md is stale: run `pnpm docs:reference` and commit it.\n',
    );
    process.exit(1);
  }
  process.stdout.write('✓ docs/reference.md matches apps/api/schema.graphql\n');
} else {
  writeFileSync(referenceFile, expected);
  process.stdout.write(`Wrote docs/reference.md (${expected.split('\n').length} lines)\n`);
}
