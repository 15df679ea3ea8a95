/**
 * Saturation over loopback with autocannon (programmatic: N connections, each sending its next
 * request as soon as the last is answered), and single requests for the statement probes. Latency
 * at a fixed rate is ./fixed-rate.ts (an open loop; autocannon's own rate limiting is not one).
 * Every answer is checked: a non-2xx status, `errors` in the body, or non-empty `userErrors` of a
 * mutation count as failures (for refusal scenarios, an answer that was executed is the failure).
 * Latencies are recorded per response and the percentiles computed exactly from them.
 *
 * Bounded: each run stops after `durationSeconds` (autocannon's own timer), and a watchdog stops it
 * if it has not finished 15 s later.
 */
import autocannon from 'autocannon';
import type { BenchFixtures, PoolSubscription } from './bench-world.js';
import type { GraphQLBody, Scenario } from './scenarios.js';
import {
  acceptFailure,
  createdTransfer,
  pairAccept,
  pairCreate,
  queryFailure,
  refusalFailure,
} from './scenarios.js';
import type { TransferPool } from './scenarios.js';

export interface LoadOptions {
  connections: number;
  durationSeconds: number;
}

/** Milliseconds; null when nothing was answered. */
export interface Latency {
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
}

export interface LoadResult {
  connections: number;
  rate: number | null;
  durationSeconds: number;
  requests: number;
  /** Requests (for pairs: completed pairs) per second. */
  throughput: number;
  failures: number;
  failureSamples: string[];
  latency: Latency;
  /**
   * CPU time (user + system, µs) the server process used from just before the load to after its
   * in-flight requests settled; bench-command.ts reads it off the child around the measurement.
   */
  serverCpuMicros?: number;
}

export interface Target {
  port: number;
}

const WATCHDOG_GRACE_MS = 15_000;
const SETTLE_MS = 500;
/** A single request that takes longer is reported as failed (and the probe moves on). */
const PROBE_TIMEOUT_MS = 15_000;

function headers(key: string): Record<string, string> {
  return { 'content-type': 'application/json', authorization: `Bearer ${key}` };
}

/** The operation of a scenario that validated against the schema (chosen by the caller). */
export interface PreparedScenario {
  scenario: Scenario;
  operation: GraphQLBody;
}

export async function runLoad(
  target: Target,
  prepared: PreparedScenario,
  fixtures: BenchFixtures,
  pool: TransferPool,
  options: LoadOptions,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let failures = 0;
  let pairs = 0;
  const failureSamples = new Set<string>();
  const fail = (reason: string) => {
    failures += 1;
    if (failureSamples.size < 5) failureSamples.add(reason);
  };
  const { scenario, operation } = prepared;
  let sequence = 0;

  const requests: autocannon.Request[] =
    scenario.kind === 'pair'
      ? pairRequests(fixtures, pool, fail, () => {
          pairs += 1;
        })
      : [
          {
            method: 'POST',
            path: '/graphql',
            headers: headers(fixtures.keys.contoso),
            setupRequest: (request) => {
              const body: GraphQLBody = {
                ...operation,
                variables: scenario.variables?.(fixtures, sequence++) ?? operation.variables,
              };
              return { ...request, body: JSON.stringify(body) };
            },
            onResponse: (status, body) => {
              const reason =
                scenario.kind === 'refusal'
                  ? refusalFailure(status, body)
                  : queryFailure(status, body);
              if (reason) fail(reason);
            },
          },
        ];

  let watchdog: NodeJS.Timeout | undefined;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${target.port}`,
        connections: options.connections,
        duration: options.durationSeconds,
        timeout: 10,
        requests,
      },
      (error, finished) =>
        error
          ? reject(error instanceof Error ? error : new Error(String(error)))
          : resolve(finished),
    );
    instance.on('response', (_client, _statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
    });
    instance.on('reqError', (error: unknown) =>
      fail(`request error: ${error instanceof Error ? error.message : String(error)}`),
    );
    watchdog = setTimeout(
      () => instance.stop(),
      options.durationSeconds * 1000 + WATCHDOG_GRACE_MS,
    );
  }).finally(() => clearTimeout(watchdog));

  // Let the requests still in flight when autocannon stopped finish before anything else is
  // measured: autocannon abandons them, the server does not. For a slow operation (50 overviews in
  // flight take seconds) a pause is not enough, so one more request of the same kind, answered
  // after them, tells when the server is free again.
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  if (scenario.kind === 'query')
    await sendOne(target, fixtures.keys.contoso, {
      ...operation,
      variables: scenario.variables?.(fixtures, sequence) ?? operation.variables,
    }).catch(() => undefined);

  const elapsedSeconds = result.duration || options.durationSeconds;
  const answered = latencies.length;
  // At most one request per connection is in flight when the run ends; it is not counted. A run
  // in which nothing at all was answered (every request slower than the run) is a failure.
  if (answered === 0) {
    fail(`no answer within ${options.durationSeconds} s`);
    failures += options.connections - 1;
  }
  return {
    connections: options.connections,
    rate: null,
    durationSeconds: elapsedSeconds,
    requests: answered,
    throughput: (scenario.kind === 'pair' ? pairs : answered - failures) / elapsedSeconds,
    failures: failures + result.timeouts,
    failureSamples: [...failureSamples],
    latency: percentiles(latencies),
  };
}

interface PairContext {
  subscription?: PoolSubscription;
  transferId?: string;
}

/** Two requests per connection cycle: the target creates, the source accepts. */
function pairRequests(
  fixtures: BenchFixtures,
  pool: TransferPool,
  fail: (reason: string) => void,
  pairDone: () => void,
): autocannon.Request[] {
  return [
    {
      method: 'POST',
      path: '/graphql',
      setupRequest: (request, rawContext) => {
        const context = rawContext as PairContext;
        const subscription = pool.take();
        context.subscription = subscription;
        context.transferId = undefined;
        // An empty pool cannot happen with the pool sizes used (≥ 6 per connection); say so if it does.
        if (!subscription)
          return {
            ...request,
            headers: headers(fixtures.keys.contoso),
            body: '{"operationName":"PoolEmpty","query":"{ __typename }"}',
          };
        const create = pairCreate(fixtures, subscription);
        return { ...request, headers: headers(create.key), body: JSON.stringify(create.body) };
      },
      onResponse: (status, body, rawContext) => {
        const context = rawContext as PairContext;
        if (!context.subscription) {
          fail('transfer pool empty');
          return;
        }
        const created = createdTransfer(status, body);
        if (created.failure !== undefined) {
          fail(created.failure);
          pool.giveBack(context.subscription);
          context.subscription = undefined;
          return;
        }
        context.transferId = created.transferId;
      },
    },
    {
      method: 'POST',
      path: '/graphql',
      setupRequest: (request, rawContext) => {
        const context = rawContext as PairContext;
        // After a failed create this request is still sent (autocannon's sequence is fixed): a no-op.
        if (!context.subscription || !context.transferId)
          return {
            ...request,
            headers: headers(fixtures.keys.contoso),
            body: '{"operationName":"CreateFailed","query":"query CreateFailed { __typename }"}',
          };
        const accept = pairAccept(fixtures, context.subscription, context.transferId);
        return { ...request, headers: headers(accept.key), body: JSON.stringify(accept.body) };
      },
      onResponse: (status, body, rawContext) => {
        const context = rawContext as PairContext;
        const subscription = context.subscription;
        if (!subscription || !context.transferId) return; // the create already failed and was counted
        const failure = acceptFailure(status, body);
        if (failure) {
          fail(failure);
          pool.stuck += 1;
          return;
        }
        pool.moved(subscription);
        pairDone();
      },
    },
  ];
}

export function percentiles(values: number[]): Latency {
  if (values.length === 0) return { p50: null, p95: null, p99: null, max: null };
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1] ?? 0 };
}

// --- Single requests (probes) -------------------------------------------------------------------

export interface SingleAnswer {
  status: number;
  body: string;
  ms: number;
}

export async function sendOne(
  target: Target,
  key: string,
  body: GraphQLBody,
): Promise<SingleAnswer> {
  const started = performance.now();
  const response = await fetch(`http://127.0.0.1:${target.port}/graphql`, {
    method: 'POST',
    headers: headers(key),
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
  });
  const text = await response.text();
  return { status: response.status, body: text, ms: performance.now() - started };
}
