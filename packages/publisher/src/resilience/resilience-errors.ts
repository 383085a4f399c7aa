// The errors the resilience layer (retry, dead-letter topic, circuit breaker) settles publishes with.
import { PublisherError } from '../errors.js';
import type { DeliveryOutcome } from '../errors.js';
import type { DeliveryReport } from '../types.js';

/** The Kafka code and name of `error`, only where set (exact optional properties). */
function kafkaOf(error: PublisherError): { kafkaCode?: number; kafkaName?: string } {
  return {
    ...(error.kafkaCode === undefined ? {} : { kafkaCode: error.kafkaCode }),
    ...(error.kafkaName === undefined ? {} : { kafkaName: error.kafkaName }),
  };
}

/**
 * A key's retry lane held more records than `retry.maxQueued` allows: this event was not sent,
 * so publishing it later cannot reorder the key.
 */
export class RetryQueueFullError extends PublisherError {
  constructor(message: string) {
    super('RETRY_QUEUE_FULL', message, { retriable: true, outcome: 'not-written' });
  }
}

/** The circuit breaker is open (the cluster was unavailable): the event was not sent. */
export class CircuitOpenError extends PublisherError {
  /** When the breaker lets a probe through next, in ms since the epoch. */
  readonly retryAt: number;

  constructor(message: string, retryAt: number) {
    super('CIRCUIT_OPEN', message, { retriable: true, outcome: 'not-written' });
    this.retryAt = retryAt;
  }
}

/**
 * The event could not be written to its topic and was written to the dead-letter topic instead:
 * `deadLetter` is where, `cause` is why the original write failed. Never a delivery.
 */
export class DeadLetteredError extends PublisherError {
  /** Where the dead-letter copy was acked (topic, partition, offset). */
  readonly deadLetter: DeliveryReport;
  /** Delivery attempts on the original topic. */
  readonly attempts: number;

  constructor(message: string, init: { cause: PublisherError; deadLetter: DeliveryReport; attempts: number }) {
    super('DEAD_LETTERED', message, {
      retriable: false,
      cause: init.cause,
      ...kafkaOf(init.cause),
      outcome: init.cause.outcome ?? 'not-written',
    });
    this.deadLetter = init.deadLetter;
    this.attempts = init.attempts;
  }
}

/**
 * The original write failed (`cause`) and so did the write to the dead-letter topic
 * (`deadLetterCause`): the event is in neither, unless `outcome` is 'unknown'.
 */
export class DeadLetterFailedError extends PublisherError {
  /** Why the dead-letter write failed. */
  readonly deadLetterCause: PublisherError;
  /** Delivery attempts on the original topic. */
  readonly attempts: number;

  constructor(message: string, init: { cause: PublisherError; deadLetterCause: PublisherError; attempts: number }) {
    const outcome: DeliveryOutcome =
      init.cause.outcome === 'unknown' || init.deadLetterCause.outcome === 'unknown' ? 'unknown' : 'not-written';
    super('DEAD_LETTER_FAILED', message, {
      retriable: init.cause.retriable,
      cause: init.cause,
      ...kafkaOf(init.cause),
      outcome,
    });
    this.deadLetterCause = init.deadLetterCause;
    this.attempts = init.attempts;
  }
}
