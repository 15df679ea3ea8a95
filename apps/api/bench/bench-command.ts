/**
 * `pnpm bench` (→ `pnpm --filter @switchyard/api run bench …`): the API against a hand-written
 * baseline in the same run, on PostgreSQL and on PGlite. See the "Benchmarks" section of the README.
 *
 *   --smoke              tiny world, ~1 s per measurement, one run: proves the harness works (CI)
 *   --runs N             runs per mode; figures are medians (default 3; smoke 1)
 *   --duration S         seconds per measurement (default 8; smoke 1)
 *   --customers N        large-world customers on PostgreSQL (default 20000)
 *   --pglite-customers N large-world customers on PGlite (default 2000)
 *   --only a,b           scenarios (viewer, customer, page, overview, transfer-pair, refusal-huge-first, refusal-deep-nesting)
 *   --mode postgres|pglite|both   (default both)
 *   --cpu-prof           profile the API child (node --cpu-prof) into bench-results/profiles/
 *
 * Figures go to bench-results/ (git-ignored) as <time>.md and <time>.json, and latest.md/.json.
 * No assertion fails the command on a figure: budgets are reported as met or failed, not enforced
 * (the exit code is non-zero only when the harness itself breaks).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  buildClientSchema,
  getIntrospectionQuery,
  MaxIntrospectionDepthRule,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import type { IntrospectionQuery } from 'graphql';
import { loadEnv, REPOSITORY_ROOT } from '../src/env.js';
import type { BenchDatabase, BenchFixtures, WorldSize } from './bench-world.js';
import {
  createPgliteBenchDatabase,
  createPostgresBenchDatabase,
  seedBenchWorld,
} from './bench-world.js';
import { startServerChild } from './child-protocol.js';
import { runFixedRate } from './fixed-rate.js';
import type { ServerChild } from './child-protocol.js';
import type { LoadResult, PreparedScenario } from './load.js';
import { runLoad, sendOne } from './load.js';
import { busyMicros, summarizeCpuProfile } from './profile-summary.js';
import type { CpuProfile } from './profile-summary.js';
import type { StatementProbe, ModeReport, ScenarioReport, TargetName } from './report.js';
import { renderMarkdown } from './report.js';
import {
  acceptFailure,
  createdTransfer,
  CUSTOMER_PAGE,
  pairAccept,
  pairCreate,
  queryFailure,
  SCENARIO_NAMES,
  SCENARIOS,
  TransferPool,
} from './scenarios.js';
import type { Scenario } from './scenarios.js';

const say = (line = '') => process.stdout.write(`${line}\n`);
const ms = (value: number | null) => (value === null ? '–' : value.toFixed(1));

interface Options {
  smoke: boolean;
  runs: number;
  durationSeconds: number;
  postgresSize: WorldSize;
  pgliteSize: WorldSize;
  only: string[];
  modes: ('postgres' | 'pglite')[];
  cpuProfile: boolean;
}

function parseOptions(): Options {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((argument) => argument !== '--'),
    options: {
      smoke: { type: 'boolean', default: false },
      runs: { type: 'string' },
      duration: { type: 'string' },
      customers: { type: 'string' },
      'pglite-customers': { type: 'string' },
      only: { type: 'string' },
      mode: { type: 'string', default: 'both' },
      'cpu-prof': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const number = (value: string | undefined, fallback: number, name: string) => {
    if (value === undefined) return fallback;
    const parsed = Number(value.replace(/_/g, ''));
    if (!Number.isFinite(parsed) || parsed <= 0)
      throw new Error(`--${name} must be a positive number`);
    return parsed;
  };
  const smoke = values.smoke;
  const only = values.only ? values.only.split(',').map((name) => name.trim()) : SCENARIO_NAMES;
  const unknown = only.filter((name) => !SCENARIO_NAMES.includes(name));
  if (unknown.length)
    throw new Error(
      `Unknown scenario(s): ${unknown.join(', ')} (known: ${SCENARIO_NAMES.join(', ')})`,
    );
  const mode = values.mode;
  if (mode !== 'both' && mode !== 'postgres' && mode !== 'pglite')
    throw new Error('--mode must be postgres, pglite or both');
  return {
    smoke,
    runs: Math.round(number(values.runs, smoke ? 1 : 3, 'runs')),
    // Hard ceilings keep every load loop bounded whatever is passed.
    durationSeconds: Math.min(120, number(values.duration, smoke ? 1 : 8, 'duration')),
    postgresSize: {
      customers: Math.round(number(values.customers, smoke ? 100 : 20_000, 'customers')),
      subscriptionsPerCustomer: 5,
      poolCustomers: smoke ? 60 : 1_000,
    },
    pgliteSize: {
      customers: Math.round(
        number(values['pglite-customers'], smoke ? 100 : 2_000, 'pglite-customers'),
      ),
      subscriptionsPerCustomer: 5,
      poolCustomers: smoke ? 60 : 200,
    },
    only,
    modes: mode === 'both' ? ['postgres', 'pglite'] : [mode],
    cpuProfile: values['cpu-prof'],
  };
}

// --- Availability -------------------------------------------------------------------------------

async function prepareScenarios(
  api: ServerChild,
  fixtures: BenchFixtures,
  only: string[],
): Promise<{
  prepared: PreparedScenario[];
  unavailable: { scenario: Scenario; reason: string }[];
}> {
  const answer = await sendOne(api, fixtures.keys.contoso, {
    operationName: 'IntrospectionQuery',
    query: getIntrospectionQuery(),
  });
  const introspection = JSON.parse(answer.body) as { data: IntrospectionQuery };
  const schema = buildClientSchema(introspection.data);
  const prepared: PreparedScenario[] = [];
  const unavailable: { scenario: Scenario; reason: string }[] = [];
  for (const scenario of SCENARIOS.filter((candidate) => only.includes(candidate.name))) {
    const reasons: string[] = [];
    let chosen: PreparedScenario | undefined;
    // A pair needs both of its operations; other scenarios take the first operation that validates.
    const candidates =
      scenario.kind === 'pair'
        ? [scenario.operations]
        : scenario.operations.map((operation) => [operation]);
    for (const operations of candidates) {
      // A refusal probe only needs its fields to exist: being refused by a validation rule is its point.
      const rules =
        scenario.kind === 'refusal'
          ? specifiedRules.filter((rule) => rule !== MaxIntrospectionDepthRule)
          : specifiedRules;
      const errors = operations.flatMap((operation) =>
        validate(schema, parse(operation.query), rules).map((error) => error.message),
      );
      if (errors.length === 0) {
        chosen = { scenario, operation: operations[0]! };
        break;
      }
      reasons.push(...errors);
    }
    if (chosen) prepared.push(chosen);
    else unavailable.push({ scenario, reason: [...new Set(reasons)].slice(0, 3).join(' / ') });
  }
  return { prepared, unavailable };
}

// --- Quiet ------------------------------------------------------------------------------------

const QUIET_MS = 300;
const QUIET_LIMIT_MS = 30_000;

/**
 * Waits until the server sends no statement for QUIET_MS (at most QUIET_LIMIT_MS): requests a
 * finished load left in flight must not count in the next probe or slow the next measurement.
 */
async function waitQuiet(server: ServerChild): Promise<void> {
  const deadline = Date.now() + QUIET_LIMIT_MS;
  let previous = (await server.count()).count;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    const current = (await server.count()).count;
    if (current === previous) return;
    previous = current;
  }
}

// --- Statement probes ---------------------------------------------------------------------------

const PROBE_REPEATS = 3;

function classify(recorded: string[]): { wrapper: number; authentication: number; data: number } {
  let wrapper = 0;
  let authentication = 0;
  let data = 0;
  for (const text of recorded) {
    const normalized = text.trim().toUpperCase();
    if (
      normalized.startsWith('BEGIN') ||
      normalized === 'COMMIT' ||
      normalized === 'ROLLBACK' ||
      normalized.startsWith("SELECT SET_CONFIG('APP.PARTNER_ID'")
    )
      wrapper += 1;
    // Before the transaction: the API-key lookup and the rate limiter's bucket update.
    else if (
      (/\bapi_keys\b/.test(text) && !/\binsert\b/i.test(text)) ||
      /\brate_limit_buckets\b/.test(text)
    )
      authentication += 1;
    else data += 1;
  }
  return { wrapper, authentication, data };
}

/** Sends each request alone and reads the server's counter around it: exact statements per request. */
async function probeStatements(
  server: ServerChild,
  fixtures: BenchFixtures,
  pool: TransferPool,
  prepared: PreparedScenario,
): Promise<StatementProbe> {
  const { scenario, operation } = prepared;
  const samples: number[] = [];
  let last: string[] = [];
  let sample: string | undefined;
  await waitQuiet(server);
  await server.record(true);
  for (let index = 0; index < PROBE_REPEATS; index += 1) {
    const before = await server.count();
    try {
      if (scenario.kind === 'pair') {
        const subscription = pool.take();
        if (!subscription) throw new Error('The transfer pool is empty');
        const create = pairCreate(fixtures, subscription);
        const createAnswer = await sendOne(server, create.key, create.body);
        const created = createdTransfer(createAnswer.status, createAnswer.body);
        if (created.transferId === undefined) {
          pool.giveBack(subscription);
          sample ??= created.failure;
        } else {
          const accept = pairAccept(fixtures, subscription, created.transferId);
          const acceptAnswer = await sendOne(server, accept.key, accept.body);
          const failure = acceptFailure(acceptAnswer.status, acceptAnswer.body);
          if (failure) {
            sample ??= failure;
            pool.stuck += 1;
          } else pool.moved(subscription);
        }
      } else {
        const answer = await sendOne(server, fixtures.keys.contoso, {
          ...operation,
          variables: scenario.variables?.(fixtures, index) ?? operation.variables,
        });
        if (scenario.kind === 'query') sample ??= queryFailure(answer.status, answer.body);
      }
    } catch (error) {
      // A probe that times out is a finding, not a harness failure.
      sample ??= error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    }
    const after = await server.count();
    samples.push(after.count - before.count);
    last = after.recorded.slice(before.recorded.length);
  }
  await server.record(false);
  samples.sort((a, b) => a - b);
  return {
    perOperation: samples[Math.floor(samples.length / 2)] ?? 0,
    ...classify(last),
    statements: last,
    failure: sample,
  };
}

/** Statements of the page at two sizes: they must be equal (no N+1). */
async function probePageSizes(
  api: ServerChild,
  fixtures: BenchFixtures,
): Promise<{ small: number; large: number }> {
  const measure = async (first: number, subscriptionsFirst: number) => {
    const before = await api.count();
    await sendOne(api, fixtures.keys.contoso, {
      operationName: 'CustomerPage',
      query: CUSTOMER_PAGE,
      variables: { first, subscriptionsFirst },
    });
    return (await api.count()).count - before.count;
  };
  await measure(1, 1); // warm
  return { small: await measure(2, 1), large: await measure(50, 10) };
}

// --- One scenario -------------------------------------------------------------------------------

interface ScenarioRunContext {
  report: ModeReport;
  results: Map<string, ScenarioReport>;
  fixtures: BenchFixtures;
  pool: TransferPool;
  options: Options;
}

/**
 * One run of a scenario on each of `servers`, in turns: each saturation level on one server and
 * then on the next, then the fixed rate (half of that server's own saturation) on each.
 */
async function measureScenario(
  item: PreparedScenario,
  servers: Map<TargetName, ServerChild>,
  run: number,
  { report, results, fixtures, pool, options }: ScenarioRunContext,
): Promise<void> {
  const { scenario } = item;
  // The server's CPU time around each load: what an operation costs the server process itself.
  // Every server must be quiet first: the other one may still be finishing a load's stragglers.
  const withServerCpu = async (server: ServerChild, load: () => Promise<LoadResult>) => {
    for (const each of servers.values()) await waitQuiet(each);
    const before = await server.count();
    const result = await load();
    const after = await server.count();
    return { ...result, serverCpuMicros: after.cpuMicros - before.cpuMicros };
  };
  const entry = results.get(scenario.name) ?? {
    name: scenario.name,
    title: scenario.title,
    kind: scenario.kind,
    dataStatementBudget: scenario.dataStatementBudget ?? null,
    statements: {},
    runs: { api: [], baseline: [] },
  };
  results.set(scenario.name, entry);
  if (run === 1)
    for (const [targetName, server] of servers)
      entry.statements[targetName] = await probeStatements(server, fixtures, pool, item);

  const measurements = new Map<TargetName, LoadResult[]>(
    [...servers.keys()].map((name) => [name, []]),
  );
  for (const connections of report.connections) {
    for (const [targetName, server] of servers) {
      const done = measurements.get(targetName)!;
      // Warm-up, not reported: JIT, plan caches and the pool's connections.
      if (done.length === 0 && !options.smoke)
        await withServerCpu(server, () =>
          runLoad(server, item, fixtures, pool, {
            connections,
            durationSeconds: Math.min(2, options.durationSeconds),
          }),
        );
      done.push(
        await withServerCpu(server, () =>
          runLoad(server, item, fixtures, pool, {
            connections,
            durationSeconds: options.durationSeconds,
          }),
        ),
      );
    }
  }
  for (const [targetName, server] of servers) {
    const saturation = measurements.get(targetName)!;
    const rate = Math.max(1, saturation[0]!.throughput * (scenario.kind === 'pair' ? 2 : 1) * 0.5);
    const fixed = await withServerCpu(server, () =>
      runFixedRate(server, item, fixtures, pool, {
        connections: report.connections[0]!,
        durationSeconds: options.durationSeconds,
        rate,
      }),
    );
    entry.runs[targetName].push({ saturation, fixedRate: fixed });
    const line = saturation.map((m) => `${m.connections}c ${m.throughput.toFixed(0)}/s`).join(', ');
    const failures = [...saturation, fixed].reduce((sum, m) => sum + m.failures, 0);
    say(
      `  run ${run} ${targetName.padEnd(8)} ${scenario.name.padEnd(22)} ${line}; at ${fixed.rate}/s p50 ${ms(fixed.latency.p50)} p95 ${ms(fixed.latency.p95)} p99 ${ms(fixed.latency.p99)} ms${failures ? `; ${failures} failures (${[...saturation, fixed].flatMap((m) => m.failureSamples)[0] ?? ''})` : ''}`,
    );
  }
}

// --- One mode -----------------------------------------------------------------------------------

async function runMode(
  mode: 'postgres' | 'pglite',
  options: Options,
  profileDir: string,
): Promise<ModeReport> {
  const env = loadEnv();
  const size = mode === 'postgres' ? options.postgresSize : options.pgliteSize;
  let database: BenchDatabase | undefined;
  const report: ModeReport = {
    mode,
    world: '',
    seedSeconds: 0,
    // Smoke: one saturation level, enough to prove every path works.
    connections: mode === 'pglite' ? [1] : options.smoke ? [10] : [10, 50],
    scenarios: [],
    unavailable: [],
    pageSizeStatements: null,
    notes: [],
  };
  try {
    database =
      mode === 'postgres'
        ? await createPostgresBenchDatabase(env.databaseUrl)
        : createPgliteBenchDatabase();
    say(
      `\n▸ ${mode}: seeding ${database.label} (${size.customers} customers × ${size.subscriptionsPerCustomer} + pool of ${size.poolCustomers} × 10)`,
    );
    const fixtures = await seedBenchWorld(database.config, size, (line) => say(line));
    report.seedSeconds = fixtures.seedSeconds;
    report.world = `${fixtures.counts.customers ?? 0} + ${size.poolCustomers} customers, ${fixtures.counts.subscriptions ?? 0} + ${fixtures.counts.poolSubscriptions ?? 0} subscriptions, ${fixtures.counts.transfers ?? 0} transfers`;
    const pool = new TransferPool(fixtures.pool);
    const configArgument = JSON.stringify(database.config);
    const results = new Map<string, ScenarioReport>();
    let prepared: PreparedScenario[] = [];
    let isPrepared = false;

    const start = (targetName: TargetName) =>
      startServerChild(
        targetName,
        targetName === 'api' ? './api-server-process.ts' : './baseline-server.ts',
        [configArgument],
        { cpuProfileDir: targetName === 'api' && options.cpuProfile ? profileDir : undefined },
      );

    for (let run = 1; run <= options.runs; run += 1) {
      // Alternate which server goes first, so neither always gets the warmer database.
      const order: TargetName[] = run % 2 === 1 ? ['api', 'baseline'] : ['baseline', 'api'];
      // On PostgreSQL both servers are up for the whole run and measured in turns, so that each of
      // the API's figures and the baseline's are taken seconds apart rather than minutes: this
      // machine's speed changes from one minute to the next (README, Benchmarks). PGlite's database
      // is a directory that one process opens at a time: one server, then the other.
      const turns: TargetName[][] = mode === 'postgres' ? [order] : order.map((name) => [name]);
      for (const targets of turns) {
        const servers = new Map<TargetName, ServerChild>();
        try {
          for (const targetName of targets) servers.set(targetName, await start(targetName));
          if (!isPrepared) {
            isPrepared = true;
            // Availability is decided against the API's schema, whichever server runs first.
            const api = servers.get('api') ?? (await start('api'));
            try {
              const availability = await prepareScenarios(api, fixtures, options.only);
              prepared = availability.prepared;
              report.unavailable = availability.unavailable.map(({ scenario, reason }) => ({
                name: scenario.name,
                title: scenario.title,
                reason,
              }));
              for (const { scenario, reason } of availability.unavailable)
                say(`  ${scenario.name}: unavailable (${reason})`);
              if (prepared.some(({ scenario }) => scenario.name === 'page'))
                report.pageSizeStatements = await probePageSizes(api, fixtures).catch(
                  (error: unknown) => {
                    say(
                      `  page-size probe failed: ${error instanceof Error ? error.message : String(error)}`,
                    );
                    return null;
                  },
                );
            } finally {
              if (!servers.has('api')) await api.stop();
            }
          }
          for (const item of prepared)
            await measureScenario(item, servers, run, { report, results, fixtures, pool, options });
        } finally {
          for (const server of servers.values()) await server.stop();
        }
      }
    }
    report.scenarios = [...results.values()];
    if (pool.stuck)
      report.notes.push(
        `${pool.stuck} pool subscriptions were left in an open transfer by a failed accept.`,
      );
    if (mode === 'pglite')
      report.notes.push(
        `PGlite has one connection: every figure is at 1 connection, and the world is smaller (${size.customers} customers) — loading 100,000 rows through WebAssembly takes minutes, and the in-process database shares the API's single thread.`,
      );
    return report;
  } finally {
    await database?.dispose();
  }
}

// --- Main ---------------------------------------------------------------------------------------

async function main(): Promise<number> {
  let options: Options;
  try {
    options = parseOptions();
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const resultsDir = resolve(REPOSITORY_ROOT, 'bench-results');
  const profileDir = join(resultsDir, 'profiles');
  // Profiles of earlier runs would be summarised again: start clean.
  rmSync(profileDir, { recursive: true, force: true });
  mkdirSync(profileDir, { recursive: true });
  const started = new Date();
  say(
    `Switchyard benchmark${options.smoke ? ' (smoke)' : ''}: ${options.runs} run(s) × ${options.durationSeconds} s per measurement, modes ${options.modes.join(' + ')}`,
  );

  const modes: ModeReport[] = [];
  for (const mode of options.modes) {
    try {
      modes.push(await runMode(mode, options, profileDir));
    } catch (error) {
      // No PostgreSQL on this machine: the smoke run still proves the harness on PGlite.
      const isUnreachable =
        mode === 'postgres' && (error as { code?: string }).code === 'ECONNREFUSED';
      if (!isUnreachable) throw error;
      say(`\n▸ postgres: skipped, nothing listens at DATABASE_URL's server or 127.0.0.1:5432`);
      if (!options.smoke) throw error;
    }
  }

  const profiles: string[] = [];
  if (options.cpuProfile) {
    // Each API child left a directory with one profile per thread: summarise the busiest thread.
    for (const directory of readdirSync(profileDir).filter((name) => name.startsWith('api-'))) {
      const candidates = readdirSync(join(profileDir, directory))
        .filter((name) => name.endsWith('.cpuprofile'))
        .map(
          (name) =>
            JSON.parse(readFileSync(join(profileDir, directory, name), 'utf8')) as CpuProfile,
        );
      const busiest = candidates.sort((a, b) => busyMicros(b) - busyMicros(a))[0];
      if (busiest)
        profiles.push(`bench-results/profiles/${directory}\n${summarizeCpuProfile(busiest, 30)}`);
    }
  }
  const report = {
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    options: { ...options },
    machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
    modes,
  };
  const markdown = renderMarkdown(report, profiles);
  const stamp = started.toISOString().replace(/[:.]/g, '-');
  const suffix = options.smoke ? '-smoke' : '';
  for (const name of [`${stamp}${suffix}`, `latest${suffix}`]) {
    writeFileSync(join(resultsDir, `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(join(resultsDir, `${name}.md`), markdown);
  }
  say(`\n${markdown}`);
  say(`Written: bench-results/${stamp}${suffix}.md and .json (also latest${suffix}.md/.json)`);
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  process.stderr.write(
    `\n✗ the benchmark harness failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
}
