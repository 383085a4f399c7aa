// Timing on a shared, noisy machine: candidates are interleaved within every round (in a rotating
// order), and ratios are taken round by round against the baseline measured in the same round,
// so load that comes and goes hits every candidate alike.
import { median, quantile } from '../common/stats.js';

/** How long to measure. */
export interface MeasureOptions {
  readonly rounds: number;
  /** Warm-up per candidate before the first round, so the JIT has optimised it. */
  readonly warmupMs: number;
  /** Time per candidate per round. */
  readonly cellMs: number;
  /** Time one batch aims for; each batch gives one ns/op sample. */
  readonly batchUs: number;
}

/** Timings of one candidate. */
export interface Timing {
  readonly medianNs: number;
  readonly p99Ns: number;
  /** Median over rounds of (this candidate's round median / the baseline's round median). */
  readonly ratio: number;
  readonly samples: number;
}

// Results are folded into this so the JIT cannot drop the work as dead code.
let blackhole = 0;

function now(): number {
  return Number(process.hrtime.bigint());
}

function runFor(op: () => number, ms: number): number {
  const end = now() + ms * 1e6;
  let ops = 0;
  while (now() < end) {
    for (let i = 0; i < 32; i++) blackhole ^= op();
    ops += 32;
  }
  return ops;
}

function batchSamples(op: () => number, batch: number, ms: number): number[] {
  const samples: number[] = [];
  const end = now() + ms * 1e6;
  while (samples.length === 0 || now() < end) {
    const start = now();
    for (let i = 0; i < batch; i++) blackhole ^= op();
    samples.push((now() - start) / batch);
  }
  return samples;
}

/** Measures each op (index 0 is the baseline) and returns their timings in the same order. */
export function measure(ops: ReadonlyArray<() => number>, options: MeasureOptions): Timing[] {
  const batches = ops.map((op) => {
    runFor(op, options.warmupMs);
    const perMs = runFor(op, 2) / 2;
    return Math.max(1, Math.round((perMs * options.batchUs) / 1000));
  });
  const all: number[][] = ops.map(() => []);
  const roundMedians: number[][] = ops.map(() => []);
  for (let round = 0; round < options.rounds; round++) {
    for (let k = 0; k < ops.length; k++) {
      const i = (k + round) % ops.length;
      const samples = batchSamples(ops[i]!, batches[i]!, options.cellMs);
      all[i]!.push(...samples);
      roundMedians[i]!.push(median(samples));
    }
  }
  if (blackhole === 0.5) console.log('unreachable');
  const baseline = roundMedians[0]!;
  return ops.map((_, i) => ({
    medianNs: median(all[i]!),
    p99Ns: quantile(all[i]!, 0.99),
    ratio: median(roundMedians[i]!.map((m, r) => m / baseline[r]!)),
    samples: all[i]!.length,
  }));
}
