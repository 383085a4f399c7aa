import { hasHeraldCode, HeraldError } from '@herald/errors';

/** Every error code `@herald/publisher` raises; `docs/errors.md` says what each means and what to do. */
export type PublisherErrorCode =
  | 'ENCODE_FAILED'
  | 'INVALID_HEADER'
  | 'INVALID_KEY'
  | 'INVALID_TOPIC'
  | 'UNKNOWN_TOPIC'
  | 'TOPIC_AUTHORIZATION'
  | 'AUTHENTICATION'
  | 'TLS_HANDSHAKE'
  | 'MESSAGE_TOO_LARGE'
  | 'BROKER_UNREACHABLE'
  | 'DELIVERY_TIMEOUT'
  | 'QUEUE_FULL_TIMEOUT'
  | 'FATAL_PRODUCER'
  | 'PUBLISHER_CLOSED'
  | 'FLUSH_TIMEOUT'
  | 'DELIVERY_FAILED'
  | 'RETRY_QUEUE_FULL'
  | 'CIRCUIT_OPEN'
  | 'DEAD_LETTERED'
  | 'DEAD_LETTER_FAILED'
  | 'TRANSACTION_ABORTED'
  | 'TRANSACTION_OUTCOME_UNKNOWN'
  | 'TRANSPORT_UNAVAILABLE';

const codes: ReadonlySet<string> = new Set<PublisherErrorCode>([
  'ENCODE_FAILED',
  'INVALID_HEADER',
  'INVALID_KEY',
  'INVALID_TOPIC',
  'UNKNOWN_TOPIC',
  'TOPIC_AUTHORIZATION',
  'AUTHENTICATION',
  'TLS_HANDSHAKE',
  'MESSAGE_TOO_LARGE',
  'BROKER_UNREACHABLE',
  'DELIVERY_TIMEOUT',
  'QUEUE_FULL_TIMEOUT',
  'FATAL_PRODUCER',
  'PUBLISHER_CLOSED',
  'FLUSH_TIMEOUT',
  'DELIVERY_FAILED',
  'RETRY_QUEUE_FULL',
  'CIRCUIT_OPEN',
  'DEAD_LETTERED',
  'DEAD_LETTER_FAILED',
  'TRANSACTION_ABORTED',
  'TRANSACTION_OUTCOME_UNKNOWN',
  'TRANSPORT_UNAVAILABLE',
]);

/** How sure Herald is about whether the broker stored a message that did not ack. */
export type DeliveryOutcome =
  /** Definitely not written: safe to retry without risking a duplicate. */
  | 'not-written'
  /** Possibly written (it timed out or was purged in flight): a retry may duplicate it. */
  | 'unknown';

interface PublisherErrorInit {
  readonly retriable: boolean;
  readonly cause?: unknown;
  /** The librdkafka error code behind this error, when there is one. */
  readonly kafkaCode?: number;
  /** librdkafka's symbolic name for `kafkaCode`, e.g. `ERR_TOPIC_AUTHORIZATION_FAILED`. */
  readonly kafkaName?: string;
  readonly outcome?: DeliveryOutcome;
}

/**
 * The base of every error the publisher rejects a publish, `connect`, `flush` or `close` with: a
 * {@link HeraldError} with a {@link PublisherErrorCode}, the librdkafka code behind it and, for
 * publishes, whether the message may have been written anyway (`outcome`). Bad options throw
 * `InvalidOptionsError` of `@herald/errors`, like in every Herald package.
 */
export class PublisherError extends HeraldError<PublisherErrorCode> {
  /** The librdkafka error code behind this error, when there is one. */
  readonly kafkaCode: number | undefined;
  /** librdkafka's symbolic name for {@link kafkaCode}. */
  readonly kafkaName: string | undefined;
  /** For delivery failures: whether the message may have been written anyway. */
  readonly outcome: DeliveryOutcome | undefined;

  constructor(code: PublisherErrorCode, message: string, init: PublisherErrorInit) {
    super(code, message, init);
    this.kafkaCode = init.kafkaCode;
    this.kafkaName = init.kafkaName;
    this.outcome = init.outcome;
  }

  /** True for any `@herald/publisher` error, even one from another copy of this package. */
  static override is(value: unknown): value is PublisherError {
    return hasHeraldCode(value, codes);
  }
}

type KafkaDetail = Pick<PublisherErrorInit, 'cause' | 'kafkaCode' | 'kafkaName'>;

/**
 * The codec refused the event (or returned no Buffer): nothing was sent. `cause` is the codec's
 * own error, e.g. `@herald/schemas`' `SchemaValidationError` listing every violation.
 */
export class EncodeError extends PublisherError {
  constructor(message: string, cause?: unknown) {
    super('ENCODE_FAILED', message, { retriable: false, cause, outcome: 'not-written' });
  }
}

/** A header name or value is not something Kafka can carry: nothing was sent. */
export class InvalidHeaderError extends PublisherError {
  constructor(message: string, cause?: unknown) {
    super('INVALID_HEADER', message, { retriable: false, cause, outcome: 'not-written' });
  }
}

/** The message key is not a string, Buffer or null: nothing was sent. */
export class InvalidKeyError extends PublisherError {
  constructor(message: string, cause?: unknown) {
    super('INVALID_KEY', message, { retriable: false, cause, outcome: 'not-written' });
  }
}

/** The topic name is not a legal Kafka topic name: nothing was sent. */
export class InvalidTopicError extends PublisherError {
  constructor(message: string, detail: KafkaDetail = {}) {
    super('INVALID_TOPIC', message, { retriable: false, outcome: 'not-written', ...detail });
  }
}

/** The topic does not exist and the cluster does not create it: nothing was written. */
export class UnknownTopicError extends PublisherError {
  constructor(message: string, detail: KafkaDetail = {}) {
    super('UNKNOWN_TOPIC', message, { retriable: false, outcome: 'not-written', ...detail });
  }
}

/** The principal may not write to the topic (or the cluster): nothing was written. */
export class TopicAuthorizationError extends PublisherError {
  constructor(message: string, detail: KafkaDetail = {}) {
    super('TOPIC_AUTHORIZATION', message, { retriable: false, outcome: 'not-written', ...detail });
  }
}

/** SASL/SSL authentication failed: check credentials. */
export class AuthenticationError extends PublisherError {
  constructor(message: string, detail: KafkaDetail = {}) {
    super('AUTHENTICATION', message, { retriable: false, outcome: 'not-written', ...detail });
  }
}

/**
 * The TLS handshake with the broker failed: its certificate is not signed by a trusted CA, has
 * expired, or does not name the host connected to. A configuration problem: retrying will not help.
 */
export class TlsHandshakeError extends PublisherError {
  constructor(message: string, detail: KafkaDetail = {}) {
    super('TLS_HANDSHAKE', message, { retriable: false, outcome: 'not-written', ...detail });
  }
}

/** The encoded message is larger than the producer or broker accepts: nothing was written. */
export class MessageTooLargeError extends PublisherError {
  constructor(message: string, detail: KafkaDetail = {}) {
    super('MESSAGE_TOO_LARGE', message, { retriable: false, outcome: 'not-written', ...detail });
  }
}

/** No broker answered within `connectTimeoutMs`. */
export class BrokerUnreachableError extends PublisherError {
  constructor(message: string, detail: KafkaDetail = {}) {
    super('BROKER_UNREACHABLE', message, { retriable: true, ...detail });
  }
}

/**
 * The message was not acknowledged within `message.timeout.ms`. It may or may not have been
 * written (`outcome: 'unknown'`): a retry can duplicate it. When the transport knows it was never
 * sent (librdkafka's persistence status), the outcome is `not-written`.
 */
export class DeliveryTimeoutError extends PublisherError {
  constructor(message: string, detail: KafkaDetail & { readonly outcome?: DeliveryOutcome } = {}) {
    super('DELIVERY_TIMEOUT', message, { retriable: true, outcome: 'unknown', ...detail });
  }
}

/** A delivery failed for a reason without a more specific class; see `kafkaCode` and `outcome`. */
export class DeliveryFailedError extends PublisherError {
  constructor(message: string, init: KafkaDetail & { retriable: boolean; outcome: DeliveryOutcome }) {
    super('DELIVERY_FAILED', message, init);
  }
}

/** The publisher stayed at its in-flight limits for `maxBlockMs`: this event was not sent. */
export class QueueFullTimeoutError extends PublisherError {
  constructor(message: string) {
    super('QUEUE_FULL_TIMEOUT', message, { retriable: true, outcome: 'not-written' });
  }
}

/**
 * The idempotent producer hit a fatal error (e.g. a sequence gap). Pending publishes fail with it;
 * the publisher replaces its producer and keeps serving.
 */
export class FatalProducerError extends PublisherError {
  constructor(message: string, init: KafkaDetail & { outcome: DeliveryOutcome }) {
    super('FATAL_PRODUCER', message, { retriable: true, ...init });
  }
}

/** The publisher is closing or closed and accepts no more events. */
export class PublisherClosedError extends PublisherError {
  constructor(message = 'the publisher is closed') {
    super('PUBLISHER_CLOSED', message, { retriable: false, outcome: 'not-written' });
  }
}

/** `flush()` ran out of time with deliveries still pending; they stay pending. */
export class FlushTimeoutError extends PublisherError {
  /** How many publishes were still unsettled at the deadline. */
  readonly remaining: number;

  constructor(remaining: number, timeoutMs: number) {
    super('FLUSH_TIMEOUT', `flush timed out after ${timeoutMs} ms with ${remaining} deliveries pending`, {
      retriable: true,
    });
    this.remaining = remaining;
  }
}

/**
 * No Kafka transport could be loaded (e.g. the native client was not built for this platform):
 * `connect()` and the publishes waiting for it fail with this. Not retriable: install or build the
 * client, or pass `transport`.
 */
export class TransportUnavailableError extends PublisherError {
  /** Why each default transport failed to load, e.g. `rdkafka: Cannot find module …`. */
  readonly failures: readonly string[];

  constructor(message: string, failures: readonly string[]) {
    super('TRANSPORT_UNAVAILABLE', message, { retriable: false, outcome: 'not-written' });
    this.failures = failures;
  }
}
