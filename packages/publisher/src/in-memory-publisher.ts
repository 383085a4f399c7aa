import { PublisherClosedError } from './errors.js';
import type { PublisherError } from './errors.js';
import type { CloseReport, DeliveryReport, EventEncoder, EventPublisher, MessageKey, PublishOptions, PublishOutcome } from './types.js';

/** One event the {@link InMemoryPublisher} accepted. */
export interface PublishedRecord<T> {
  readonly event: T;
  readonly topic: string;
  readonly key: MessageKey;
  readonly options: PublishOptions | undefined;
  readonly report: DeliveryReport;
}

/** Options of {@link InMemoryPublisher}. */
export interface InMemoryPublisherOptions<T> {
  /** The topic reports name. @defaultValue 'in-memory' */
  readonly topic?: string;
  /** Used to key reports, like the real publisher's `key`. */
  readonly key?: (event: T) => MessageKey;
  /** When given, every event is encoded first, so invalid events fail as they would for real. */
  readonly codec?: EventEncoder<T>;
}

/**
 * A publisher for unit tests of code that publishes: same interface, no Kafka. It records what was
 * published, can be told to fail, and lets a test wait for an event.
 */
export class InMemoryPublisher<T> implements EventPublisher<T> {
  /** Everything published and acked, in order. */
  readonly published: Array<PublishedRecord<T>> = [];
  readonly #options: InMemoryPublisherOptions<T>;
  readonly #watchers = new Set<(record: PublishedRecord<T>) => void>();
  #failWith: ((event: T) => PublisherError | undefined) | undefined;
  #closed = false;
  #offset = 0;

  constructor(options: InMemoryPublisherOptions<T> = {}) {
    this.#options = options;
  }

  get pending(): number {
    return 0;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Makes the next publishes fail with the error `decide(event)` returns (undefined: succeed). */
  failWhen(decide: ((event: T) => PublisherError | undefined) | undefined): void {
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
    return this.#closed ? Promise.reject(new PublisherClosedError()) : Promise.resolve();
  }

  publish(event: T, options?: PublishOptions): Promise<DeliveryReport> {
    if (this.#closed) return Promise.reject(new PublisherClosedError());
    try {
      this.#options.codec?.encode(event);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    const failure = this.#failWith?.(event);
    if (failure !== undefined) return Promise.reject(failure);
    const topic = options?.topic ?? this.#options.topic ?? 'in-memory';
    const key = options?.key ?? this.#options.key?.(event) ?? null;
    const report: DeliveryReport = { topic, partition: 0, offset: this.#offset++, timestamp: Date.now(), key };
    const record = { event, topic, key, options, report };
    this.published.push(record);
    for (const watcher of [...this.#watchers]) watcher(record);
    return Promise.resolve(report);
  }

  async publishBatch(events: Iterable<T>): Promise<Array<PublishOutcome<T>>> {
    const outcomes: Array<PublishOutcome<T>> = [];
    for (const event of events) {
      try {
        outcomes.push({ status: 'acked', event, report: await this.publish(event) });
      } catch (error) {
        outcomes.push({ status: 'failed', event, error: error as PublisherError });
      }
    }
    return outcomes;
  }

  flush(): Promise<void> {
    return Promise.resolve();
  }

  close(): Promise<CloseReport> {
    this.#closed = true;
    return Promise.resolve({ undelivered: 0 });
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}
