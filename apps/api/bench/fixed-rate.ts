/**
 * Latency at a fixed rate, measured the way a steady stream of callers sees it (an open loop):
 * request i is sent at `start + i / rate` whether or not the earlier ones have been answered, and
 * its latency runs from that moment, including any wait for a free connection. A server that falls
 * behind therefore shows its queue in the percentiles instead of quietly lowering the rate (what
 * load testers call coordinated omission).
 *
 * autocannon's `overallRate`, used here before, is not that: each connection sends back to back
 * until it has used up its share of the second, then waits for the next second. "Half the
 * saturation rate" was full saturation for half of each second, and its percentiles were the
 * saturation latencies (p50 ≈ connections ÷ throughput).
 *
 * Transfer pairs are paced as pairs (half the request rate): the create is due at its slot, and the
 * accept follows its answer, so the accept's latency runs from when it was sent.
 */
import type { BenchFixtures } from './bench-world.js';
import type { LoadResult, PreparedScenario, Target } from './load.js';
import { percentiles } from './load.js';
import { jsonPost, RawHttpPool } from './raw-http-pool.js';
import type { RawAnswer } from './raw-http-pool.js';
import type { GraphQLBody, TransferPool } from './scenarios.js';
import {
  acceptFailure,
  createdTransfer,
  pairAccept,
  pairCreate,
  queryFailure,
  refusalFailure,
} from './scenarios.js';

/** A request not answered within this is a failure (autocannon's `timeout: 10` before). */
const REQUEST_TIMEOUT_MS = 10_000;
/** After the last slot, how long the answers still in flight may take before the run gives up on them. */
const DRAIN_GRACE_MS = 15_000;

/**
 * How many of the run's `total` slots are due `elapsedMs` after its start: slot i is due at
 * `i * 1000 / rate` ms, so slot 0 at once.
 */
export function slotsDue(elapsedMs: number, rate: number, total: number): number {
  if (elapsedMs < 0) return 0;
  return Math.min(total, Math.floor((elapsedMs * rate) / 1000) + 1);
}

/** When slot `index` is due, in ms after the start. */
export function slotTime(index: number, rate: number): number {
  return (index * 1000) / rate;
}

/** Runs `prepared` at `rate` requests a second for `durationSeconds`, over at most `connections` connections. */
export async function runFixedRate(
  target: Target,
  prepared: PreparedScenario,
  fixtures: BenchFixtures,
  pool: TransferPool,
  options: { connections: number; durationSeconds: number; rate: number },
): Promise<LoadResult> {
  const { scenario, operation } = prepared;
  const isPair = scenario.kind === 'pair';
  // A pair is two requests: pace the pairs at half the request rate.
  const slotRate = isPair ? options.rate / 2 : options.rate;
  const total = Math.max(1, Math.floor(slotRate * options.durationSeconds));
  const connections = new RawHttpPool(target.port, options.connections, REQUEST_TIMEOUT_MS);
  const latencies: number[] = [];
  let failures = 0;
  let completed = 0;
  const failureSamples = new Set<string>();
  const fail = (reason: string) => {
    failures += 1;
    if (failureSamples.size < 5) failureSamples.add(reason);
  };
  // A refusal probe sends the same bytes every time: build them once, not once per request.
  let last: { key: string; body: string; bytes: Buffer } | undefined;
  const bytesOf = (key: string, body: string): Buffer => {
    if (last?.key !== key || last.body !== body)
      last = { key, body, bytes: jsonPost('/graphql', { Authorization: `Bearer ${key}` }, body) };
    return last.bytes;
  };
  const timed = async (key: string, body: string, from: number): Promise<RawAnswer | undefined> => {
    try {
      const answer = await connections.send(bytesOf(key, body));
      latencies.push(performance.now() - from);
      return answer;
    } catch (error) {
      fail(`request error: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  };

  const requestAt = async (index: number, dueAt: number): Promise<void> => {
    const body: GraphQLBody = {
      ...operation,
      variables: scenario.variables?.(fixtures, index) ?? operation.variables,
    };
    const answer = await timed(fixtures.keys.contoso, JSON.stringify(body), dueAt);
    if (!answer) return;
    const reason =
      scenario.kind === 'refusal'
        ? refusalFailure(answer.status, answer.body)
        : queryFailure(answer.status, answer.body);
    if (reason) fail(reason);
    else completed += 1;
  };

  const pairAt = async (_index: number, dueAt: number): Promise<void> => {
    const subscription = pool.take();
    if (!subscription) {
      fail('transfer pool empty');
      return;
    }
    const create = pairCreate(fixtures, subscription);
    const createAnswer = await timed(create.key, JSON.stringify(create.body), dueAt);
    const created = createAnswer && createdTransfer(createAnswer.status, createAnswer.body);
    if (created?.transferId === undefined) {
      if (created) fail(created.failure);
      pool.giveBack(subscription);
      return;
    }
    const accept = pairAccept(fixtures, subscription, created.transferId);
    const acceptAnswer = await timed(accept.key, JSON.stringify(accept.body), performance.now());
    if (!acceptAnswer) {
      pool.stuck += 1;
      return;
    }
    const failure = acceptFailure(acceptAnswer.status, acceptAnswer.body);
    if (failure) {
      fail(failure);
      pool.stuck += 1;
      return;
    }
    pool.moved(subscription);
    completed += 1;
  };

  const job = isPair ? pairAt : requestAt;
  const inFlight = new Set<Promise<void>>();
  const start = performance.now();
  let sent = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      const due = slotsDue(now - start, slotRate, total);
      for (; sent < due; sent += 1) {
        const running = job(sent, start + slotTime(sent, slotRate));
        inFlight.add(running);
        void running.finally(() => inFlight.delete(running));
      }
      if (sent >= total) resolve();
      // Timers fire no sooner than 1 ms: a slot due sooner waits for the next tick, and that wait
      // counts in its latency (it was due already).
      else setTimeout(tick, Math.max(0, start + slotTime(sent, slotRate) - performance.now()));
    };
    tick();
  });
  const scheduledSeconds = (performance.now() - start) / 1000;
  let watchdog: NodeJS.Timeout | undefined;
  const drained = await Promise.race([
    Promise.allSettled([...inFlight]).then(() => true),
    new Promise<boolean>((resolve) => {
      watchdog = setTimeout(() => resolve(false), DRAIN_GRACE_MS);
    }),
  ]);
  clearTimeout(watchdog);
  if (!drained)
    fail(
      `${inFlight.size} requests still unanswered ${DRAIN_GRACE_MS / 1000} s after the last was due`,
    );
  connections.close();

  const elapsedSeconds = Math.max(scheduledSeconds, options.durationSeconds);
  return {
    connections: options.connections,
    rate: Math.round(options.rate),
    durationSeconds: elapsedSeconds,
    requests: latencies.length,
    throughput: completed / elapsedSeconds,
    failures,
    failureSamples: [...failureSamples],
    latency: percentiles(latencies),
  };
}
