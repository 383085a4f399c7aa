import type { TopLevelSpec } from 'vega-lite';

const FONT = 'DejaVu Sans';
const base = {
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  background: 'white',
  padding: 12,
  config: {
    font: FONT,
    title: { fontSize: 15, anchor: 'start' as const },
    axis: { labelFontSize: 12, titleFontSize: 12, labelLimit: 400 },
    legend: { labelFontSize: 12 },
  },
};

/** One bar of the throughput chart. */
export interface ThroughputBar {
  readonly contender: string;
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly herald: boolean;
}

/** Horizontal bars of median msgs/s per contender, whiskers from the slowest to the fastest round. */
export function throughputChart(title: string, bars: readonly ThroughputBar[]): TopLevelSpec {
  const order = [...bars].sort((a, b) => b.median - a.median).map((b) => b.contender);
  const y = { field: 'contender', type: 'nominal' as const, sort: order, title: null, axis: { labelLimit: 600 } };
  return {
    ...base,
    title,
    width: 520,
    height: { step: 30 },
    data: { values: bars.map((b) => ({ ...b, label: `${(b.median / 1000).toFixed(1)}k` })) },
    layer: [
      {
        mark: { type: 'bar', height: 20 },
        encoding: {
          y,
          x: { field: 'median', type: 'quantitative', title: 'messages per second (median of rounds)' },
          color: {
            field: 'herald',
            type: 'nominal',
            scale: { domain: [true, false], range: ['#d9480f', '#4c6ef5'] },
            legend: null,
          },
        },
      },
      {
        mark: { type: 'rule', color: '#212529' },
        encoding: { y, x: { field: 'min', type: 'quantitative' }, x2: { field: 'max' } },
      },
      {
        mark: { type: 'text', align: 'left', dx: 6, fontSize: 11 },
        encoding: { y, x: { field: 'max', type: 'quantitative' }, text: { field: 'label' } },
      },
    ],
  };
}

/** One point of the latency chart. */
export interface LatencyPoint {
  readonly contender: string;
  readonly percentile: 'p50' | 'p95' | 'p99' | 'p99.9' | 'max';
  readonly ms: number;
}

/** Delivery latency by percentile (log scale), one line per contender. */
export function latencyChart(title: string, points: readonly LatencyPoint[]): TopLevelSpec {
  return {
    ...base,
    title,
    width: 460,
    height: 300,
    data: { values: points.filter((p) => Number.isFinite(p.ms) && p.ms > 0) },
    mark: { type: 'line', point: true },
    encoding: {
      x: {
        field: 'percentile',
        type: 'ordinal',
        sort: ['p50', 'p95', 'p99', 'p99.9', 'max'],
        title: 'percentile',
        axis: { labelAngle: 0 },
      },
      y: { field: 'ms', type: 'quantitative', scale: { type: 'log' }, title: 'send → delivery report, ms (log)' },
      color: { field: 'contender', type: 'nominal', title: null, legend: { orient: 'right', labelLimit: 600 } },
    },
  };
}

/** One cell of the tuning heat map. */
export interface TuneCell {
  readonly lingerMs: number;
  readonly batchSize: number;
  readonly compression: string;
  readonly acks: string;
  readonly msgsPerSec: number;
  readonly p99Ms: number;
  readonly recommended: boolean;
}

/** msgs/s over linger.ms × batch.size, one panel per compression (and acks), the pick outlined. */
export function tuneHeatmap(title: string, cells: readonly TuneCell[]): TopLevelSpec {
  const values = cells.map((c) => ({
    ...c,
    panel: `${c.compression}, acks=${c.acks}`,
    label: `${(c.msgsPerSec / 1000).toFixed(1)}k\np99 ${Math.round(c.p99Ms)}`,
  }));
  const x = { field: 'lingerMs', type: 'ordinal' as const, title: 'linger.ms', axis: { labelAngle: 0 } };
  const y = { field: 'batchSize', type: 'ordinal' as const, title: 'batch.size (bytes)', sort: 'descending' as const };
  return {
    ...base,
    title,
    data: { values },
    transform: [{ joinaggregate: [{ op: 'max', field: 'msgsPerSec', as: 'top' }] }],
    facet: { column: { field: 'panel', type: 'nominal', title: null, header: { labelFontSize: 13 } } },
    spec: {
      width: { step: 70 },
      height: { step: 44 },
      layer: [
        {
          mark: 'rect',
          encoding: {
            x,
            y,
            color: { field: 'msgsPerSec', type: 'quantitative', title: 'msgs/s', scale: { scheme: 'blues' } },
          },
        },
        {
          mark: { type: 'rect', fill: null, stroke: '#d9480f', strokeWidth: 3 },
          transform: [{ filter: 'datum.recommended' }],
          encoding: { x, y },
        },
        {
          mark: { type: 'text', fontSize: 10, lineBreak: '\n' },
          encoding: {
            x,
            y,
            text: { field: 'label' },
            color: { condition: { test: 'datum.msgsPerSec > 0.6 * datum.top', value: 'white' }, value: '#212529' },
          },
        },
      ],
    },
    resolve: { scale: { color: 'shared' } },
  };
}

/** One point of the soak chart: a metric's value at a minute of the run. */
export interface SoakPoint {
  readonly minute: number;
  readonly metric: 'post-GC heap MiB' | 'RSS MiB' | 'event-loop delay p99 ms' | 'delivery p99 ms';
  readonly value: number;
}

/** Memory (post-GC heap, RSS) and latency (event-loop delay p99, delivery p99) over the soak. */
export function soakChart(title: string, points: readonly SoakPoint[]): TopLevelSpec {
  const panel = (metrics: readonly SoakPoint['metric'][], yTitle: string) => ({
    width: 560,
    height: 200,
    transform: [{ filter: { field: 'metric', oneOf: [...metrics] } }],
    mark: { type: 'line' as const, point: true },
    encoding: {
      x: { field: 'minute', type: 'quantitative' as const, title: 'minutes since start' },
      y: { field: 'value', type: 'quantitative' as const, title: yTitle },
      color: {
        field: 'metric',
        type: 'nominal' as const,
        title: null,
        legend: { orient: 'right' as const, labelLimit: 400 },
      },
    },
  });
  return {
    ...base,
    title,
    data: { values: points.filter((p) => Number.isFinite(p.value)) },
    vconcat: [
      panel(['post-GC heap MiB', 'RSS MiB'], 'MiB'),
      panel(['event-loop delay p99 ms', 'delivery p99 ms'], 'ms'),
    ],
    resolve: { scale: { color: 'independent' } },
  };
}
