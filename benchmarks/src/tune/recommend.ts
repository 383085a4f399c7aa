import type { Compression } from '../common/settings.js';

/** One measured combination of the sweep. */
export interface TuneResult {
  readonly lingerMs: number;
  readonly batchSize: number;
  readonly compression: Compression;
  readonly acks: 'all' | 1 | 0;
  /** Closed-loop throughput. */
  readonly msgsPerSec: number;
  /** Closed-loop p99 delivery latency (queueing included). */
  readonly closedP99Ms: number;
  /** Open-loop p99 at the latency rate; NaN when not measured (throughput target). */
  readonly openP99Ms: number;
  readonly errors: number;
}

/** What the sweep optimises. */
export type TuneTarget = { readonly kind: 'throughput' } | { readonly kind: 'latency'; readonly p99MaxMs: number };

/** The sweep's verdict: the pick (or none) and every result ranked best first. */
export interface Recommendation {
  readonly best: TuneResult | undefined;
  readonly ranked: readonly TuneResult[];
  /** Why a result is not eligible; absent when it is. */
  readonly excluded: ReadonlyMap<TuneResult, string>;
}

/**
 * Ranks the sweep: results with errors are never picked; for a latency target those whose open-loop
 * p99 exceeds the bound are excluded too. Among the rest the highest throughput wins, ties
 * (within 1%) going to the lower p99.
 */
export function recommend(results: readonly TuneResult[], target: TuneTarget): Recommendation {
  const excluded = new Map<TuneResult, string>();
  for (const r of results) {
    if (r.errors > 0) excluded.set(r, `${r.errors} errors`);
    else if (!Number.isFinite(r.msgsPerSec)) excluded.set(r, 'not measured');
    else if (target.kind === 'latency' && !(r.openP99Ms <= target.p99MaxMs)) excluded.set(r, `p99 ${r.openP99Ms.toFixed(1)} ms > ${target.p99MaxMs} ms`);
  }
  const p99 = (r: TuneResult) => (target.kind === 'latency' ? r.openP99Ms : r.closedP99Ms);
  const ranked = [...results].sort((a, b) => {
    const ea = excluded.has(a) ? 1 : 0;
    const eb = excluded.has(b) ? 1 : 0;
    if (ea !== eb) return ea - eb;
    const close = Math.abs(a.msgsPerSec - b.msgsPerSec) <= 0.01 * Math.max(a.msgsPerSec, b.msgsPerSec);
    return close ? p99(a) - p99(b) : b.msgsPerSec - a.msgsPerSec;
  });
  const best = ranked.find((r) => !excluded.has(r));
  return { best, ranked, excluded };
}

/** The grid of the sweep, in a stable order. */
export function sweepGrid(linger: readonly number[], batch: readonly number[], compression: readonly Compression[], acks: ReadonlyArray<'all' | 1 | 0>) {
  const cells: Array<{ lingerMs: number; batchSize: number; compression: Compression; acks: 'all' | 1 | 0 }> = [];
  for (const a of acks) for (const c of compression) for (const b of batch) for (const l of linger) cells.push({ lingerMs: l, batchSize: b, compression: c, acks: a });
  return cells;
}
