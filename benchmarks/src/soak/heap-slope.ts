import { slope } from '../common/slope.js';

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

/**
 * Post-GC heap growth in MiB per minute, fitted over the samples after `warmupMinutes` (JIT,
 * connection buffers and librdkafka's metadata settle first).
 */
export function heapSlope(samples: readonly SoakSample[], warmupMinutes: number): number {
  return slope(samples.filter((s) => s.minute >= warmupMinutes).map((s) => [s.minute, s.heapMiB] as const));
}
