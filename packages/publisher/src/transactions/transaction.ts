// One open transaction: what `transaction(fn)` hands to `fn`. Records go to the producer as they
// are published; their reports are held until the transaction settles, all together.
import { PublisherClosedError } from '../errors.js';
import type { PublisherError } from '../errors.js';
import { classifyDeliveryFailure, RdCode } from '../internal/classify.js';
import type { OutgoingRecord } from '../internal/record-builder.js';
import type { DeliveryReport, PublishOptions } from '../types.js';
import type { TransactionalProducer } from './transactional-producer.js';

/** What a transaction function can do. */
export interface Transaction<T> {
  /**
   * Adds `event` to the transaction. Throws at once when the event is invalid (nothing is sent);
   * an uncaught throw aborts the whole transaction. Reports arrive with the transaction's result.
   */
  publish(event: T, options?: PublishOptions): void;
  /** Events published in this transaction so far. */
  readonly size: number;
}

const QUEUE_RETRY_MS = 2;

/** The transaction behind a {@link Transaction}: records, their reports, the first failure. */
export class RunningTransaction<T> implements Transaction<T> {
  readonly #producer: TransactionalProducer;
  readonly #build: (event: T, options?: PublishOptions) => OutgoingRecord;
  readonly #records: OutgoingRecord[] = [];
  readonly #reports: Array<DeliveryReport | undefined> = [];
  /** Indices that met a full local queue, waiting to be produced in order. */
  readonly #backlog: number[] = [];
  #pump: NodeJS.Timeout | undefined;
  #settled = 0;
  #whenSettled: (() => void) | undefined;
  #whenSent: (() => void) | undefined;
  #over = false;
  /** The first failure of any record: the transaction must abort. */
  failure: PublisherError | undefined;

  constructor(producer: TransactionalProducer, build: (event: T, options?: PublishOptions) => OutgoingRecord) {
    this.#producer = producer;
    this.#build = build;
  }

  get size(): number {
    return this.#records.length;
  }

  publish(event: T, options?: PublishOptions): void {
    if (this.#over)
      throw new PublisherClosedError(
        'this transaction is over: publish inside the transaction function, before it returns',
      );
    const record = this.#build(event, options);
    const index = this.#records.push(record) - 1;
    this.#reports.push(undefined);
    if (this.#backlog.length > 0 || !this.#produce(index)) this.#queue(index);
  }

  /** Ends publishing; resolves once every record was handed to the producer. */
  sent(): Promise<void> {
    this.#over = true;
    if (this.#backlog.length === 0) return Promise.resolve();
    return new Promise((resolve) => (this.#whenSent = resolve));
  }

  /** Resolves with the reports in publish order once every record has its delivery report. */
  delivered(timeoutMs: number): Promise<DeliveryReport[] | undefined> {
    const collect = () => this.#reports.map((r) => r as DeliveryReport);
    if (this.#settled === this.#records.length) return Promise.resolve(collect());
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(undefined), timeoutMs);
      timer.unref();
      this.#whenSettled = () => {
        clearTimeout(timer);
        resolve(collect());
      };
    });
  }

  /** Stops sending what is left (abort). */
  stop(): void {
    this.#over = true;
    if (this.#pump !== undefined) clearTimeout(this.#pump);
    this.#pump = undefined;
    this.#backlog.length = 0;
    this.#whenSent?.();
  }

  /** Hands one record to the producer; false when its queue is full (try again shortly). */
  #produce(index: number): boolean {
    const record = this.#records[index] as OutgoingRecord;
    const code = this.#producer.produce(record, (failure, partition, offset, timestamp) => {
      if (failure !== null) this.failure ??= classifyDeliveryFailure(failure, record.topic);
      else this.#reports[index] = { topic: record.topic, partition, offset, timestamp, key: record.key };
      this.#settle();
    });
    if (code === 0) return true;
    if (code === RdCode.QUEUE_FULL) return false;
    this.failure ??= classifyDeliveryFailure(
      { code, name: this.#producer.codeName(code), message: 'rejected by the producer' },
      record.topic,
    );
    this.#settle();
    return true;
  }

  #settle(): void {
    this.#settled += 1;
    if (this.#settled === this.#records.length && this.#backlog.length === 0) this.#whenSettled?.();
  }

  #queue(index: number): void {
    this.#backlog.push(index);
    this.#pump ??= setTimeout(() => this.#drain(), QUEUE_RETRY_MS);
  }

  #drain(): void {
    this.#pump = undefined;
    while (this.#backlog.length > 0 && this.#produce(this.#backlog[0] as number)) this.#backlog.shift();
    if (this.#backlog.length > 0) this.#pump = setTimeout(() => this.#drain(), QUEUE_RETRY_MS);
    else this.#whenSent?.();
  }
}
