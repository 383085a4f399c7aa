// Turns a librdkafka error code into the Herald error a caller can act on. Classification is by
// numeric code only: the KafkaJS layer's `retriable`/`fatal` flags are always false upstream.
import {
  AuthenticationError,
  BrokerUnreachableError,
  DeliveryFailedError,
  DeliveryTimeoutError,
  FatalProducerError,
  InvalidTopicError,
  MessageTooLargeError,
  TopicAuthorizationError,
  UnknownTopicError,
} from '../errors.js';
import type { DeliveryOutcome, PublisherError } from '../errors.js';

/** librdkafka error codes Herald treats specially (from rdkafka.h). */
export const RdCode = {
  MSG_TIMED_OUT: -192,
  TRANSPORT: -195,
  UNKNOWN_PARTITION: -190,
  UNKNOWN_TOPIC: -188,
  ALL_BROKERS_DOWN: -187,
  INVALID_ARG: -186,
  QUEUE_FULL: -184,
  SSL: -181,
  AUTHENTICATION: -169,
  PURGE_QUEUE: -152,
  PURGE_INFLIGHT: -151,
  FATAL: -150,
  UNKNOWN_TOPIC_OR_PART: 3,
  MSG_SIZE_TOO_LARGE: 10,
  TOPIC_EXCEPTION: 17,
  RECORD_LIST_TOO_LARGE: 18,
  NOT_ENOUGH_REPLICAS: 19,
  NOT_ENOUGH_REPLICAS_AFTER_APPEND: 20,
  TOPIC_AUTHORIZATION_FAILED: 29,
  CLUSTER_AUTHORIZATION_FAILED: 31,
  POLICY_VIOLATION: 44,
  SASL_AUTHENTICATION_FAILED: 58,
  INVALID_RECORD: 87,
} as const;

/**
 * librdkafka's persistence status of a failed message (`rd_kafka_message_status()`): whether the
 * broker may have stored it. Transports that can read it report it; it decides the outcome.
 */
export type PersistenceStatus = 'not-persisted' | 'possibly-persisted' | 'persisted';

/** A librdkafka failure as the transport reports it. */
export interface KafkaFailure {
  readonly code: number;
  readonly name: string;
  readonly message: string;
  readonly cause?: unknown;
  /** Of a failed delivery, when the transport knows it (the native transport does, CKJS does not). */
  readonly status?: PersistenceStatus;
}

/** Codes after which the broker may have stored the message although it did not ack. */
const possiblyWritten: ReadonlySet<number> = new Set([
  RdCode.MSG_TIMED_OUT,
  RdCode.PURGE_INFLIGHT,
  RdCode.NOT_ENOUGH_REPLICAS_AFTER_APPEND,
  RdCode.TRANSPORT,
  RdCode.FATAL,
]);

/** Transient broker-side conditions where sending the same bytes again later can succeed. */
const transient: ReadonlySet<number> = new Set([
  RdCode.NOT_ENOUGH_REPLICAS,
  RdCode.NOT_ENOUGH_REPLICAS_AFTER_APPEND,
  RdCode.TRANSPORT,
  RdCode.ALL_BROKERS_DOWN,
  RdCode.PURGE_QUEUE,
  RdCode.PURGE_INFLIGHT,
]);

/**
 * Whether a failed message may be in the log: librdkafka's persistence status when the transport
 * reports it, else what the error code implies.
 */
function outcomeOf(failure: KafkaFailure): DeliveryOutcome {
  if (failure.status !== undefined) return failure.status === 'not-persisted' ? 'not-written' : 'unknown';
  return possiblyWritten.has(failure.code) ? 'unknown' : 'not-written';
}

/**
 * The Herald error for a delivery (or a synchronous produce) that failed with `failure` on `topic`.
 */
export function classifyDeliveryFailure(failure: KafkaFailure, topic: string): PublisherError {
  const detail = { kafkaCode: failure.code, kafkaName: failure.name, cause: failure.cause ?? failure.message };
  const why = `${failure.name}: ${failure.message}`;
  switch (failure.code) {
    case RdCode.MSG_TIMED_OUT:
      return failure.status === 'not-persisted'
        ? new DeliveryTimeoutError(
            `no ack from ${topic} within message.timeout.ms; it was never sent, so it was not written (${why})`,
            { ...detail, outcome: 'not-written' },
          )
        : new DeliveryTimeoutError(
            `no ack from ${topic} within message.timeout.ms; the message may have been written (${why})`,
            detail,
          );
    case RdCode.UNKNOWN_TOPIC:
    case RdCode.UNKNOWN_TOPIC_OR_PART:
      return new UnknownTopicError(`topic "${topic}" does not exist (${why})`, detail);
    case RdCode.TOPIC_EXCEPTION:
      return new InvalidTopicError(`"${topic}" is not a valid topic name (${why})`, detail);
    case RdCode.TOPIC_AUTHORIZATION_FAILED:
      return new TopicAuthorizationError(`not authorized to write to topic "${topic}" (${why})`, detail);
    case RdCode.CLUSTER_AUTHORIZATION_FAILED:
      return new TopicAuthorizationError(
        `not authorized on the cluster (IdempotentWrite) to write to "${topic}" (${why})`,
        detail,
      );
    case RdCode.SASL_AUTHENTICATION_FAILED:
    case RdCode.AUTHENTICATION:
      return new AuthenticationError(`authentication failed (${why})`, detail);
    case RdCode.MSG_SIZE_TOO_LARGE:
    case RdCode.RECORD_LIST_TOO_LARGE:
      return new MessageTooLargeError(`message too large for topic "${topic}" (${why})`, detail);
    case RdCode.ALL_BROKERS_DOWN:
      return new BrokerUnreachableError(`no broker reachable (${why})`, detail);
    case RdCode.FATAL:
      return new FatalProducerError(`fatal producer error (${why})`, { ...detail, outcome: outcomeOf(failure) });
    default:
      return new DeliveryFailedError(`delivery to "${topic}" failed (${why})`, {
        ...detail,
        retriable: transient.has(failure.code),
        outcome: outcomeOf(failure),
      });
  }
}
