/**
 * The benchmark's report: medians over runs, every API figure beside the baseline's and as a ratio
 * to it, statements per operation beside each, and the budgets of the performance issue as
 * met / failed / not measurable. Markdown for people, the same data as JSON for tools.
 */
import type { LoadResult } from './load.js';
import type { ScenarioKind } from './scenarios.js';

export type TargetName = 'api' | 'baseline';

export interface StatementProbe {
  /** Statements one operation sends (median of the probes; a pair counts create + accept). */
  perOperation: number;
  wrapper: number;
  authentication: number;
  data: number;
  /** The statements of the last probe, in order. */
  statements: string[];
  /** Why a probe's answer failed, if one did (the counts then describe a failure path). */
  failure: string | undefined;
}

export interface RunMeasurement {
  saturation: LoadResult[];
  fixedRate: LoadResult;
}

export interface ScenarioReport {
  name: string;
  title: string;
  kind: ScenarioKind;
  dataStatementBudget: number | null;
  statements: Partial<Record<TargetName, StatementProbe>>;
  runs: Record<TargetName, RunMeasurement[]>;
}

export interface ModeReport {
  mode: 'postgres' | 'pglite';
  world: string;
  seedSeconds: number;
  connections: number[];
  scenarios: ScenarioReport[];
  unavailable: { name: string; title: string; reason: string }[];
  pageSizeStatements: { small: number; large: number } | null;
  notes: string[];
}

export interface BenchReport {
  startedAt: string;
  finishedAt: string;
  options: { smoke: boolean; runs: number; durationSeconds: number };
  machine: { cpus: number; node: string };
  modes: ModeReport[];
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const present = (values: (number | null)[]) =>
  values.filter((value): value is number => value !== null);

export interface Summary {
  throughput: (number | null)[];
  /**
   * The server process's CPU time per operation at each saturation level, µs (a pair: both of its
   * requests), over the operations completed within the load. The server also answers the requests
   * still in flight when the load stopped (one per connection) and, for a query, one sent after
   * them, so a slow scenario reads high: by under 2% for the page at 10 connections, by about a
   * quarter for the overview's 40 or so operations.
   */
  cpuPerOperation: (number | null)[];
  fixedRate: number | null;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
  failures: number;
  requests: number;
}

function cpuPerOperation(measurement: LoadResult | undefined): number | null {
  if (measurement?.serverCpuMicros === undefined) return null;
  const operations = measurement.throughput * measurement.durationSeconds;
  return operations > 0 ? measurement.serverCpuMicros / operations : null;
}

export function summarize(runs: RunMeasurement[], connections: number[]): Summary | null {
  if (runs.length === 0) return null;
  return {
    throughput: connections.map((_, index) =>
      median(runs.map((run) => run.saturation[index]?.throughput ?? 0)),
    ),
    cpuPerOperation: connections.map((_, index) =>
      median(present(runs.map((run) => cpuPerOperation(run.saturation[index])))),
    ),
    fixedRate: median(runs.map((run) => run.fixedRate.rate ?? 0)),
    p50: median(present(runs.map((run) => run.fixedRate.latency.p50))),
    p95: median(present(runs.map((run) => run.fixedRate.latency.p95))),
    p99: median(present(runs.map((run) => run.fixedRate.latency.p99))),
    max: median(present(runs.map((run) => run.fixedRate.latency.max))),
    failures: runs.reduce(
      (sum, run) =>
        sum + run.fixedRate.failures + run.saturation.reduce((inner, m) => inner + m.failures, 0),
      0,
    ),
    requests: runs.reduce(
      (sum, run) =>
        sum + run.fixedRate.requests + run.saturation.reduce((inner, m) => inner + m.requests, 0),
      0,
    ),
  };
}

const number = (value: number | null | undefined, digits = 0) =>
  value === null || value === undefined ? '–' : value.toFixed(digits);
const ratio = (api: number | null | undefined, baseline: number | null | undefined) =>
  api === null || api === undefined || !baseline ? '' : ` (${(api / baseline).toFixed(2)}×)`;

type Verdict = 'met' | 'FAILED' | 'n/a';
interface BudgetLine {
  budget: string;
  measured: string;
  verdict: Verdict;
}

function budgets(mode: ModeReport): BudgetLine[] {
  const lines: BudgetLine[] = [];
  const find = (name: string) => mode.scenarios.find((scenario) => scenario.name === name);
  const sum = (name: string, target: TargetName) => {
    const scenario = find(name);
    return scenario ? summarize(scenario.runs[target], mode.connections) : null;
  };
  const unavailable = (name: string) => mode.unavailable.find((entry) => entry.name === name);
  const notMeasured = (name: string) =>
    `not measured: ${unavailable(name) ? 'the API has no such operation yet' : 'scenario not run'}`;
  const verdict = (isMet: boolean): Verdict => (isMet ? 'met' : 'FAILED');

  if (mode.mode === 'postgres') {
    const customer = sum('customer', 'api');
    const customerBaseline = sum('customer', 'baseline');
    if (customer && customerBaseline) {
      const ratios = mode.connections.map(
        (_, index) => (customer.throughput[index] ?? 0) / (customerBaseline.throughput[index] || 1),
      );
      const cpu = customer.cpuPerOperation[0];
      const cpuBaseline = customerBaseline.cpuPerOperation[0];
      lines.push({
        budget: 'customer(id) ≥ 0.8× the baseline’s throughput',
        measured:
          mode.connections.map((c, index) => `${c}c: ${ratios[index]!.toFixed(2)}×`).join(', ') +
          (cpu != null && cpuBaseline
            ? `; server CPU per request ${(cpu / cpuBaseline).toFixed(2)}× the baseline’s`
            : ''),
        verdict: verdict(ratios.every((value) => value >= 0.8)),
      });
    } else
      lines.push({
        budget: 'customer(id) ≥ 0.8× the baseline’s throughput',
        measured: notMeasured('customer'),
        verdict: 'n/a',
      });

    const page = sum('page', 'api');
    if (page) {
      const best = Math.max(...page.throughput.map((value) => value ?? 0));
      lines.push({
        budget: '50×10 page ≥ 400 req/s',
        measured: `${best.toFixed(0)} req/s`,
        verdict: verdict(best >= 400),
      });
      lines.push({
        budget: '50×10 page p95 ≤ 50 ms (at half saturation)',
        measured: page.p95 === null ? 'no answers at that rate' : `${number(page.p95, 1)} ms`,
        verdict: verdict((page.p95 ?? Infinity) <= 50),
      });
    } else
      lines.push({
        budget: '50×10 page ≥ 400 req/s, p95 ≤ 50 ms',
        measured: notMeasured('page'),
        verdict: 'n/a',
      });

    const pairs = sum('transfer-pair', 'api');
    if (pairs) {
      const best = Math.max(...pairs.throughput.map((value) => value ?? 0));
      lines.push({
        budget: 'transfer pairs ≥ 300/s uncontended',
        measured: `${best.toFixed(0)} pairs/s, ${pairs.failures} failed requests`,
        verdict: verdict(best >= 300 && pairs.failures === 0),
      });
    } else
      lines.push({
        budget: 'transfer pairs ≥ 300/s uncontended',
        measured: notMeasured('transfer-pair'),
        verdict: 'n/a',
      });
  } else {
    const customer = sum('customer', 'api');
    lines.push(
      customer
        ? {
            budget: 'PGlite customer(id) ≥ 1,000 req/s',
            measured: `${number(customer.throughput[0])} req/s`,
            verdict: verdict((customer.throughput[0] ?? 0) >= 1000),
          }
        : {
            budget: 'PGlite customer(id) ≥ 1,000 req/s',
            measured: notMeasured('customer'),
            verdict: 'n/a',
          },
    );
  }

  if (mode.pageSizeStatements) {
    const { small, large } = mode.pageSizeStatements;
    lines.push({
      budget: 'statements constant in page size',
      measured: `2×1 page: ${small}, 50×10 page: ${large}`,
      verdict: verdict(small === large),
    });
  } else
    lines.push({
      budget: 'statements constant in page size',
      measured: notMeasured('page'),
      verdict: 'n/a',
    });

  for (const scenario of mode.scenarios) {
    const probe = scenario.statements.api;
    if (!probe || scenario.dataStatementBudget === null) continue;
    lines.push({
      budget: `${scenario.name}: data statements ≤ ${scenario.dataStatementBudget} (1 per root field + 1 per nested list level)`,
      measured: `${probe.data}${probe.failure ? ` (answer failed: ${probe.failure})` : ''}`,
      verdict: probe.failure ? 'n/a' : verdict(probe.data <= scenario.dataStatementBudget),
    });
  }
  // A refusal never opens the transaction: the wrapper is read off an operation that runs, a single
  // request by preference (a pair is two requests, so two wrappers).
  const wrapperProbe = [...mode.scenarios]
    .filter((scenario) => scenario.kind !== 'refusal')
    .sort((a, b) => Number(a.kind === 'pair') - Number(b.kind === 'pair'))
    .map((scenario) => {
      const probe = scenario.statements.api;
      return (
        probe && { ...probe, wrapper: scenario.kind === 'pair' ? probe.wrapper / 2 : probe.wrapper }
      );
    })
    .find(Boolean);
  // PGlite's transaction() sends BEGIN on its own (+1, in-process, documented in partner-transaction.ts).
  const wrapperLimit = mode.mode === 'postgres' ? 2 : 3;
  lines.push({
    budget: `tenant transaction wrapper ≤ ${wrapperLimit} round trips`,
    measured: wrapperProbe
      ? mode.mode === 'postgres'
        ? `${wrapperProbe.wrapper} statements; the setup is written and answered with the first data statement`
        : `${wrapperProbe.wrapper}`
      : 'not measured: no scenario that runs an operation',
    verdict: wrapperProbe ? verdict(wrapperProbe.wrapper <= wrapperLimit) : 'n/a',
  });

  for (const name of ['refusal-huge-first', 'refusal-deep-nesting']) {
    const refusal = sum(name, 'api');
    if (!refusal) {
      lines.push({
        budget: `${name}: refused, p99 ≤ 5 ms`,
        measured: notMeasured(name),
        verdict: 'n/a',
      });
      continue;
    }
    // The baseline refuses the same probe by name: its p99 is what this machine and load generator
    // give a server that does no work, at half of that server's own saturation.
    const floor = sum(name, 'baseline');
    lines.push({
      budget: `${name}: refused, p99 ≤ 5 ms`,
      measured: `p99 ${number(refusal.p99, 1)} ms at ${number(refusal.fixedRate)}/s, ${refusal.failures} of ${refusal.requests} not refused${floor ? ` (baseline, refusing by name: p99 ${number(floor.p99, 1)} ms at ${number(floor.fixedRate)}/s)` : ''}`,
      verdict: verdict(refusal.failures === 0 && (refusal.p99 ?? Infinity) <= 5),
    });
  }
  return lines;
}

export function renderMarkdown(report: BenchReport, profiles: string[]): string {
  const out: string[] = [];
  out.push(
    `# Switchyard benchmark — ${report.startedAt}${report.options.smoke ? ' (smoke: figures mean nothing)' : ''}`,
  );
  out.push('');
  out.push(
    `${report.machine.cpus} CPUs, Node ${report.machine.node}; ${report.options.runs} run(s), ${report.options.durationSeconds} s per measurement; medians over runs. ` +
      'Load generator, server and database share the machine: absolute figures are noisy, ratios less so. ' +
      'Server CPU per operation is the server process’s own (not PostgreSQL’s): what its layers cost, as a ratio to the baseline’s; it moves with the machine’s speed like the rates.',
  );
  for (const mode of report.modes) {
    out.push('', `## ${mode.mode === 'postgres' ? 'PostgreSQL' : 'PGlite'}`, '');
    out.push(`World: ${mode.world} (seeded in ${mode.seedSeconds.toFixed(0)} s).`);
    for (const note of mode.notes) out.push('', `Note: ${note}`);
    out.push('');
    const saturationHeaders = mode.connections.map((c) => `req/s @${c}c`);
    out.push(
      `| scenario | server | ${saturationHeaders.join(' | ')} | server CPU µs/op @${mode.connections[0]}c | fixed rate | p50 ms | p95 ms | p99 ms | max ms | failures | statements/op (wrapper+auth/limit+data) |`,
    );
    out.push(
      `|---|---|${saturationHeaders.map(() => '---:').join('|')}|---:|---:|---:|---:|---:|---:|---:|---|`,
    );
    for (const scenario of mode.scenarios) {
      const api = summarize(scenario.runs.api, mode.connections);
      const baseline = summarize(scenario.runs.baseline, mode.connections);
      const unit = scenario.kind === 'pair' ? ' pairs' : '';
      for (const [name, summary, other] of [
        ['API', api, baseline],
        ['baseline', baseline, null],
      ] as const) {
        if (!summary) continue;
        const probe = scenario.statements[name === 'API' ? 'api' : 'baseline'];
        const statements = probe
          ? `${probe.perOperation} (${probe.wrapper}+${probe.authentication}+${probe.data})${probe.failure ? ' ⚠' : ''}`
          : '–';
        out.push(
          `| ${scenario.name} | ${name} | ${summary.throughput.map((value, index) => `${number(value)}${unit}${other ? ratio(value, other.throughput[index]) : ''}`).join(' | ')} | ${number(summary.cpuPerOperation[0])}${other ? ratio(summary.cpuPerOperation[0], other.cpuPerOperation[0]) : ''} | ${number(summary.fixedRate)}/s | ${number(summary.p50, 1)}${other ? ratio(summary.p50, other.p50) : ''} | ${number(summary.p95, 1)}${other ? ratio(summary.p95, other.p95) : ''} | ${number(summary.p99, 1)}${other ? ratio(summary.p99, other.p99) : ''} | ${number(summary.max, 1)} | ${summary.failures}/${summary.requests} | ${statements} |`,
        );
      }
    }
    if (mode.unavailable.length) {
      out.push(
        '',
        'Not measured (the operation does not validate against the API’s schema yet):',
        '',
      );
      for (const entry of mode.unavailable) out.push(`- ${entry.name}: ${entry.reason}`);
    }
    out.push('', '### Budgets', '', '| budget | measured | verdict |', '|---|---|---|');
    for (const line of budgets(mode))
      out.push(`| ${line.budget} | ${line.measured} | ${line.verdict} |`);
    const failing = mode.scenarios.flatMap((scenario) =>
      (['api', 'baseline'] as const).flatMap((target) => {
        const samples = scenario.runs[target].flatMap((run) =>
          [...run.saturation, run.fixedRate].flatMap((m) => m.failureSamples),
        );
        const probeFailure = scenario.statements[target]?.failure;
        const all = [...new Set([...(probeFailure ? [probeFailure] : []), ...samples])].slice(0, 3);
        return all.length ? [`- ${scenario.name} (${target}): ${all.join(' | ')}`] : [];
      }),
    );
    if (failing.length) out.push('', 'Failure samples:', '', ...failing);
  }
  if (profiles.length)
    out.push('', '## CPU profile of the API (self time)', '', '```', ...profiles, '```');
  out.push('');
  return out.join('\n');
}
