/**
 * The committed migrations (apps/api/drizzle) match the tables in ./schema: drizzle-kit, run on a
 * copy of the migrations folder, finds nothing to generate. Fix a failure with
 * `pnpm --filter @switchyard/api generate` and commit the new migration.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from './migrate.js';

const run = promisify(execFile);
const API_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DRIZZLE_KIT = join(API_ROOT, 'node_modules/drizzle-kit/bin.cjs');
const SCHEMA = join(API_ROOT, 'src/db/schema/index.ts');

const scratch = mkdtempSync(join(tmpdir(), 'sy-migrations-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function generateInto(outDir: string): Promise<string> {
  const { stdout, stderr } = await run(process.execPath, [DRIZZLE_KIT, 'generate', '--dialect', 'postgresql', '--schema', SCHEMA, '--out', outDir], {
    cwd: API_ROOT,
    timeout: 60_000,
  });
  return `${stdout}\n${stderr}`;
}

describe('migrations', () => {
  it('are current: drizzle-kit generates nothing new from the schema', async () => {
    const copy = join(scratch, 'committed');
    cpSync(MIGRATIONS_FOLDER, copy, { recursive: true });
    const before = readdirSync(copy).sort();
    const output = await generateInto(copy);
    expect(readdirSync(copy).sort(), `drizzle-kit generated a migration:\n${output}`).toEqual(before);
  }, 90_000);

  it('would be detected as missing (the check is not vacuous)', async () => {
    const empty = join(scratch, 'empty');
    await generateInto(empty);
    expect(readdirSync(empty).length).toBeGreaterThan(0);
  }, 90_000);
});
