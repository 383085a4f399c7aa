// Per-key retry lanes: a failed record waits out its backoff in the lane of its (topic, key), and
// every later record of that key queues behind it, so retrying never reorders a key.
import type { PublisherError } from '../errors.js';
import { RetryQueueFullError } from './resilience-errors.js';
import { backoffMs, isRetried } from './retry-policy.js';
import type { RetryPolicy } from './retry-policy.js';
import { retryState } from './retry-state.js';
import type { ResilientRecord } from './retry-state.js';

/** What a retry queue calls back into. */
export interface RetryHost<R extends ResilientRecord> {
  /** Sends `record` again (through the publisher's capacity limits, in call order). */
  resend(record: R): void;
  /** Ms to hold all lanes back (the circuit breaker is not closed); 0 to go. */
  holdMs(): number;
  /** Called when a retry is scheduled, for logs, metrics and the span. */
  scheduled(record: R, error: PublisherError, attempt: number, delayMs: number): void;
  /** Called when the queue goes from empty to busy and back. */
  busy(busy: boolean, lanes: number): void;
}

interface Lane<R> {
  readonly id: string;
  /** Records waiting to go, sorted by `seq`. */
  readonly waiting: R[];
  /** Records of this lane sent and not yet settled. */
  inFlight: number;
  /** Not before this time (`Date.now()`) may the lane send again. */
  dueAt: number;
  timer: NodeJS.Timeout | undefined;
}

let unkeyed = 0;

/** The lane of a record: its topic and key; records without a key have no order to keep. */
export function laneOf(record: ResilientRecord): string {
  const key = record.key;
  if (key === null) return `\u0001${++unkeyed}`;
  return `${record.topic}\u0000${typeof key === 'string' ? `s${key}` : `b${key.toString('latin1')}`}`;
}

/**
 * The lanes of records that wait to be sent again. A lane sends its waiting records (in publish
 * order) only when none of its records is in flight and its backoff has passed; a lane with
 * nothing waiting and nothing in flight is gone, and its key publishes directly again.
 */
export class RetryQueue<R extends ResilientRecord> {
  readonly #policy: RetryPolicy;
  readonly #host: RetryHost<R>;
  readonly #lanes = new Map<string, Lane<R>>();
  readonly #random: () => number;
  /** Records waiting in lanes (not the ones in flight). */
  #queued = 0;

  constructor(policy: RetryPolicy, host: RetryHost<R>, random: () => number = Math.random) {
    this.#policy = policy;
    this.#host = host;
    this.#random = random;
  }

  /** Records waiting in lanes. */
  get queued(): number {
    return this.#queued;
  }

  /** Lanes open (keys with a record waiting to retry or in flight from a lane). */
  get lanes(): number {
    return this.#lanes.size;
  }

  /**
   * Queues a publish that was not sent yet behind its key's lane when the lane is open. True when it was queued;
   * false when it may go directly. Throws `RetryQueueFullError` when the lanes are full.
   */
  hold(record: R): boolean {
    if (this.#lanes.size === 0 || record.key === null) return false;
    const lane = this.#lanes.get(laneOf(record));
    if (lane === undefined) return false;
    this.#checkRoom(lane);
    const state = retryState(record);
    state.lane = lane.id;
    state.attempts = 0;
    // By seq: a record that waited in the publisher's queue may be older than some already held.
    insertBySeq(lane.waiting, record);
    this.#queued += 1;
    return true;
  }

  /**
   * Takes a failed record to send it again later. False when the policy does not retry `error`
   * or the record used up its attempts or time: then its failure is final.
   */
  offer(record: R, error: PublisherError, now = Date.now()): boolean {
    const state = retryState(record);
    state.lane ??= laneOf(record);
    const lane = this.#lanes.get(state.lane);
    if (state.inLane && lane !== undefined) {
      state.inLane = false;
      lane.inFlight -= 1;
    }
    if (state.firstFailureAt === 0) state.firstFailureAt = now;
    state.lastFailureAt = now;
    state.lastError = error;
    const delay = backoffMs(this.#policy, state.attempts, this.#random);
    const retried =
      isRetried(this.#policy, error) &&
      state.attempts < this.#policy.maxAttempts &&
      now + delay - record.publishedAt <= this.#policy.maxElapsedMs &&
      this.#queued < this.#policy.maxQueued;
    if (!retried) {
      if (lane !== undefined) this.#settledIn(lane);
      return false;
    }
    const target = lane ?? this.#open(state.lane);
    insertBySeq(target.waiting, record);
    this.#queued += 1;
    this.#host.scheduled(record, error, state.attempts, delay);
    this.#schedule(target, now + delay);
    return true;
  }

  /** Call when a record settled for good (acked, or failed finally): its lane may move on. */
  settled(record: R): void {
    const state = record.retry;
    if (state === undefined || !state.inLane || state.lane === undefined) return;
    state.inLane = false;
    const lane = this.#lanes.get(state.lane);
    if (lane === undefined) return;
    lane.inFlight -= 1;
    this.#settledIn(lane);
  }

  /**
   * Sends what lanes are due now (the circuit breaker moved); with `now`, also those still in
   * backoff: the cluster just answered, waiting longer only delays them.
   */
  wake(now = false): void {
    for (const lane of this.#lanes.values()) {
      if (lane.inFlight > 0) continue;
      if (lane.timer !== undefined) {
        if (!now) continue;
        clearTimeout(lane.timer);
        lane.timer = undefined;
        lane.dueAt = 0;
      }
      this.#flush(lane);
    }
  }

  /** Removes every waiting record (close), oldest first per lane, and stops the timers. */
  drain(): R[] {
    const out: R[] = [];
    for (const lane of this.#lanes.values()) {
      if (lane.timer !== undefined) clearTimeout(lane.timer);
      out.push(...lane.waiting);
    }
    this.#lanes.clear();
    this.#queued = 0;
    this.#host.busy(false, 0);
    return out;
  }

  #checkRoom(lane: Lane<R>): void {
    if (this.#queued < this.#policy.maxQueued) return;
    throw new RetryQueueFullError(
      `${this.#queued} records already wait in retry lanes (retry.maxQueued); not sent, so the order of its key is kept (lane with ${lane.waiting.length} waiting)`,
    );
  }

  #open(id: string): Lane<R> {
    const lane: Lane<R> = { id, waiting: [], inFlight: 0, dueAt: 0, timer: undefined };
    this.#lanes.set(id, lane);
    if (this.#lanes.size === 1) this.#host.busy(true, 1);
    return lane;
  }

  #schedule(lane: Lane<R>, dueAt: number): void {
    if (dueAt <= lane.dueAt && lane.timer !== undefined) return;
    lane.dueAt = Math.max(lane.dueAt, dueAt);
    if (lane.timer !== undefined) clearTimeout(lane.timer);
    lane.timer = setTimeout(
      () => {
        lane.timer = undefined;
        if (lane.inFlight === 0) this.#flush(lane);
      },
      Math.max(0, lane.dueAt - Date.now()),
    );
    lane.timer.unref();
  }

  #settledIn(lane: Lane<R>): void {
    if (lane.inFlight > 0 || lane.timer !== undefined) return;
    if (lane.waiting.length === 0) this.#close(lane);
    else this.#flush(lane);
  }

  #close(lane: Lane<R>): void {
    this.#lanes.delete(lane.id);
    if (this.#lanes.size === 0) this.#host.busy(false, 0);
  }

  /** Sends everything the lane holds, in order; librdkafka keeps that order within the partition. */
  #flush(lane: Lane<R>): void {
    if (this.#lanes.get(lane.id) !== lane) return;
    if (lane.waiting.length === 0) {
      if (lane.inFlight === 0) this.#close(lane);
      return;
    }
    // Asked only when there is something to send: in half-open it hands out the probe.
    const hold = this.#host.holdMs();
    if (hold > 0) {
      this.#schedule(lane, Date.now() + hold);
      return;
    }
    const batch = lane.waiting.splice(0);
    this.#queued -= batch.length;
    lane.inFlight += batch.length;
    for (const record of batch) {
      const state = retryState(record);
      state.inLane = true;
      state.attempts += 1;
    }
    for (const record of batch) this.#host.resend(record);
  }
}

function insertBySeq<R extends ResilientRecord>(list: R[], record: R): void {
  let i = list.length;
  while (i > 0 && (list[i - 1] as R).seq > record.seq) i -= 1;
  list.splice(i, 0, record);
}
