/**
 * The example against the real API: apps/api started as a child process on a loopback port with a
 * throw-away PGlite database seeded with the demo world, then `pnpm start` run with the demo key
 * exactly as the README says. The API is checked afterwards too: the retried transferCreate made
 * one transfer, not two.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const EXAMPLE_DIR = fileURLToPath(new URL('..', import.meta.url));
const API_DIR = fileURLToPath(new URL('../../../apps/api/', import.meta.url));
const TSX_CLI = createRequire(import.meta.url).resolve('tsx/cli');
const DEMO_API_KEY = 'sy_demo_contoso_0001';

interface RunningApi {
  url: string;
  child: ChildProcess;
  output: () => string;
}

/** Starts apps/api/src/main.ts (migrations, demo world, HTTP) and resolves with its URL once it serves. */
function startApi(): Promise<RunningApi> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PGLITE_DIR: 'memory://',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
  };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [TSX_CLI, 'src/main.ts'], {
    cwd: API_DIR,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /GraphQL\s+(http:\/\/\S+)\/graphql/.exec(output);
      if (match?.[1]) resolve({ url: match[1], child, output: () => output });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', reject);
    child.once('exit', (code) =>
      reject(new Error(`The API exited (${code}) before serving:\n${output}`)),
    );
  });
}

async function stopApi(api: RunningApi | undefined): Promise<void> {
  if (!api || api.child.exitCode !== null) return;
  const exited = new Promise((resolve) => api.child.once('exit', resolve));
  api.child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  if (api.child.exitCode === null) api.child.kill('SIGKILL');
}

/** `pnpm start` in the example's folder, with only the given Switchyard settings. */
function runExample(settings: Record<string, string>): {
  status: number | null;
  stdout: string;
  stderr: string;
} {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) if (name.startsWith('SWITCHYARD_')) delete env[name];
  const result = spawnSync('pnpm', ['--silent', 'start'], {
    cwd: EXAMPLE_DIR,
    env: { ...env, ...settings },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function graphql<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_API_KEY}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data as T;
}

describe('the example integration against the real API', () => {
  let api: RunningApi | undefined;

  beforeAll(async () => {
    api = await startApi();
  });

  afterAll(async () => {
    await stopApi(api);
  });

  it('runs every step with the demo key and exits 0', async () => {
    const url = api?.url ?? '';
    const run = runExample({
      SWITCHYARD_URL: url,
      SWITCHYARD_API_KEY: DEMO_API_KEY,
      SWITCHYARD_PAGE_SIZE: '5',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const out = run.stdout;

    expect(out).toContain(
      'Signed in: Contoso Cloud Services (GLOBAL), role GLOBAL_ADMIN, as API_KEY',
    );
    // Page by page: five a page, every page but the last full, and the count adds up.
    const pages = [...out.matchAll(/^ {2}page (\d+): .* \((\d+)\/(\d+)\)$/gm)];
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const total = Number(pages.at(-1)?.[3]);
    expect(Number(pages.at(-1)?.[2])).toBe(total);
    expect(pages.length).toBe(Math.ceil(total / 5));
    expect(out).toContain(`Listed ${total} customers`);

    expect(out).toContain(
      'Checked locally before sending: quantity 0 → VALIDATION_FAILED [quantity]',
    );
    expect(out).toMatch(
      /^Registered .+ × 10 \(OPEN OPEN-[0-9A-F]{8}\) for .+: \S+, ACTIVE, term ends \d{4}-\d{2}-\d{2}$/m,
    );
    expect(out).toContain('The domain package says OPEN LICENSE_BASED moves by LICENSE_TRANSITION');
    expect(out).toMatch(/^Eligible for LICENSE_TRANSITION, scheduled for \d{4}-\d{2}-\d{2}$/m);

    const created =
      /^Transfer created with Idempotency-Key [0-9a-f-]{36}: (\S+), LICENSE_TRANSITION, SCHEDULED$/m.exec(
        out,
      );
    expect(created).not.toBeNull();
    const transferId = created?.[1] ?? '';
    expect(out).toContain(
      `Retried with the same key: the same transfer ${transferId} (SCHEDULED), nothing created twice`,
    );
    expect(out).toMatch(
      /^Refused as expected: ALREADY_IN_TRANSFER \[input\.subscriptionIds\.0\]: .+ → wait for the open transfer to end, or cancel it$/m,
    );
    expect(out).toMatch(
      /^Refused as expected: IDEMPOTENCY_KEY_REUSED: .+ → new input needs a new Idempotency-Key$/m,
    );

    expect(out).toContain('Webhook Switchyard-Signature: verified');
    expect(out).toContain('Tampered webhook body: rejected (SIGNATURE_MISMATCH)');
    expect(out).toContain(
      'Webhook replayed 10 minutes later: rejected (TIMESTAMP_OUT_OF_TOLERANCE)',
    );

    const done = /^Done: (\d+) customers listed, subscription (\S+), transfer (\S+)$/m.exec(out);
    expect(done?.[3]).toBe(transferId);

    // The API agrees: the subscription is held by exactly one transfer, the one the retry returned.
    const subscriptionId = done?.[2] ?? '';
    const data = await graphql<{
      node: {
        isInOpenTransfer: boolean;
        externalReference: string;
        customer: { id: string };
      } | null;
    }>(
      url,
      'query($id: ID!) { node(id: $id) { ... on CustomerSubscription { isInOpenTransfer externalReference customer { id } } } }',
      { id: subscriptionId },
    );
    expect(data.node?.isInOpenTransfer).toBe(true);
    const transfers = await graphql<{
      transfers: {
        nodes: {
          id: string;
          status: string;
          lineItems: { subscription: { id: string } | null }[];
        }[];
      };
    }>(
      url,
      'query($customerId: ID!) { transfers(first: 100, customerId: $customerId, kind: LICENSE_TRANSITION) { nodes { id status lineItems { subscription { id } } } } }',
      { customerId: data.node?.customer.id },
    );
    const holding = transfers.transfers.nodes.filter((transfer) =>
      transfer.lineItems.some((item) => item.subscription?.id === subscriptionId),
    );
    expect(holding).toEqual([expect.objectContaining({ id: transferId, status: 'SCHEDULED' })]);
  });

  it('stops with the API’s reason when the key is wrong', () => {
    const run = runExample({ SWITCHYARD_URL: api?.url ?? '', SWITCHYARD_API_KEY: 'sy_not_a_key' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/The API refused the request \(UNAUTHENTICATED, HTTP 401\)/);
  });

  it('says what to set when the API key is missing', () => {
    const run = runExample({ SWITCHYARD_URL: api?.url ?? '' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Set SWITCHYARD_API_KEY');
  });
});
