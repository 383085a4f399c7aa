import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RELIABLE, rdkafkaConfig } from '../src/common/settings.js';
import type { CompareReport } from '../src/compare/compare-command.js';
import { summarize } from '../src/compare/compare-summary.js';
import type { RoundResult } from '../src/compare/compare-summary.js';
import type { ContenderOutcome } from '../src/compare/contender.js';
import { compareMarkdown, latencyPoints, writeCompareReport } from '../src/report/compare-report.js';
import { markdownTable } from '../src/report/markdown.js';
import { writeTuneReport } from '../src/report/tune-report.js';
import type { TuneReport } from '../src/tune/tune-output.js';

const dir = mkdtempSync(join(tmpdir(), 'herald-bench-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function ok(msgsPerSec: number, p99: number): ContenderOutcome {
  return {
    status: 'ok',
    measurement: {
      messages: 100,
      acked: 100,
      seconds: 1,
      msgsPerSec,
      mibPerSec: 1,
      cpuUsPerMsg: 12.5,
      peakRssMiB: 90,
      latencyMs: { count: 100, p50: p99 / 4, p95: p99 / 2, p99, p999: p99 * 1.5, max: p99 * 2 },
      errors: {},
    },
    ranWith: {
      acks: 'all',
      idempotence: true,
      compression: 'snappy',
      linger: '5 ms',
      maxInFlightRequests: '5',
      batching: 'librdkafka (linger)',
      perMessage: 'validated encode',
    },
    unmatched: ['no headers'],
  };
}

const results: RoundResult[] = [
  { round: 0, position: 0, id: 'herald', outcome: ok(40_000, 80) },
  { round: 0, position: 1, id: 'kafkajs', outcome: ok(10_000, 400) },
  { round: 0, position: 2, id: 'python', outcome: { status: 'unavailable', reason: 'python3 -m venv failed' } },
];
const report: CompareReport = {
  benchmark: 'compare',
  command: 'herald-bench compare --rounds 1',
  date: '2026-01-02T03:04:05.000Z',
  machine: { node: '20.20.2', cpus: 2, cpuModel: 'test cpu' },
  workload: {
    messages: 100,
    warmup: 10,
    window: 1000,
    batch: 100,
    settings: RELIABLE,
    rdkafka: rdkafkaConfig(RELIABLE),
    payloadBytes: 532,
    rounds: 1,
  },
  summary: summarize(results, ['herald', 'kafkajs', 'python']),
  results,
};

describe('compare report', () => {
  it('puts the command above a table of ratios and says what could not run', () => {
    const md = compareMarkdown(report, { throughput: 't.png', latency: 'l.png' });
    expect(md.startsWith('```\n$ herald-bench compare --rounds 1\n```')).toBe(true);
    expect(md).toContain('| kafkajs + snappy | 10.0k | 10.0k–10.0k | 0.25× | 4.00× | Herald ≥ 3×: met |');
    expect(md).toContain(
      '| Python confluent-kafka + msgspec | unavailable | python3 -m venv failed |  |  | Herald ≥ 1.5×: n/a |',
    );
    expect(md).toContain('  - cannot match: no headers');
    expect(md).toContain('![throughput by contender](t.png)');
  });

  it('charts the median latency percentiles of measured contenders only', () => {
    const points = latencyPoints(report);
    expect(points).toHaveLength(10);
    expect(points.find((p) => p.contender === 'Herald (native) publish()' && p.percentile === 'p99')?.ms).toBe(80);
  });

  it('writes Markdown, JSON and charts as SVG and PNG', async () => {
    const files = await writeCompareReport(report, dir);
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual([
      'compare-throughput.svg',
      'compare-throughput.png',
      'compare-latency.svg',
      'compare-latency.png',
      'compare.json',
      'compare.md',
    ]);
    const svg = readFileSync(join(dir, 'compare-throughput.svg'), 'utf8');
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain('Herald (native) publish()');
    expect(readFileSync(join(dir, 'compare-throughput.png')).subarray(1, 4).toString()).toBe('PNG');
    expect(JSON.parse(readFileSync(join(dir, 'compare.json'), 'utf8'))).toMatchObject({
      benchmark: 'compare',
      command: report.command,
    });
  }, 30_000);
});

describe('tune report', () => {
  it('writes the heat map and the evidence table with the pick first', async () => {
    const base = {
      batchSize: 131_072,
      compression: 'lz4' as const,
      acks: 'all' as const,
      closedP99Ms: 90,
      openP99Ms: Number.NaN,
      errors: 0,
      excluded: null,
      rounds: 3,
    };
    const pick = { ...base, lingerMs: 20, msgsPerSec: 50_000, msgsPerSecMin: 48_000, msgsPerSecMax: 52_000 };
    const tune: TuneReport = {
      benchmark: 'tune',
      command: 'herald-bench tune --linger-ms 0,20',
      date: '2026-01-02T03:04:05.000Z',
      cpus: 2,
      target: { kind: 'throughput' },
      rate: 5000,
      messages: 1000,
      rounds: 3,
      best: pick,
      fastest: pick,
      separation: 'clear',
      verdict: "Clear: no other cell's spread overlaps the fastest's, so the fastest is the pick.",
      results: [
        { ...pick, rank: 1, tied: true, recommended: true },
        {
          ...base,
          lingerMs: 0,
          msgsPerSec: 30_000,
          msgsPerSecMin: 29_000,
          msgsPerSecMax: 31_000,
          rank: 2,
          tied: false,
          recommended: false,
        },
      ],
    };
    await writeTuneReport(tune, dir);
    const md = readFileSync(join(dir, 'tune.md'), 'utf8');
    expect(md).toContain(
      "Recommended: `createPublisher({ ..., preset: 'reliable', kafka: { lingerMs: 20, batchSize: 131072, compression: 'lz4' } })`",
    );
    expect(md).toContain('| 1 | 20 | 131072 | lz4 | all | 50.0k (48.0k–52.0k) | 90 | **recommended** |');
    expect(md).toContain('Clear: no other cell');
    expect(readFileSync(join(dir, 'tune-heatmap.svg'), 'utf8')).toContain('linger.ms');
    expect(readFileSync(join(dir, 'tune-heatmap.png')).length).toBeGreaterThan(1000);
  }, 30_000);
});

describe('markdownTable', () => {
  it('escapes pipes and aligns numeric columns right', () => {
    expect(markdownTable(['a', 'b'], [['x|y', '1']], ['l', 'r'])).toBe('| a | b |\n| --- | ---: |\n| x\\|y | 1 |');
  });
});
