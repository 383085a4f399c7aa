import type { PublisherError } from './errors.js';

/** A Kafka header value: a string is sent as its UTF-8 bytes. */
export type HeaderValue = string | Buffer;

/** Record headers by name. Names are non-empty strings; values strings or Buffers. */
export type Headers = Readonly<Record<string, HeaderValue>>;

/** A message key: Kafka hashes it to pick the partition, so one key keeps its order. */
export type MessageKey = string | Buffer | null;

/**
 * Turns an event into the bytes of a Kafka record. `@herald/schemas` codecs fit this shape; any
 * object with a validating `encode` does.
 */
export interface EventEncoder<T> {
  /** Validates and serialises `event`; throws (and nothing is sent) when it is invalid. */
  encode(event: T): Buffer;
  /**
   * Like `encode`, into a buffer the encoder reuses: valid until its next `encodeTransient` call.
   * When present the publisher uses it for records sent at once (librdkafka copies the bytes
   * during `produce()`), and copies the bytes of records that must wait.
   */
  readonly encodeTransient?: ((event: T) => Buffer) | undefined;
  /** Headers to attach to each event's record, e.g. CloudEvents metadata. */
  readonly headers?: ((event: T) => Headers) | undefined;
}

/** What the broker acknowledged for one published event. */
export interface DeliveryReport {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  /** Record timestamp in ms since the epoch, when the broker or client reported one. */
  readonly timestamp: number | undefined;
  readonly key: MessageKey;
}

/** Per-call overrides for {@link EventPublisher.publish}. */
export interface PublishOptions {
  /** Extra headers for this record; they win over static and codec headers of the same name. */
  readonly headers?: Headers;
  /** This record's key instead of the publisher's `key(event)`. */
  readonly key?: MessageKey;
  /** This record's topic instead of the publisher's `topic` / `route(event)`. */
  readonly topic?: string;
}

/** The outcome of one event of {@link EventPublisher.publishBatch}, in input order. */
export type PublishOutcome<T> =
  | { readonly status: 'acked'; readonly event: T; readonly report: DeliveryReport }
  | { readonly status: 'failed'; readonly event: T; readonly error: PublisherError }
  /** Refused by its topic and written to the dead-letter topic (`deadLetter`): not delivered. */
  | {
      readonly status: 'dead-lettered';
      readonly event: T;
      readonly error: PublisherError;
      readonly deadLetter: DeliveryReport;
    };

/** What {@link EventPublisher.close} left behind. */
export interface CloseReport {
  /** Publishes that settled as failed or unknown because the close deadline passed. */
  readonly undelivered: number;
}

/** Publishes events of type `T` to Kafka; every publish settles exactly once. */
export interface EventPublisher<T> extends AsyncDisposable {
  /** Connects (once; concurrent callers share the attempt), bounded by `connectTimeoutMs`. */
  connect(): Promise<void>;
  /**
   * Validates, encodes and sends `event`; resolves when the broker acked it. Rejects with a
   * {@link PublisherError}: `outcome: 'not-written'` errors are safe to retry, `'unknown'` may duplicate.
   */
  publish(event: T, options?: PublishOptions): Promise<DeliveryReport>;
  /** Publishes every event (in order per key) and reports each outcome; never rejects. */
  publishBatch(events: Iterable<T>): Promise<Array<PublishOutcome<T>>>;
  /** Resolves when nothing is pending; throws `FlushTimeoutError { remaining }` at the deadline. */
  flush(timeoutMs?: number): Promise<void>;
  /** Stops accepting, flushes to the deadline, settles everything pending, disconnects. Runs once. */
  close(options?: { readonly timeoutMs?: number }): Promise<CloseReport>;
  /** Publishes accepted and not yet settled (waiting for capacity or for the broker). */
  readonly pending: number;
  /** True once `close()` was called. */
  readonly closed: boolean;
}
