import type { PublisherError } from '../errors.js';

/** What the resilience layer remembers about one publish once it failed, was held or dead-lettered. */
export interface RetryState {
  /** Delivery attempts so far (the first send counts). */
  attempts: number;
  /** `Date.now()` of the first and of the latest failure; 0 before any. */
  firstFailureAt: number;
  lastFailureAt: number;
  /** The latest failure. */
  lastError: PublisherError | undefined;
  /** The lane this record is queued in or was sent from; undefined when it went out directly. */
  lane: string | undefined;
  /** True while it is in flight as part of its lane (counted in the lane's `inFlight`). */
  inLane: boolean;
  /** True for the dead-letter copy of another publish: it is never retried or dead-lettered. */
  deadLetter: boolean;
  /** True when this publish is the circuit breaker's half-open probe. */
  probe: boolean;
}

/** What the resilience layer needs of a record: where it goes, its order, and its state. */
export interface ResilientRecord {
  readonly topic: string;
  readonly key: string | Buffer | null;
  /** Publish order: a lane sends its records sorted by it. */
  readonly seq: number;
  /** `Date.now()` at publish(). */
  readonly publishedAt: number;
  retry: RetryState | undefined;
}

/** The state of `record`, created on first use. */
export function retryState(record: ResilientRecord): RetryState {
  return (record.retry ??= {
    attempts: 1,
    firstFailureAt: 0,
    lastFailureAt: 0,
    lastError: undefined,
    lane: undefined,
    inLane: false,
    deadLetter: false,
    probe: false,
  });
}
