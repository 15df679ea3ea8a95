// @vitest-environment node
/**
 * `src/graphql-env.d.ts` is generated from the schema (`pnpm generate`) and committed; this fails
 * when it is stale, so operations are never type-checked against an old schema.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'switchyard-graphql-env-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('src/graphql-env.d.ts', () => {
  it('is what `pnpm generate` makes from the current schema', () => {
    const fresh = join(scratch, 'graphql-env.d.ts');
    execFileSync(
      join(packageRoot, 'node_modules/.bin/gql.tada'),
      ['generate', 'output', '--output', fresh],
      {
        cwd: packageRoot,
        stdio: 'pipe',
      },
    );
    const committed = readFileSync(join(packageRoot, 'src/graphql-env.d.ts'), 'utf8');
    expect(readFileSync(fresh, 'utf8'), 'src/graphql-env.d.ts is stale: run `pnpm generate`').toBe(
      committed,
    );
  }, 30_000);
});
