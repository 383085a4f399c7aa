// The resilience layer between the publisher and its failures: the circuit breaker decides what
// may be sent, the retry queue takes retriable failures back, the dead-letter topic takes final
// ones. The publisher calls it at four points: admit, dispatch from its queue, acked, failed.
import type { PublisherError } from '../errors.js';
import type { OutgoingRecord } from '../internal/record-builder.js';
import type { Logger } from '../logger.js';
import type { MeterProvider } from '@opentelemetry/api';
import { CircuitBreaker, resolveCircuitBreaker } from './circuit-breaker.js';
import type { CircuitBreakerOptions, CircuitState } from './circuit-breaker.js';
import { deadLetterHeaders, isDeadLettered, resolveDeadLetter } from './dead-letter.js';
import type { DeadLetterOptions } from './dead-letter.js';
import { CircuitOpenError, DeadLetteredError, DeadLetterFailedError } from './resilience-errors.js';
import { ResilienceTelemetry } from './resilience-telemetry.js';
import { isRetried, resolveRetryPolicy } from './retry-policy.js';
import type { RetryOptions, RetryPolicy } from './retry-policy.js';
import { RetryQueue } from './retry-queue.js';
import { retryState } from './retry-state.js';

/** The resilience options of the publisher; each part is off unless given. */
export interface ResilienceOptions {
  readonly retry?: RetryOptions | undefined;
  readonly deadLetter?: DeadLetterOptions | undefined;
  readonly circuitBreaker?: CircuitBreakerOptions | undefined;
}

/** What the layer calls back into the publisher for. */
export interface ResilienceHost {
  /** Sends `record` through the publisher's capacity limits, past admission. */
  dispatch(record: OutgoingRecord): void;
  /** Settles `record` as failed for good (telemetry, then reject). */
  settleFailed(record: OutgoingRecord, error: PublisherError): void;
  /** Sends what waits in the publisher's queue (the breaker closed). */
  drain(): void;
  readonly logger: Logger;
  readonly clientId: string;
  readonly meterProvider: MeterProvider | undefined;
}

/** The publisher's verdict on a new publish. */
export type Admitted = 'send' | 'wait' | 'held' | PublisherError;

/** The resolved parts, or undefined when none is configured. */
export function createResilience(options: ResilienceOptions, host: ResilienceHost): Resilience | undefined {
  if (options.retry === undefined && options.deadLetter === undefined && options.circuitBreaker === undefined)
    return undefined;
  return new Resilience(options, host);
}

/** Checks the resilience options without building anything (for `resolveOptions`). */
export function checkResilienceOptions(options: ResilienceOptions): void {
  if (options.retry !== undefined) resolveRetryPolicy(options.retry);
  if (options.deadLetter !== undefined) resolveDeadLetter(options.deadLetter);
  if (options.circuitBreaker !== undefined) resolveCircuitBreaker(options.circuitBreaker);
}

/** One publisher's retry queue, dead-letter routing and circuit breaker. */
export class Resilience {
  readonly #host: ResilienceHost;
  readonly #log: Logger;
  readonly #policy: RetryPolicy | undefined;
  readonly #retry: RetryQueue<OutgoingRecord> | undefined;
  readonly #deadLetterTopic: ((topic: string, error: PublisherError) => string | undefined) | undefined;
  readonly #breaker: CircuitBreaker | undefined;
  readonly #telemetry: ResilienceTelemetry;
  #nextIsProbe = false;
  #stopped = false;

  constructor(options: ResilienceOptions, host: ResilienceHost) {
    this.#host = host;
    this.#log = host.logger;
    this.#policy = options.retry === undefined ? undefined : resolveRetryPolicy(options.retry);
    this.#deadLetterTopic = options.deadLetter === undefined ? undefined : resolveDeadLetter(options.deadLetter);
    this.#breaker =
      options.circuitBreaker === undefined
        ? undefined
        : new CircuitBreaker(resolveCircuitBreaker(options.circuitBreaker), (from, to, reason) =>
            this.#changed(from, to, reason),
          );
    this.#retry =
      this.#policy === undefined
        ? undefined
        : new RetryQueue<OutgoingRecord>(this.#policy, {
            resend: (record) => {
              if (this.#nextIsProbe) {
                this.#nextIsProbe = false;
                retryState(record).probe = true;
              }
              host.dispatch(record);
            },
            holdMs: () => this.#holdMs(),
            scheduled: (record, error, attempt, delayMs) => {
              this.#telemetry.retried(record.topic, error);
              record.span?.addEvent('herald.retry', {
                'herald.attempt': attempt,
                'herald.retry.delay_ms': delayMs,
                'error.type': error.code,
              });
              this.#log.debug('publish retry scheduled', { topic: record.topic, attempt, delayMs, code: error.code });
            },
            busy: (busy, lanes) =>
              busy
                ? this.#log.warn('publishes are failing: retrying them, later records of their keys wait behind', {
                    lanes,
                  })
                : this.#log.info('retry lanes drained'),
          });
    const retry = this.#retry;
    const breaker = this.#breaker;
    this.#telemetry = new ResilienceTelemetry(host.meterProvider, host.clientId, {
      get retryQueued() {
        return retry?.queued ?? 0;
      },
      get circuitState() {
        return breaker?.state;
      },
    });
  }

  /** Records waiting in retry lanes: part of the publisher's `pending`. */
  get queued(): number {
    return this.#retry?.queued ?? 0;
  }

  /** The breaker's state, when there is a breaker. */
  get circuitState(): CircuitState | undefined {
    return this.#breaker?.state;
  }

  /** True when records must own their bytes (they may be sent again or dead-lettered later). */
  get keepsBytes(): boolean {
    return this.#policy !== undefined || this.#deadLetterTopic !== undefined;
  }

  /** Decides a new publish: send it, queue it (breaker waiting), hold it behind its key, or fail it. */
  admit(record: OutgoingRecord): Admitted {
    const breaker = this.#breaker;
    // Fail fast first: while open, a key's lane waits for the breaker, so holding the record
    // there would only delay the same answer.
    if (breaker !== undefined && breaker.state === 'open')
      return breaker.policy.whenOpen === 'wait' ? 'wait' : this.#circuitOpen();
    // Behind its key's lane it waits anyway; it must not become the probe there (the lane waits
    // for the probe's answer: neither would move). hold() throws RetryQueueFullError when full.
    try {
      if (this.#retry?.hold(record) === true) return 'held';
    } catch (error) {
      return error as PublisherError;
    }
    if (breaker !== undefined && breaker.state !== 'closed') {
      const admission = breaker.admit();
      if (admission === 'block') return breaker.policy.whenOpen === 'wait' ? 'wait' : this.#circuitOpen();
      if (admission === 'probe') retryState(record).probe = true;
    }
    return 'send';
  }

  /**
   * Whether a record queued in the publisher may go now, or waits behind its key's lane (`'held'`:
   * the lane opened while it was queued); an error settles it instead.
   */
  admitQueued(record: OutgoingRecord): 'send' | 'block' | 'held' | PublisherError {
    const breaker = this.#breaker;
    const state = record.retry;
    if (state?.inLane !== true && state?.deadLetter !== true) {
      try {
        if (this.#retry?.hold(record) === true) return 'held';
      } catch (error) {
        return error as PublisherError;
      }
    }
    if (
      breaker === undefined ||
      breaker.state === 'closed' ||
      state?.inLane === true ||
      state?.deadLetter === true ||
      state?.probe === true
    )
      return 'send';
    const admission = breaker.admit();
    if (admission === 'probe') {
      retryState(record).probe = true;
      return 'send';
    }
    return breaker.policy.whenOpen === 'wait' ? 'block' : this.#circuitOpen();
  }

  /** A record was acked. */
  acked(record: OutgoingRecord): void {
    this.#breaker?.succeeded();
    const state = record.retry;
    if (state === undefined) return;
    state.probe = false;
    this.#retry?.settled(record);
    if (state.attempts > 1) record.span?.setAttribute('herald.delivery.attempts', state.attempts);
  }

  /**
   * A sent record failed. `'retry'` or `'dead-letter'` when the layer took it over; false when the
   * publisher settles it with `error`.
   */
  failed(record: OutgoingRecord, error: PublisherError): 'retry' | 'dead-letter' | false {
    const state = record.retry;
    if (this.#stopped || state?.deadLetter === true) return false;
    if (this.#breaker !== undefined) {
      this.#breaker.failed(error, state?.probe === true);
      if (state !== undefined) state.probe = false;
    }
    if (this.#retry?.offer(record, error) === true) return 'retry';
    if (state !== undefined && state.attempts > 1)
      record.span?.setAttribute('herald.delivery.attempts', state.attempts);
    const retried = this.#policy !== undefined && isRetried(this.#policy, error);
    if (this.#deadLetterTopic === undefined || !isDeadLettered(error, retried)) return false;
    const topic = this.#deadLetterTopic(record.topic, error);
    if (topic === undefined) return false;
    this.#sendDeadLetter(record, topic, error);
    return 'dead-letter';
  }

  /** Stops retrying (close): returns what still waited in lanes, for the publisher to settle. */
  stop(): OutgoingRecord[] {
    this.#stopped = true;
    this.#breaker?.stop();
    return this.#retry?.drain() ?? [];
  }

  #holdMs(): number {
    const breaker = this.#breaker;
    if (breaker === undefined || breaker.state === 'closed') return 0;
    // Half-open with no probe out: the lane's first record is the probe.
    if (breaker.state === 'half-open' && breaker.admit() === 'probe') {
      this.#nextIsProbe = true;
      return 0;
    }
    return breaker.holdMs();
  }

  #circuitOpen(): CircuitOpenError {
    const breaker = this.#breaker as CircuitBreaker;
    return new CircuitOpenError(
      `the circuit breaker is ${breaker.state}: the cluster was unavailable, the event was not sent`,
      breaker.retryAt,
    );
  }

  #changed(from: CircuitState, to: CircuitState, reason: string): void {
    this.#telemetry.transition(to);
    (to === 'open' ? this.#log.warn : this.#log.info)(`circuit breaker ${to}`, { from, to, reason });
    if (to === 'open') return;
    this.#retry?.wake(to === 'closed');
    this.#host.drain();
  }

  #sendDeadLetter(record: OutgoingRecord, topic: string, error: PublisherError): void {
    const state = retryState(record);
    if (state.firstFailureAt === 0) state.firstFailureAt = Date.now();
    if (state.lastFailureAt === 0) state.lastFailureAt = state.firstFailureAt;
    const attempts = state.attempts;
    const headers = deadLetterHeaders(record.headers, record.topic, error, state, this.#host.clientId);
    const copy: OutgoingRecord = {
      topic,
      value: record.value,
      transient: false,
      key: record.key,
      headers,
      bytes: record.bytes,
      resolve: (report) => {
        this.#telemetry.deadLettered(record.topic, error);
        this.#log.warn('event dead-lettered', {
          topic: record.topic,
          deadLetterTopic: topic,
          code: error.code,
          attempts,
          offset: report.offset,
        });
        this.#host.settleFailed(
          record,
          new DeadLetteredError(
            `${record.topic} refused the event (${error.code}); it was written to ${topic} at ${report.partition}/${report.offset}`,
            {
              cause: error,
              deadLetter: report,
              attempts,
            },
          ),
        );
      },
      reject: (deadLetterCause) => {
        this.#telemetry.deadLetterFailed(record.topic, error);
        this.#log.error('dead-letter write failed', {
          topic: record.topic,
          deadLetterTopic: topic,
          code: error.code,
          deadLetterCode: deadLetterCause.code,
        });
        this.#host.settleFailed(
          record,
          new DeadLetterFailedError(
            `${record.topic} refused the event (${error.code}) and so did the dead-letter topic ${topic} (${deadLetterCause.code})`,
            {
              cause: error,
              deadLetterCause,
              attempts,
            },
          ),
        );
      },
      span: undefined,
      startedAt: 0,
      seq: record.seq,
      publishedAt: record.publishedAt,
      retry: undefined,
    };
    retryState(copy).deadLetter = true;
    this.#host.dispatch(copy);
  }
}
