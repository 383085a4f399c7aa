import { compact, fixed, formatTable } from '../common/format.js';
import type { RunMeasurement } from '../common/meter.js';
import type { OrderSize } from '../common/orders.js';
import type { ProducerSettings } from '../common/settings.js';
import { describeSettings } from '../common/settings.js';

/** One size class measured by `herald-bench produce`. */
export interface ProduceRow {
  readonly size: OrderSize;
  /** JSON bytes of one event (mean over the pool). */
  readonly bytes: number;
  readonly measurement: RunMeasurement;
}

/** What `herald-bench produce --json` prints. */
export interface ProduceReport {
  readonly benchmark: 'produce';
  readonly node: string;
  readonly cpus: number;
  readonly bootstrap: string;
  readonly mode: string;
  /** The publisher transport asked for: native, ckjs or auto. */
  readonly transport: string;
  readonly settings: ProducerSettings;
  readonly rows: readonly ProduceRow[];
}

function errorsText(errors: Readonly<Record<string, number>>): string {
  const entries = Object.entries(errors);
  return entries.length === 0 ? '0' : entries.map(([code, n]) => `${code}×${n}`).join(' ');
}

/** The human-readable table of a produce report. */
export function formatProduceReport(report: ProduceReport): string {
  const header = [
    'size',
    'bytes',
    'msgs/s',
    'MiB/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'p99.9 ms',
    'max ms',
    'CPU µs/msg',
    'peak RSS MiB',
    'errors',
  ];
  const rows = report.rows.map(({ size, bytes, measurement: m }) => [
    size,
    String(Math.round(bytes)),
    compact(m.msgsPerSec),
    fixed(m.mibPerSec, 1),
    fixed(m.latencyMs?.p50),
    fixed(m.latencyMs?.p95),
    fixed(m.latencyMs?.p99),
    fixed(m.latencyMs?.p999),
    fixed(m.latencyMs?.max),
    fixed(m.cpuUsPerMsg, 1),
    fixed(m.peakRssMiB, 0),
    errorsText(m.errors),
  ]);
  return [
    `herald-bench produce — ${report.mode}; ${report.transport} transport; ${describeSettings(report.settings)}; broker ${report.bootstrap}; Node ${report.node}, ${report.cpus} cores`,
    '',
    formatTable(header, rows),
  ].join('\n');
}
