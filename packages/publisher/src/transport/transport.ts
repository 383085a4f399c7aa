import type { KafkaFailure } from '../internal/classify.js';
import type { WireHeaders } from '../internal/headers.js';
import type { Logger } from '../logger.js';

export type { KafkaFailure } from '../internal/classify.js';

/** What a transport tells the publisher; called on the main thread. */
export interface TransportEvents {
  /** The broker acked (`failure` null) or the record failed; `id` is the one `produce` was given. */
  delivery(
    id: number,
    failure: KafkaFailure | null,
    partition: number,
    offset: number,
    timestamp: number | undefined,
  ): void;
  /** The producer cannot go on (e.g. an idempotence sequence error) and must be replaced. */
  fatal(failure: KafkaFailure): void;
  /** librdkafka statistics JSON, every `statistics.interval.ms`. */
  stats?(json: string): void;
}

/** What the publisher needs from a Kafka producer: the seam unit tests fill with a fake. */
export interface Transport {
  /** Which producer this is, for the resolved-config log: `native`, `ckjs`, or a custom name. */
  readonly name?: string;
  /** Connects and fetches metadata within `timeoutMs`; rejects with a Herald error. */
  connect(timeoutMs: number): Promise<void>;
  /**
   * Queues one record; returns 0 or a librdkafka error code (e.g. -184 queue full, 10 too large).
   * Must copy `value` before returning, so the caller may reuse the buffer.
   */
  produce(
    topic: string,
    value: Buffer,
    key: string | Buffer | null,
    headers: WireHeaders | undefined,
    id: number,
  ): number;
  /** Sends what lingers now and waits up to `timeoutMs` for outstanding deliveries. */
  flush(timeoutMs: number): Promise<void>;
  /** Tears the producer down without waiting for outstanding records (the publisher settles them). */
  disconnect(): Promise<void>;
  /**
   * Fails every record the producer holds now, queued or in flight, so librdkafka never sends them
   * again; their delivery reports follow (with a `status`, so never-sent ones are `not-written`).
   * Optional: without it the publisher replaces the producer instead.
   */
  purge?(): void;
  /** librdkafka's name for an error code, e.g. `ERR__QUEUE_FULL`. */
  codeName(code: number): string;
  /** Transaction control, present when the config has a `transactional.id`. */
  readonly transactions?: TransportTransactions | undefined;
}

/**
 * librdkafka's transactional producer API. Each call rejects with a {@link TransactionFailure}
 * whose flags say what may follow (abort, retry, or replace the producer).
 */
export interface TransportTransactions {
  /** Registers the `transactional.id` with the coordinator, fencing older producers with it. */
  init(timeoutMs: number): Promise<void>;
  begin(): Promise<void>;
  /** Flushes and commits; a timeout leaves the outcome unknown. */
  commit(timeoutMs: number): Promise<void>;
  abort(timeoutMs: number): Promise<void>;
}

/** A failed transaction call, with librdkafka's `rd_kafka_error_is_*` flags. */
export interface TransactionFailure extends KafkaFailure {
  /** The producer cannot go on (e.g. fenced): replace it. */
  readonly fatal: boolean;
  /** The same call may succeed if made again. */
  readonly retriable: boolean;
  /** The transaction must be aborted. */
  readonly abortable: boolean;
}

/** Everything a transport is built from. */
export interface TransportContext {
  /** Complete librdkafka configuration. */
  readonly config: Readonly<Record<string, string | number | boolean>>;
  readonly events: TransportEvents;
  readonly logger: Logger;
}

/** Creates a transport; `createPublisher` calls it again to replace a producer after a fatal error. */
export type TransportFactory = (context: TransportContext) => Transport;
