/** The report's server CPU per operation: from the readings around each load, medians, ratios. */
import { describe, expect, it } from 'vitest';
import type { LoadResult } from './load.js';
import { percentiles } from './load.js';
import { renderMarkdown, summarize } from './report.js';
import type { BenchReport, RunMeasurement } from './report.js';

function load(
  throughput: number,
  serverCpuMicros: number | undefined,
  connections = 10,
): LoadResult {
  const durationSeconds = 8;
  return {
    connections,
    rate: null,
    durationSeconds,
    requests: throughput * durationSeconds,
    throughput,
    failures: 0,
    failureSamples: [],
    latency: percentiles([1, 2, 3]),
    ...(serverCpuMicros === undefined ? {} : { serverCpuMicros }),
  };
}

const run = (saturation: LoadResult[]): RunMeasurement => ({ saturation, fixedRate: load(50, 1) });

describe('server CPU per operation', () => {
  it('is the CPU read around a load over the operations it completed, the median of the runs at each level', () => {
    // 1,000/s for 8 s = 8,000 operations: 4 s, 5.6 s and 4.8 s of CPU are 500, 700 and 600 µs each.
    const runs = [4_000_000, 5_600_000, 4_800_000].map((cpu) =>
      run([load(1000, cpu), load(500, 8_000_000, 50)]),
    );
    const summary = summarize(runs, [10, 50])!;
    expect(summary.cpuPerOperation[0]).toBeCloseTo(600);
    expect(summary.cpuPerOperation[1]).toBeCloseTo(2000);
  });

  it('is unknown, not zero, for a measurement without readings or without completed operations', () => {
    expect(summarize([run([load(1000, undefined)])], [10])!.cpuPerOperation).toEqual([null]);
    expect(summarize([run([load(0, 1_000_000)])], [10])!.cpuPerOperation).toEqual([null]);
  });

  it('stands in the table beside the rates, the API as a ratio to the baseline', () => {
    const report: BenchReport = {
      startedAt: '2026-11-26T10:00:00.000Z',
      finishedAt: '2026-11-26T10:01:00.000Z',
      options: { smoke: false, runs: 1, durationSeconds: 8 },
      machine: { cpus: 2, node: 'v20' },
      modes: [
        {
          mode: 'postgres',
          world: 'tiny',
          seedSeconds: 1,
          connections: [10],
          scenarios: [
            {
              name: 'customer',
              title: 'customer(id)',
              kind: 'query',
              dataStatementBudget: 1,
              statements: {},
              runs: {
                api: [run([load(1000, 6_000_000)])],
                baseline: [run([load(2000, 4_000_000)])],
              },
            },
          ],
          unavailable: [],
          pageSizeStatements: null,
          notes: [],
        },
      ],
    };
    const markdown = renderMarkdown(report, []);
    expect(markdown).toContain('| server CPU µs/op @10c |');
    // API: 6 s over 8,000 requests = 750 µs; baseline: 4 s over 16,000 = 250 µs.
    expect(markdown).toContain('| customer | API | 1000 (0.50×) | 750 (3.00×) |');
    expect(markdown).toContain('| customer | baseline | 2000 | 250 |');
    expect(markdown).toContain('10c: 0.50×; server CPU per request 3.00× the baseline’s');
  });
});
