import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { intOption, parseOrExitCode, strictArgs, UsageError } from '../common/args.js';
import { acquireBroker, benchTopic, createTopic, deleteTopics } from '../common/broker.js';
import { formatTable } from '../common/format.js';
import { soakChart } from '../report/charts.js';
import type { SoakPoint } from '../report/charts.js';
import { writeChart } from '../report/render-chart.js';
import { heapSlope } from './heap-slope.js';
import type { SoakSample } from './heap-slope.js';
import { runSoak } from './soak-load.js';

/** Post-GC heap growth above this (MiB per minute, after warm-up) fails the soak. */
export const DEFAULT_MAX_HEAP_SLOPE = 0.5;

const HELP = `usage: herald-bench soak [options]

Publishes medium order events through @herald/publisher at a fixed rate for N minutes to the local
broker (or --brokers) and samples, every --sample-s seconds, the heap left after a full GC, RSS,
event-loop delay p99 and delivery p99. Fails (exit 1) when the post-GC heap grows faster than
--max-heap-slope MiB per minute after the first --warmup-min minutes, or when a publish failed.

  --minutes N           how long to publish (default 5)
  --rate N              events per second (default 1000)
  --sample-s N          seconds between samples (default 5)
  --warmup-min N        minutes left out of the heap slope (default: a fifth of the run, at least 0.5)
  --max-heap-slope X    allowed post-GC heap growth, MiB/min (default ${DEFAULT_MAX_HEAP_SLOPE})
  --brokers LIST        bootstrap servers (default: local broker via scripts/kafka)
  --report DIR          write soak.json and the chart (soak.svg, soak.png) into DIR
  --json                print JSON instead of the table`;

const options = {
  minutes: { type: 'string' },
  rate: { type: 'string' },
  'sample-s': { type: 'string' },
  'warmup-min': { type: 'string' },
  'max-heap-slope': { type: 'string' },
  brokers: { type: 'string' },
  report: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** The parsed `soak` command line. */
export interface SoakArgs {
  readonly help: boolean;
  readonly minutes: number;
  readonly rate: number;
  readonly sampleSeconds: number;
  readonly warmupMinutes: number;
  readonly maxHeapSlope: number;
  readonly brokers: string | undefined;
  readonly report: string | undefined;
  readonly json: boolean;
}

function positiveNumber(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new UsageError(`--${name} must be a positive number, got ${JSON.stringify(value)}`);
  return n;
}

/** Parses `soak` arguments; throws `UsageError` on bad input. */
export function parseSoakArgs(argv: readonly string[]): SoakArgs {
  const values = strictArgs(argv, options);
  const minutes = positiveNumber('minutes', values.minutes, 5);
  return {
    help: values.help,
    minutes,
    rate: intOption('rate', values.rate, 1_000, 1, 1_000_000),
    sampleSeconds: intOption('sample-s', values['sample-s'], 5, 1, 3_600),
    warmupMinutes: values['warmup-min'] === undefined ? Math.max(0.5, minutes / 5) : Number(values['warmup-min']),
    maxHeapSlope: positiveNumber('max-heap-slope', values['max-heap-slope'], DEFAULT_MAX_HEAP_SLOPE),
    brokers: values.brokers,
    report: values.report,
    json: values.json,
  };
}

/** What a soak measured, and its verdict. */
export interface SoakReport {
  readonly minutes: number;
  readonly rate: number;
  /** Post-GC heap slope after warm-up, MiB/min. */
  readonly heapSlopeMiBPerMin: number;
  readonly maxHeapSlope: number;
  readonly warmupMinutes: number;
  readonly peakRssMiB: number;
  readonly worstLoopDelayP99Ms: number;
  readonly worstDeliveryP99Ms: number | null;
  readonly acked: number;
  readonly failed: number;
  readonly pass: boolean;
  readonly samples: readonly SoakSample[];
}

/** Summarises `samples` into the report the command prints. */
export function soakReport(
  args: Pick<SoakArgs, 'minutes' | 'rate' | 'warmupMinutes' | 'maxHeapSlope'>,
  samples: readonly SoakSample[],
): SoakReport {
  const slope = heapSlope(samples, args.warmupMinutes);
  const failed = samples.reduce((n, s) => n + s.failed, 0);
  const deliveries = samples.map((s) => s.deliveryP99Ms).filter((v): v is number => v !== null);
  return {
    minutes: args.minutes,
    rate: args.rate,
    heapSlopeMiBPerMin: slope,
    maxHeapSlope: args.maxHeapSlope,
    warmupMinutes: args.warmupMinutes,
    peakRssMiB: Math.max(...samples.map((s) => s.rssMiB)),
    worstLoopDelayP99Ms: Math.max(...samples.map((s) => s.loopDelayP99Ms)),
    worstDeliveryP99Ms: deliveries.length === 0 ? null : Math.max(...deliveries),
    acked: samples.reduce((n, s) => n + s.acked, 0),
    failed,
    pass: samples.length >= 3 && slope < args.maxHeapSlope && failed === 0,
    samples,
  };
}

function chartPoints(samples: readonly SoakSample[]): SoakPoint[] {
  return samples.flatMap((s) => [
    { minute: s.minute, metric: 'post-GC heap MiB' as const, value: s.heapMiB },
    { minute: s.minute, metric: 'RSS MiB' as const, value: s.rssMiB },
    { minute: s.minute, metric: 'event-loop delay p99 ms' as const, value: s.loopDelayP99Ms },
    { minute: s.minute, metric: 'delivery p99 ms' as const, value: s.deliveryP99Ms ?? Number.NaN },
  ]);
}

/** `herald-bench soak`: exit code 0 when the heap stayed flat and nothing failed. */
export async function run(argv: readonly string[]): Promise<number> {
  const args = parseOrExitCode('soak', HELP, parseSoakArgs, argv);
  if (typeof args === 'number') return args;
  const log = (line: string) => console.error(line);
  const broker = await acquireBroker(args.brokers, log);
  const topic = benchTopic('soak');
  let samples: SoakSample[];
  try {
    await createTopic(broker.bootstrap, topic, 6);
    log(
      `soak: ${args.minutes} min at ${args.rate} events/s on ${broker.bootstrap}, a sample every ${args.sampleSeconds} s`,
    );
    samples = await runSoak({
      bootstrap: broker.bootstrap,
      topic,
      minutes: args.minutes,
      rate: args.rate,
      sampleSeconds: args.sampleSeconds,
      onSample: (s) =>
        log(
          `  ${s.minute.toFixed(2)} min  heap ${s.heapMiB.toFixed(1)} MiB  rss ${s.rssMiB.toFixed(0)} MiB  loop p99 ${s.loopDelayP99Ms.toFixed(1)} ms  delivery p99 ${s.deliveryP99Ms?.toFixed(1) ?? '-'} ms`,
        ),
    });
    await deleteTopics(broker.bootstrap, [topic], log);
  } finally {
    await broker.release();
  }
  const report = soakReport(args, samples);
  if (args.report !== undefined) {
    mkdirSync(args.report, { recursive: true });
    writeFileSync(join(args.report, 'soak.json'), `${JSON.stringify(report, null, 2)}\n`);
    await writeChart(
      args.report,
      'soak',
      soakChart(
        `Soak: ${args.minutes} min at ${args.rate} events/s (post-GC heap slope ${report.heapSlopeMiBPerMin.toFixed(3)} MiB/min)`,
        chartPoints(samples),
      ),
    );
  }
  if (args.json) console.log(JSON.stringify(report, null, 2));
  else {
    console.log(
      formatTable(
        [
          'minutes',
          'rate',
          'acked',
          'failed',
          'heap slope MiB/min',
          'bound',
          'peak RSS MiB',
          'loop p99 ms (worst)',
          'delivery p99 ms (worst)',
          'verdict',
        ],
        [
          [
            report.minutes.toFixed(1),
            String(report.rate),
            String(report.acked),
            String(report.failed),
            report.heapSlopeMiBPerMin.toFixed(3),
            report.maxHeapSlope.toFixed(2),
            report.peakRssMiB.toFixed(0),
            report.worstLoopDelayP99Ms.toFixed(1),
            report.worstDeliveryP99Ms?.toFixed(1) ?? 'n/a',
            report.pass ? 'PASS' : 'FAIL',
          ],
        ],
      ),
    );
  }
  return report.pass ? 0 : 1;
}
