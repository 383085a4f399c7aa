import type { Compression } from '../common/settings.js';
import { spreadOf } from '../common/spread.js';

/** One measured combination of the sweep, folded over its rounds. */
export interface TuneResult {
  readonly lingerMs: number;
  readonly batchSize: number;
  readonly compression: Compression;
  readonly acks: 'all' | 1 | 0;
  /** Closed-loop throughput: the median over the rounds. */
  readonly msgsPerSec: number;
  /** The slowest round's throughput (the spread's low end); equals `msgsPerSec` for one round. */
  readonly msgsPerSecMin: number;
  /** The fastest round's throughput (the spread's high end). */
  readonly msgsPerSecMax: number;
  /** Rounds measured. */
  readonly rounds: number;
  /** Closed-loop p99 delivery latency (queueing included), median over the rounds. */
  readonly closedP99Ms: number;
  /** Open-loop p99 at the latency rate, median over the rounds; NaN when not measured (throughput target). */
  readonly openP99Ms: number;
  /** Errors summed over the rounds. */
  readonly errors: number;
}

/** What the sweep optimises. */
export type TuneTarget = { readonly kind: 'throughput' } | { readonly kind: 'latency'; readonly p99MaxMs: number };

/**
 * How well the rounds separate the cells: `clear` (no other spread overlaps the fastest's), `tied`
 * (a few do), `too-noisy` (most eligible cells do: the machine cannot rank them), `one-round` (no
 * spread measured).
 */
export type Separation = 'clear' | 'tied' | 'too-noisy' | 'one-round';

/** The sweep's verdict: the pick (or none), the evidence and how much it can be trusted. */
export interface Recommendation {
  /** The pick: the least aggressive of the cells tied with the fastest. */
  readonly best: TuneResult | undefined;
  /** The eligible cell with the highest median throughput. */
  readonly fastest: TuneResult | undefined;
  /** Eligible cells whose spread overlaps the fastest's, the fastest included. */
  readonly tied: readonly TuneResult[];
  readonly separation: Separation;
  /** Every result, eligible ones first, by median throughput. */
  readonly ranked: readonly TuneResult[];
  /** Why a result is not eligible; absent when it is. */
  readonly excluded: ReadonlyMap<TuneResult, string>;
}

/** One cell's rounds (each one measurement, `rounds: 1`) folded into one result: medians, spread, errors summed. */
export function foldRounds(rounds: readonly TuneResult[]): TuneResult {
  const first = rounds[0]!;
  const throughput = spreadOf(rounds.map((r) => r.msgsPerSec));
  return {
    ...first,
    msgsPerSec: throughput.median,
    msgsPerSecMin: throughput.min,
    msgsPerSecMax: throughput.max,
    rounds: rounds.length,
    closedP99Ms: spreadOf(rounds.map((r) => r.closedP99Ms)).median,
    openP99Ms: spreadOf(rounds.map((r) => r.openP99Ms)).median,
    errors: rounds.reduce((sum, r) => sum + r.errors, 0),
  };
}

function overlaps(a: TuneResult, b: TuneResult): boolean {
  return a.msgsPerSecMin <= b.msgsPerSecMax && b.msgsPerSecMin <= a.msgsPerSecMax;
}

/** Less aggressive first: lower linger.ms (latency added per message), then smaller batch.size (memory). */
function lessAggressive(a: TuneResult, b: TuneResult): number {
  return a.lingerMs - b.lingerMs || a.batchSize - b.batchSize || b.msgsPerSec - a.msgsPerSec;
}

/**
 * Ranks the sweep. Results with errors are never picked; for a latency target those whose open-loop
 * p99 exceeds the bound are excluded too. The fastest eligible cell (highest median throughput) is
 * not simply the pick: every eligible cell whose spread over the rounds overlaps the fastest's is
 * tied with it, since the measurement cannot tell them apart, and the pick is the least aggressive
 * of the tied (lowest linger.ms, then smallest batch.size). When most eligible cells are tied the
 * separation is `too-noisy`.
 */
export function recommend(results: readonly TuneResult[], target: TuneTarget): Recommendation {
  const excluded = new Map<TuneResult, string>();
  for (const r of results) {
    if (r.errors > 0) excluded.set(r, `${r.errors} errors`);
    else if (!Number.isFinite(r.msgsPerSec)) excluded.set(r, 'not measured');
    else if (target.kind === 'latency' && !(r.openP99Ms <= target.p99MaxMs))
      excluded.set(r, `p99 ${r.openP99Ms.toFixed(1)} ms > ${target.p99MaxMs} ms`);
  }
  const p99 = (r: TuneResult) => (target.kind === 'latency' ? r.openP99Ms : r.closedP99Ms);
  const ranked = [...results].sort((a, b) => {
    const ea = excluded.has(a) ? 1 : 0;
    const eb = excluded.has(b) ? 1 : 0;
    return ea - eb || b.msgsPerSec - a.msgsPerSec || p99(a) - p99(b);
  });
  const eligible = ranked.filter((r) => !excluded.has(r));
  const fastest = eligible[0];
  if (fastest === undefined) return { best: undefined, fastest, tied: [], separation: 'clear', ranked, excluded };
  const tied = eligible.filter((r) => overlaps(r, fastest));
  const best = [...tied].sort(lessAggressive)[0];
  return {
    best,
    fastest,
    tied,
    separation: separationOf(fastest.rounds, tied.length, eligible.length),
    ranked,
    excluded,
  };
}

function separationOf(rounds: number, tied: number, eligible: number): Separation {
  if (rounds < 2) return 'one-round';
  if (tied <= 1) return 'clear';
  return tied > Math.max(2, eligible / 2) ? 'too-noisy' : 'tied';
}

/** The grid of the sweep, in a stable order. */
export function sweepGrid(
  linger: readonly number[],
  batch: readonly number[],
  compression: readonly Compression[],
  acks: ReadonlyArray<'all' | 1 | 0>,
) {
  const cells: Array<{ lingerMs: number; batchSize: number; compression: Compression; acks: 'all' | 1 | 0 }> = [];
  for (const a of acks)
    for (const c of compression)
      for (const b of batch) for (const l of linger) cells.push({ lingerMs: l, batchSize: b, compression: c, acks: a });
  return cells;
}
