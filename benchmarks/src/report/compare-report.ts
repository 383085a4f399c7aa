import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compact, fixed } from '../common/format.js';
import { describeSettings } from '../common/settings.js';
import { spreadOf } from '../common/spread.js';
import type { CompareReport } from '../compare/compare-command.js';
import { latencyChart, throughputChart } from './charts.js';
import type { LatencyPoint } from './charts.js';
import { markdownTable } from './markdown.js';
import { writeChart } from './render-chart.js';

const PERCENTILES = [
  ['p50', 'p50'],
  ['p95', 'p95'],
  ['p99', 'p99'],
  ['p99.9', 'p999'],
  ['max', 'max'],
] as const;

/** Median per percentile over each contender's measured rounds. */
export function latencyPoints(report: CompareReport): LatencyPoint[] {
  const points: LatencyPoint[] = [];
  for (const row of report.summary) {
    const rounds = report.results
      .filter((r) => r.id === row.id)
      .flatMap((r) =>
        r.outcome.status === 'ok' && r.outcome.measurement.latencyMs !== null ? [r.outcome.measurement.latencyMs] : [],
      );
    if (rounds.length === 0) continue;
    for (const [percentile, key] of PERCENTILES)
      points.push({ contender: row.label, percentile, ms: spreadOf(rounds.map((l) => l[key])).median });
  }
  return points;
}

/** The Markdown of a compare report; `images` are relative paths of the PNG charts. */
export function compareMarkdown(
  report: CompareReport,
  images: { readonly throughput: string; readonly latency: string },
): string {
  const w = report.workload;
  const rows = report.summary.map((r) => {
    const measured = r.status === 'ok' || r.status === 'partial';
    const goal =
      r.goal === null
        ? r.id === 'herald'
          ? 'baseline'
          : 'reference'
        : `Herald ≥ ${r.goal}×: ${r.goalMet === null ? 'n/a' : r.goalMet ? 'met' : '**missed**'}`;
    return [
      r.label,
      measured ? compact(r.msgsPerSec.median) : r.status,
      measured
        ? `${compact(r.msgsPerSec.min)}–${compact(r.msgsPerSec.max)}`
        : (r.reasons[0] ?? '').replace(/^(unavailable|failed): /, ''),
      measured ? `${fixed(r.vsHerald)}×` : '',
      measured ? `${fixed(r.heraldOver)}×` : '',
      goal,
      measured ? fixed(r.cpuUsPerMsg, 1) : '',
      measured ? fixed(r.p99Ms, 0) : '',
      measured ? fixed(r.peakRssMiB, 0) : '',
    ];
  });
  const ranWith = report.summary.flatMap((r) => {
    if (r.ranWith === null) return [`- **${r.label}**: ${r.reasons.join('; ')}`];
    const x = r.ranWith;
    const lines = [
      `- **${r.label}**: acks=${x.acks}, idempotence ${x.idempotence ? 'on' : 'off'}, ${x.compression}, linger ${x.linger}, in flight ${x.maxInFlightRequests}; ${x.batching}; ${x.perMessage}.`,
    ];
    for (const u of r.unmatched) lines.push(`  - cannot match: ${u}`);
    for (const reason of r.reasons) lines.push(`  - ${reason}`);
    return lines;
  });
  return [
    '```',
    `$ ${report.command}`,
    '```',
    '',
    `${report.date.slice(0, 10)}: ${w.rounds} interleaved rounds × ${w.messages} measured messages (after ${w.warmup} warm-up) of ~${Math.round(w.payloadBytes)} B orders, ` +
      `${w.window} in flight at most, ${w.batch} per send() for batch APIs; asked of every contender: ${describeSettings(w.settings)}. ` +
      `Node ${report.machine.node}, ${report.machine.cpus} cores (${report.machine.cpuModel}), broker and producers on the same machine.`,
    '',
    markdownTable(
      [
        'contender',
        'median msgs/s',
        'spread (min–max)',
        'vs Herald',
        'Herald ÷ it',
        'goal',
        'CPU µs/msg',
        'p99 ms',
        'peak RSS MiB',
      ],
      rows,
      ['l', 'r', 'r', 'r', 'r', 'l', 'r', 'r', 'r'],
    ),
    '',
    '**What each contender ran with:**',
    '',
    ...ranWith,
    '',
    `![throughput by contender](${images.throughput})`,
    '',
    `![delivery latency percentiles](${images.latency})`,
    '',
  ].join('\n');
}

/** Writes compare.md, compare.json and the throughput and latency charts (SVG + PNG) into `dir`. */
export async function writeCompareReport(report: CompareReport, dir: string): Promise<string[]> {
  const bars = report.summary
    .filter((r) => r.status === 'ok' || r.status === 'partial')
    .map((r) => ({
      contender: r.label,
      median: r.msgsPerSec.median,
      min: r.msgsPerSec.min,
      max: r.msgsPerSec.max,
      herald: r.id === 'herald',
    }));
  const files = [
    ...(await writeChart(
      dir,
      'compare-throughput',
      throughputChart(
        `Throughput, ~${Math.round(report.workload.payloadBytes)} B orders, acks=all + idempotence + snappy (${report.machine.cpus} cores)`,
        bars,
      ),
    )),
    ...(await writeChart(
      dir,
      'compare-latency',
      latencyChart('Delivery latency in the closed loop (median of rounds)', latencyPoints(report)),
    )),
  ];
  writeFileSync(join(dir, 'compare.json'), JSON.stringify(report, null, 2));
  writeFileSync(
    join(dir, 'compare.md'),
    compareMarkdown(report, { throughput: 'compare-throughput.png', latency: 'compare-latency.png' }),
  );
  return [...files, 'compare.json', 'compare.md'].map((f) => join(dir, f));
}
