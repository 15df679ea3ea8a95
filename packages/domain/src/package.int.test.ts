/**
 * The package as integrators get it: `pnpm pack` (which cleans and builds, see `prepack`), then the
 * tarball installed with npm into a throw-away project outside the workspace and used from plain
 * Node ESM and from TypeScript. Catches what the workspace hides: an `exports` map that still points
 * at `src/`, a `workspace:` or `catalog:` range left in package.json, a file missing from `files`,
 * tests or factories shipped, or `.d.ts` files that do not resolve through the exports map.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const SETUP_TIMEOUT_MS = 180_000;
const PROCESS_TIMEOUT_MS = 60_000;

interface PackedPackageJson {
  name: string;
  version: string;
  type?: string;
  main?: string;
  types?: string;
  exports?: Record<string, unknown>;
  dependencies?: Record<string, string>;
}

/** Reads a .tgz (ustar) into path → content, without depending on a `tar` binary. */
function readTarball(file: string): Map<string, Buffer> {
  const archive = gunzipSync(readFileSync(file));
  const entries = new Map<string, Buffer>();
  let offset = 0;
  while (offset + 512 <= archive.length) {
    const header = archive.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const text = (start: number, length: number) =>
      header
        .subarray(start, start + length)
        .toString('utf8')
        .replace(/\0.*$/s, '');
    const name = text(0, 100);
    const prefix = text(345, 155);
    const size = Number.parseInt(text(124, 12).trim() || '0', 8);
    const type = text(156, 1);
    const path = prefix ? `${prefix}/${name}` : name;
    if (type === '0' || type === '')
      entries.set(path, archive.subarray(offset + 512, offset + 512 + size));
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return entries;
}

/**
 * The environment for npm in the consumer project: pnpm's own `npm_config_*` settings would
 * otherwise leak into npm (and warn, or change what it does). The registry, cache and proxy
 * settings are kept, so npm reaches whatever registry this machine is configured for.
 */
function npmEnvironment(): NodeJS.ProcessEnv {
  const kept = new Set([
    'registry',
    'cache',
    'proxy',
    'https_proxy',
    'noproxy',
    'strict_ssl',
    'cafile',
  ]);
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    const lower = name.toLowerCase();
    if (lower.startsWith('npm_config_') && !kept.has(lower.slice('npm_config_'.length))) continue;
    if (lower.startsWith('npm_package_') || lower.startsWith('pnpm_')) continue;
    env[name] = value;
  }
  return env;
}

const CONSUMER_ESM = `
import {
  ERROR_CODES,
  DomainError,
  checkTransferEligibility,
  customerCreateInputSchema,
  externalSubscriptionCsvRowSchema,
  parseInput,
} from '@switchyard/domain';

const valid = parseInput(customerCreateInputSchema, {
  companyName: ' Adatum Corporation ',
  primaryDomain: 'Adatum.onmicrosoft.com',
  country: 'us',
});
const invalid = parseInput(customerCreateInputSchema, {
  companyName: 'Adatum Corporation',
  primaryDomain: 'adatum.onmicrosoft.com',
  country: 'uk',
});
const eligibility = checkTransferEligibility(
  {
    id: 'sub-1', customerId: 'adatum', cloud: 'GLOBAL', channel: 'CSP', billingModel: 'LICENSE_BASED',
    offerName: 'Microsoft 365 E3', status: 'ACTIVE', quantity: 25, term: 'P1Y',
    termStart: new Date('2025-05-16'), termEnd: new Date('2026-05-16'), autoRenew: true,
    cancellationAllowedUntil: new Date('2025-05-23'), sellerPartnerId: 'tailspin',
    billingPartnerId: 'tailspin', managingPartnerId: 'tailspin', isInOpenTransfer: false,
  },
  { id: 'contoso', kind: 'DIRECT_PROVIDER', cloud: 'GLOBAL', markets: ['US'] },
  {
    kind: 'PARTNER_SWITCH',
    customer: { id: 'adatum', cloud: 'GLOBAL', country: 'US', isPartnerTenant: false },
    relationships: [{ id: 'r1', partnerId: 'contoso', customerId: 'adatum', type: 'RESELLER', status: 'ACTIVE', indirectProviderId: null }],
    now: new Date('2025-06-15'),
  },
);
const error = new DomainError('STALE_VERSION', 'Someone changed this meanwhile.');
const csvRow = parseInput(externalSubscriptionCsvRowSchema, {
  customer_domain: 'adatum.onmicrosoft.com', offer_sku: 'M365-E3', channel: 'mail order',
  external_reference: 'EA-1', quantity: '10', term_start: '2025-01-01', term_end: '2026-01-01',
});

process.stdout.write(JSON.stringify({
  validValue: valid.ok ? valid.value : null,
  invalidErrors: invalid.ok ? [] : invalid.errors,
  eligible: eligibility.eligible,
  reasonCodes: eligibility.reasons.map((reason) => reason.code),
  errorCodeCount: ERROR_CODES.length,
  hasNotSeller: ERROR_CODES.includes('NOT_SELLER'),
  domainError: { name: error.name, code: error.code, isError: error instanceof Error, userError: error.toUserError() },
  csvRowErrorFields: csvRow.ok ? [] : csvRow.errors.map((error) => error.field),
}));
`;

const CONSUMER_TS = `
import { ERROR_CODES, parseInput, subscriptionRegisterExternalInputSchema } from '@switchyard/domain';
import type { ErrorCode, MutationInput, UserError } from '@switchyard/domain';

export function explain(error: UserError): string {
  const code: ErrorCode = error.code;
  return code === 'STALE_VERSION' ? 'Reload and try again.' : error.message;
}

export const codes: readonly ErrorCode[] = ERROR_CODES;

export function register(raw: unknown): MutationInput<'subscriptionRegisterExternal'> | UserError[] {
  const result = parseInput(subscriptionRegisterExternalInputSchema, raw);
  return result.ok ? result.value : result.errors;
}

// @ts-expect-error: not an error code, so the types must refuse it.
export const notACode: ErrorCode = 'NOT_A_CODE';
`;

describe('the published package', () => {
  let workDir = '';
  let tarball = '';
  let entries = new Map<string, Buffer>();
  let packed: PackedPackageJson = { name: '', version: '' };
  let consumerDir = '';

  beforeAll(() => {
    workDir = mkdtempSync(join(tmpdir(), 'switchyard-domain-pack-'));
    const packDir = join(workDir, 'pack');
    mkdirSync(packDir);
    execFileSync('pnpm', ['pack', '--pack-destination', packDir], {
      cwd: PACKAGE_DIR,
      stdio: 'pipe',
    });
    const [file] = readdirSync(packDir).filter((name) => name.endsWith('.tgz'));
    if (!file) throw new Error(`pnpm pack left no tarball in ${packDir}`);
    tarball = join(packDir, file);
    entries = readTarball(tarball);
    packed = JSON.parse(
      entries.get('package/package.json')?.toString('utf8') ?? '{}',
    ) as PackedPackageJson;

    // Outside the workspace: no pnpm, no workspace links, only what npm installs from the tarball.
    consumerDir = join(workDir, 'consumer');
    mkdirSync(consumerDir);
    writeFileSync(
      join(consumerDir, 'package.json'),
      JSON.stringify({ name: 'switchyard-domain-consumer', private: true, type: 'module' }),
    );
    execFileSync(
      'npm',
      ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'],
      {
        cwd: consumerDir,
        env: npmEnvironment(),
        stdio: 'pipe',
      },
    );
  }, SETUP_TIMEOUT_MS);

  afterAll(() => {
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('points its exports, main and types at the built dist/', () => {
    expect(packed.name).toBe('@switchyard/domain');
    expect(packed.version).toMatch(/^\d+\.\d+\.\d+(-[\w.]+)?$/);
    expect(packed.type).toBe('module');
    expect(packed.exports?.['.']).toEqual({
      types: './dist/index.d.ts',
      import: './dist/index.js',
    });
    expect(packed.main).toBe('./dist/index.js');
    expect(packed.types).toBe('./dist/index.d.ts');
  });

  it('depends on zod by a real version range, with no workspace or catalog protocol left', () => {
    expect(packed.dependencies?.zod).toMatch(/^[\^~]?\d+\.\d+\.\d+/);
    expect(JSON.stringify(packed)).not.toMatch(/workspace:|catalog:/);
  });

  it('ships dist, README and CHANGELOG, and no sources, tests or test factories', () => {
    const paths = [...entries.keys()];
    expect(paths.filter((path) => !path.startsWith('package/dist/')).sort()).toEqual([
      'package/CHANGELOG.md',
      'package/README.md',
      'package/package.json',
    ]);
    expect(paths).toEqual(
      expect.arrayContaining(['package/dist/index.js', 'package/dist/index.d.ts']),
    );
    expect(paths.filter((path) => /\.test\.|\/testing\/|\/src\//.test(path))).toEqual([]);
    // Every module has its types.
    const modules = paths.filter((path) => path.endsWith('.js'));
    expect(modules.length).toBeGreaterThan(10);
    for (const module of modules) expect(paths).toContain(module.replace(/\.js$/, '.d.ts'));
  });

  it('names in its CHANGELOG the version it carries', () => {
    expect(entries.get('package/CHANGELOG.md')?.toString('utf8')).toContain(`## ${packed.version}`);
  });

  it(
    'installs with npm outside the workspace and runs from plain Node ESM',
    () => {
      writeFileSync(join(consumerDir, 'check.mjs'), CONSUMER_ESM);
      const output = execFileSync(process.execPath, ['check.mjs'], {
        cwd: consumerDir,
        encoding: 'utf8',
      });
      const result = JSON.parse(output) as Record<string, unknown>;
      expect(result).toMatchObject({
        validValue: {
          companyName: 'Adatum Corporation',
          primaryDomain: 'adatum.onmicrosoft.com',
          country: 'US',
        },
        invalidErrors: [{ code: 'VALIDATION_FAILED', field: ['country'] }],
        eligible: false,
        reasonCodes: ['LICENSE_TERM_NOT_ENDED'],
        hasNotSeller: true,
        domainError: {
          name: 'DomainError',
          code: 'STALE_VERSION',
          isError: true,
          userError: { code: 'STALE_VERSION' },
        },
        csvRowErrorFields: [['channel']],
      });
      expect(result.errorCodeCount).toBeGreaterThanOrEqual(31);
    },
    PROCESS_TIMEOUT_MS,
  );

  it('resolves zod from the consumer’s own node_modules', () => {
    const require = createRequire(join(consumerDir, 'package.json'));
    expect(require.resolve('zod')).toContain(join(consumerDir, 'node_modules', 'zod'));
  });

  it(
    'type-checks a TypeScript consumer through the exports map',
    () => {
      writeFileSync(join(consumerDir, 'check-types.ts'), CONSUMER_TS);
      writeFileSync(
        join(consumerDir, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            target: 'ES2022',
            module: 'NodeNext',
            moduleResolution: 'NodeNext',
            strict: true,
            noEmit: true,
            skipLibCheck: true,
            types: [],
          },
          files: ['check-types.ts'],
        }),
      );
      const tsc = createRequire(join(PACKAGE_DIR, 'package.json')).resolve('typescript/bin/tsc');
      const run = () =>
        execFileSync(process.execPath, [tsc, '-p', consumerDir], {
          cwd: consumerDir,
          encoding: 'utf8',
          stdio: 'pipe',
        });
      expect(run).not.toThrow();
    },
    PROCESS_TIMEOUT_MS,
  );
});
