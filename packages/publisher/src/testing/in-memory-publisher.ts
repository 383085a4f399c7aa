import { createPublisher } from '../publisher.js';
import type { PublisherOptions } from '../options.js';
import type {
  CloseReport,
  DeliveryReport,
  EventEncoder,
  EventPublisher,
  HeaderValue,
  MessageKey,
  PublishOptions,
  PublishOutcome,
} from '../types.js';
import { createInMemoryTransport } from './in-memory-transport.js';
import type { KafkaFailureName, TransportRecord } from './in-memory-transport.js';

/** One event the {@link InMemoryPublisher} delivered. */
export interface PublishedRecord<T> {
  readonly event: T;
  readonly topic: string;
  readonly key: MessageKey;
  /** The headers as sent, by name (codec, static, per-call and trace-context headers). */
  readonly headers: Readonly<Record<string, HeaderValue>>;
  /** The encoded value, as sent. */
  readonly value: Buffer;
  /** The per-call options `publish(event, options)` was given. */
  readonly options: PublishOptions | undefined;
  readonly report: DeliveryReport;
}

/** What {@link InMemoryPublisher.failWhen} decides on: the event and the record built from it. */
export interface SentRecord<T> {
  readonly event: T;
  readonly topic: string;
  readonly key: MessageKey;
  readonly headers: Readonly<Record<string, HeaderValue>>;
  readonly options: PublishOptions | undefined;
}

/**
 * Options of {@link InMemoryPublisher}: those of `createPublisher` without the broker and transport
 * settings, with a topic and a codec by default.
 */
export interface InMemoryPublisherOptions<T> extends Omit<
  PublisherOptions<T>,
  'brokers' | 'transport' | 'topic' | 'codec' | 'kafka' | 'rdkafka' | 'preset'
> {
  /** The one topic every event goes to (unless `route` is given). @defaultValue 'in-memory' */
  readonly topic?: string;
  /** Validates and encodes events, as for the real publisher. @defaultValue JSON.stringify, no validation */
  readonly codec?: EventEncoder<T>;
}

interface Origin<T> {
  readonly event: T;
  readonly options: PublishOptions | undefined;
}

const jsonEncoder: EventEncoder<unknown> = { encode: (event) => Buffer.from(JSON.stringify(event)) };

function headersByName(record: TransportRecord): Record<string, HeaderValue> {
  return Object.assign({}, ...(record.headers ?? [])) as Record<string, HeaderValue>;
}

/**
 * A publisher for unit tests of code that publishes: the real publisher pipeline (the same
 * validation, errors, `outcome`s, backpressure and telemetry) on an in-memory transport instead of
 * Kafka. It records what was delivered, can make deliveries fail as the broker would, and lets a
 * test wait for an event. Import it from `@herald/publisher/testing`; it never loads the native client.
 */
export class InMemoryPublisher<T> implements EventPublisher<T> {
  /** Everything published and acked, in the order the acks came. */
  readonly published: Array<PublishedRecord<T>> = [];
  readonly #inner: EventPublisher<T>;
  readonly #watchers = new Set<(record: PublishedRecord<T>) => void>();
  // The event and call options behind each encoded value: the transport sees only bytes.
  readonly #origins = new WeakMap<Buffer, Origin<T>>();
  #callOptions: PublishOptions | undefined;
  #failWith: ((record: SentRecord<T>) => KafkaFailureName | undefined) | undefined;

  constructor(options: InMemoryPublisherOptions<T> = {}) {
    const codec = options.codec ?? jsonEncoder;
    const origins = this.#origins;
    // Only `encode`, never `encodeTransient`: each value is a fresh Buffer, so it identifies its event.
    const tracking: EventEncoder<T> = {
      encode: (event) => {
        const value = codec.encode(event);
        if (Buffer.isBuffer(value)) origins.set(value, { event, options: this.#callOptions });
        return value;
      },
      headers: codec.headers,
    };
    const { topic, route, ...rest } = options;
    this.#inner = createPublisher<T>({
      ...rest,
      ...(route === undefined ? { topic: topic ?? 'in-memory' } : { route }),
      codec: tracking,
      brokers: 'in-memory:9092',
      transport: createInMemoryTransport({
        answer: (record, original) => {
          const origin = origins.get(original);
          if (origin === undefined || this.#failWith === undefined) return undefined;
          return this.#failWith({
            event: origin.event,
            topic: record.topic,
            key: record.key,
            headers: headersByName(record),
            options: origin.options,
          });
        },
        onAck: (record, original, offset) => {
          const origin = origins.get(original);
          if (origin !== undefined) this.#record(origin, record, offset);
        },
      }),
    });
  }

  get pending(): number {
    return this.#inner.pending;
  }

  get closed(): boolean {
    return this.#inner.closed;
  }

  /**
   * Makes the deliveries of the next publishes fail with the broker answer `decide(record)` names
   * (undefined: ack). The publisher turns it into the same error Kafka's answer would give, e.g.
   * `'UNKNOWN_TOPIC'` rejects with `UnknownTopicError`, `outcome: 'not-written'`. Pass undefined to stop.
   */
  failWhen(decide: ((record: SentRecord<T>) => KafkaFailureName | undefined) | undefined): void {
    this.#failWith = decide;
  }

  /** Resolves with the first published record (already or in future) that `predicate` accepts. */
  waitFor(predicate: (record: PublishedRecord<T>) => boolean, timeoutMs = 5_000): Promise<PublishedRecord<T>> {
    const found = this.published.find(predicate);
    if (found !== undefined) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const watcher = (record: PublishedRecord<T>) => {
        if (!predicate(record)) return;
        this.#watchers.delete(watcher);
        clearTimeout(timer);
        resolve(record);
      };
      const timer = setTimeout(() => {
        this.#watchers.delete(watcher);
        reject(new Error(`waitFor: no matching event published within ${timeoutMs} ms`));
      }, timeoutMs);
      timer.unref();
      this.#watchers.add(watcher);
    });
  }

  connect(): Promise<void> {
    return this.#inner.connect();
  }

  publish(event: T, options?: PublishOptions): Promise<DeliveryReport> {
    // The codec runs synchronously inside publish(): that is when the call options are attached.
    this.#callOptions = options;
    try {
      return this.#inner.publish(event, options);
    } finally {
      this.#callOptions = undefined;
    }
  }

  publishBatch(events: Iterable<T>): Promise<Array<PublishOutcome<T>>> {
    return this.#inner.publishBatch(events);
  }

  flush(timeoutMs?: number): Promise<void> {
    return this.#inner.flush(timeoutMs);
  }

  close(options?: { readonly timeoutMs?: number }): Promise<CloseReport> {
    return this.#inner.close(options);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  #record(origin: Origin<T>, sent: TransportRecord, offset: number): void {
    const report: DeliveryReport = { topic: sent.topic, partition: 0, offset, timestamp: Date.now(), key: sent.key };
    const record: PublishedRecord<T> = {
      event: origin.event,
      topic: sent.topic,
      key: sent.key,
      headers: headersByName(sent),
      value: sent.value,
      options: origin.options,
      report,
    };
    this.published.push(record);
    for (const watcher of [...this.#watchers]) watcher(record);
  }
}
