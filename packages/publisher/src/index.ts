// Publisher
export { createPublisher } from './publisher.js';
export { createTransactionalPublisher } from './transactions/transactional-publisher.js';
export { createRecordEncoder } from './record-encoder.js';
export { installGracefulShutdown } from './shutdown.js';
export { presets } from './presets.js';
export { createDefaultLogger } from './logger.js';
export { extractTraceContext } from './telemetry/extract-context.js';
export { parseRdkafkaStats } from './telemetry/rdkafka-stats.js';

// Errors: the shared model of every Herald package (@herald/errors), then the publisher's own
export { fromUnknown, HeraldError, InvalidOptionsError, UnexpectedError } from '@herald/errors';
export type { HeraldErrorInit } from '@herald/errors';
export {
  AuthenticationError,
  BrokerUnreachableError,
  DeliveryFailedError,
  DeliveryTimeoutError,
  FatalProducerError,
  EncodeError,
  FlushTimeoutError,
  InvalidHeaderError,
  InvalidKeyError,
  InvalidTopicError,
  MessageTooLargeError,
  PublisherClosedError,
  PublisherError,
  QueueFullTimeoutError,
  TlsHandshakeError,
  TopicAuthorizationError,
  TransportUnavailableError,
  UnknownTopicError,
} from './errors.js';
export {
  CircuitOpenError,
  DeadLetteredError,
  DeadLetterFailedError,
  RetryQueueFullError,
} from './resilience/resilience-errors.js';
export { DLQ_HEADERS } from './resilience/dead-letter.js';
export { TransactionAbortedError, TransactionOutcomeUnknownError } from './transactions/transaction-errors.js';

// Types
export type { DeliveryOutcome, PublisherErrorCode } from './errors.js';
export type { KafkaSettings, SaslSettings, SslSettings } from './kafka-settings.js';
export type { Logger, LogMethod } from './logger.js';
export type { PublisherOptions, RecordOptions } from './options.js';
export type { EncodedRecord } from './record-encoder.js';
export type { RetryOptions } from './resilience/retry-policy.js';
export type { Transaction } from './transactions/transaction.js';
export type { TransactionalPublisher, TransactionResult } from './transactions/transactional-publisher.js';
export type { TransactionalPublisherOptions } from './transactions/transaction-options.js';
export type { DeadLetterOptions } from './resilience/dead-letter.js';
export type { CircuitBreakerOptions, CircuitState } from './resilience/circuit-breaker.js';
export type { ConsumedHeaders } from './telemetry/extract-context.js';
export type { RdkafkaStatsSnapshot } from './telemetry/rdkafka-stats.js';
export type { PresetName } from './presets.js';
export type { GracefulShutdownOptions } from './shutdown.js';
export type {
  KafkaFailure,
  TransactionFailure,
  Transport,
  TransportContext,
  TransportEvents,
  TransportFactory,
  TransportTransactions,
} from './transport/transport.js';
export type { WireHeaders } from './internal/headers.js';
export type {
  CloseReport,
  DeliveryReport,
  EventEncoder,
  EventPublisher,
  HeaderValue,
  Headers,
  MessageKey,
  PublishOptions,
  PublishOutcome,
} from './types.js';
