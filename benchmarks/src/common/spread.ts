import { nearestRank } from './percentiles.js';

/** Median and range of a few repeated measurements (e.g. throughput over rounds). */
export interface Spread {
  readonly n: number;
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

/**
 * Median (mean of the two middle values for an even count), min and max of `values`; NaN fields
 * when empty. Non-finite values are ignored.
 */
export function spreadOf(values: readonly number[]): Spread {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { n: 0, median: Number.NaN, min: Number.NaN, max: Number.NaN };
  const median = n % 2 === 1 ? nearestRank(sorted, 0.5) : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
  return { n, median, min: sorted[0]!, max: sorted[n - 1]! };
}

/** `value / baseline`, or NaN when either is missing or the baseline is not positive. */
export function ratio(value: number, baseline: number): number {
  return Number.isFinite(value) && Number.isFinite(baseline) && baseline > 0 ? value / baseline : Number.NaN;
}
