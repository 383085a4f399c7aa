import { slope } from '../common/slope.js';

/** One post-GC memory sample: messages settled so far, heap used and RSS in bytes. */
export interface MemorySample {
  readonly settled: number;
  readonly heapUsed: number;
  readonly rss: number;
}

/**
 * Bytes of growth per 100 000 messages over the second half of the run: the first half is where
 * pools, JIT and librdkafka's buffers reach their steady size, so growth after that is a leak.
 */
export function growthPer100k(samples: readonly MemorySample[], field: 'heapUsed' | 'rss'): number {
  const tail = samples.slice(Math.floor(samples.length / 2));
  return slope(tail.map((s) => [s.settled, s[field]] as const)) * 100_000;
}
