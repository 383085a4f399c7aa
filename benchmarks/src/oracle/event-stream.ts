import type { EventPublisher, PublisherError } from '@herald/publisher';
import { newOutcomes } from './judge.js';
import type { OracleEvent, Outcomes } from './judge.js';

/** The JSON codec of oracle events: the id, key and sequence travel in the value. */
export const oracleCodec = { encode: (event: OracleEvent): Buffer => Buffer.from(JSON.stringify(event)) };

/**
 * Publishes oracle events (id `e-<n>`, key `k-<n mod keys>`, a sequence number per key) and records
 * how each settled and when, so a run can be judged ({@link judge}) and timed afterwards.
 */
export class OracleStream {
  readonly outcomes: Outcomes = newOutcomes();
  /** Error codes of the publishes that did not ack, with counts. */
  readonly errors = new Map<string, number>();
  readonly #publisher: EventPublisher<OracleEvent>;
  readonly #keys: number;
  readonly #seqs: number[];
  readonly #sentAt: number[] = [];
  readonly #ackedAt: number[] = [];
  /** Where each acked event was written, by event number: `partition:offset`. */
  readonly #ackedWhere = new Map<number, string>();
  #settled = 0;
  #onSettled: (() => void) | undefined;

  constructor(publisher: EventPublisher<OracleEvent>, keys = 100) {
    this.#publisher = publisher;
    this.#keys = keys;
    this.#seqs = new Array<number>(keys).fill(0);
  }

  get sent(): number {
    return this.#sentAt.length;
  }

  get settled(): number {
    return this.#settled;
  }

  /** Publishes the next event; its outcome is recorded when it settles. */
  publishNext(): void {
    const n = this.#sentAt.length;
    const k = n % this.#keys;
    const event: OracleEvent = { id: `e-${n}`, key: `k-${k}`, seq: this.#seqs[k]!++ };
    this.#sentAt.push(performance.now());
    this.#ackedAt.push(Number.NaN);
    this.#publisher.publish(event).then(
      (report) => {
        this.#ackedAt[n] = performance.now();
        this.#ackedWhere.set(n, `${report.partition}:${report.offset}`);
        this.outcomes.acked.add(event.id);
        this.#settle();
      },
      (error: PublisherError) => {
        // Only an explicit 'unknown' may have been written; anything else (not-written, or a
        // rejection before it was ever sent, such as BROKER_UNREACHABLE) claims "not written",
        // and the oracle checks that claim against the topic.
        (error.outcome === 'unknown' ? this.outcomes.unknown : this.outcomes.failed).add(event.id);
        const code = error.code ?? 'UNKNOWN_ERROR';
        this.errors.set(code, (this.errors.get(code) ?? 0) + 1);
        this.#settle();
      },
    );
  }

  #settle(): void {
    this.#settled += 1;
    if (this.#settled === this.#sentAt.length) this.#onSettled?.();
  }

  /** Resolves true once every publish so far settled, false at the deadline. */
  waitSettled(timeoutMs: number): Promise<boolean> {
    if (this.#settled === this.#sentAt.length) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.#onSettled = () => {
        clearTimeout(timer);
        resolve(true);
      };
    });
  }

  /**
   * Milliseconds from `at` (a `performance.now()` time) to the first ack of an event published at
   * or after it; null if none acked.
   */
  firstAckAfter(at: number): number | null {
    let first = Number.POSITIVE_INFINITY;
    for (let i = this.#sentAt.length - 1; i >= 0 && this.#sentAt[i]! >= at; i--) {
      const acked = this.#ackedAt[i]!;
      if (acked < first) first = acked;
    }
    return Number.isFinite(first) ? first - at : null;
  }

  /** `partition:offset` the broker acked event `id` at, if it did. */
  ackedAt(id: string): string | undefined {
    return this.#ackedWhere.get(Number(id.slice(2)));
  }

  /** How event `id` settled: acked, failed, unknown or unsettled. */
  outcomeOf(id: string): 'acked' | 'failed' | 'unknown' | 'unsettled' {
    return this.outcomes.acked.has(id)
      ? 'acked'
      : this.outcomes.failed.has(id)
        ? 'failed'
        : this.outcomes.unknown.has(id)
          ? 'unknown'
          : 'unsettled';
  }

  /** Send → ack latencies (ms) of the events published in [from, to). */
  latencies(from: number, to: number): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.#sentAt.length; i++) {
      const sent = this.#sentAt[i]!;
      if (sent >= from && sent < to && !Number.isNaN(this.#ackedAt[i]!)) out.push(this.#ackedAt[i]! - sent);
    }
    return out;
  }
}

/**
 * Publishes at a steady `rate` per second until `stop()`. A 5 ms timer catches up on events a slow
 * event-loop turn delayed. Open loop: a stalled cluster does not slow the offered load.
 */
export function publishAtRate(stream: OracleStream, rate: number): { stop(): void } {
  const started = performance.now();
  const timer = setInterval(() => {
    const due = Math.floor(((performance.now() - started) * rate) / 1000);
    while (stream.sent < due) stream.publishNext();
  }, 5);
  return { stop: () => clearInterval(timer) };
}
