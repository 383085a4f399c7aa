/** One soak sample. Times are minutes since the start; sizes MiB; latencies ms. */
export interface SoakSample {
  readonly minute: number;
  /** `heapUsed` right after a full GC: what the process really keeps. */
  readonly heapMiB: number;
  readonly rssMiB: number;
  /** Event-loop delay p99 over the sample window. */
  readonly loopDelayP99Ms: number;
  /** Publish → ack p99 of the events acked in the window; null when none acked. */
  readonly deliveryP99Ms: number | null;
  /** Events acked in the window. */
  readonly acked: number;
  /** Events that failed in the window. */
  readonly failed: number;
}

/** Least-squares slope of `y` over `x`; 0 with fewer than two points. */
export function slope(points: ReadonlyArray<readonly [number, number]>): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  let num = 0;
  let den = 0;
  for (const [x, y] of points) {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

/**
 * Post-GC heap growth in MiB per minute, fitted over the samples after `warmupMinutes` (JIT,
 * connection buffers and librdkafka's metadata settle first).
 */
export function heapSlope(samples: readonly SoakSample[], warmupMinutes: number): number {
  return slope(samples.filter((s) => s.minute >= warmupMinutes).map((s) => [s.minute, s.heapMiB] as const));
}
