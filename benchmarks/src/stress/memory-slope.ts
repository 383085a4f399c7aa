/** One post-GC memory sample: messages settled so far, heap used and RSS in bytes. */
export interface MemorySample {
  readonly settled: number;
  readonly heapUsed: number;
  readonly rss: number;
}

/** Least-squares slope of `y` over `x`; 0 with fewer than two points. */
export function slope(points: ReadonlyArray<readonly [number, number]>): number {
  const n = points.length;
  if (n < 2) return 0;
  let sx = 0;
  let sy = 0;
  for (const [x, y] of points) {
    sx += x;
    sy += y;
  }
  const mx = sx / n;
  const my = sy / n;
  let num = 0;
  let den = 0;
  for (const [x, y] of points) {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

/**
 * Bytes of growth per 100 000 messages over the second half of the run: the first half is where
 * pools, JIT and librdkafka's buffers reach their steady size, so growth after that is a leak.
 */
export function growthPer100k(samples: readonly MemorySample[], field: 'heapUsed' | 'rss'): number {
  const tail = samples.slice(Math.floor(samples.length / 2));
  return slope(tail.map((s) => [s.settled, s[field]] as const)) * 100_000;
}
