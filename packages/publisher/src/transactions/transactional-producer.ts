// One producer of the pool: a transport with its own `transactional.id`, initialised once, that
// runs one transaction at a time and is replaced when it fails fatally.
import { InvalidOptionsError } from '@herald/errors';
import type { KafkaFailure } from '../internal/classify.js';
import type { OutgoingRecord } from '../internal/record-builder.js';
import { childLogger } from '../logger.js';
import type { Logger } from '../logger.js';
import type { ResolvedOptions } from '../options.js';
import { loadDefaultTransport } from '../transport/default-transport.js';
import type { Transport, TransportTransactions } from '../transport/transport.js';

/** Called with one record's delivery report. */
export type OnDelivery = (
  failure: KafkaFailure | null,
  partition: number,
  offset: number,
  timestamp: number | undefined,
) => void;

/** A transactional producer: produce with a per-record callback, plus begin/commit/abort. */
export class TransactionalProducer {
  readonly id: string;
  /** Set after a fatal error (fenced, …) or an unknown commit: the pool replaces this producer. */
  broken = false;
  readonly #transport: Transport;
  readonly #txn: TransportTransactions;
  readonly #deliveries = new Map<number, OnDelivery>();
  readonly #log: Logger;
  #nextId = 1;

  private constructor(id: string, transport: Transport, log: Logger) {
    this.id = id;
    this.#transport = transport;
    this.#log = log;
    if (transport.transactions === undefined)
      throw new InvalidOptionsError(
        'transport',
        'the transport has no transaction support (it needs `transactional.id` support)',
      );
    this.#txn = transport.transactions;
  }

  /** Creates, connects and initialises (fencing older producers with the same id) a producer. */
  static async open<T>(
    id: string,
    options: ResolvedOptions<T>,
    transactionTimeoutMs: number,
    initTimeoutMs: number,
  ): Promise<TransactionalProducer> {
    const log = childLogger(options.logger, {
      component: 'transactions',
      clientId: options.clientId,
      transactionalId: id,
    });
    // The transport's events need the producer, which needs the transport: fill this in after.
    const self: { producer?: TransactionalProducer } = {};
    const factory = options.transport ?? (await loadDefaultTransport({ transactional: true }));
    const transport = factory({
      config: {
        ...options.rdkafka,
        'transactional.id': id,
        'transaction.timeout.ms': transactionTimeoutMs,
        'enable.idempotence': true,
        // librdkafka refuses a message timeout longer than the transaction's.
        'message.timeout.ms': Math.min(Number(options.rdkafka['message.timeout.ms'] ?? 300_000), transactionTimeoutMs),
      },
      logger: childLogger(options.logger, { component: 'librdkafka', clientId: options.clientId, transactionalId: id }),
      events: {
        delivery: (deliveryId, failure, partition, offset, timestamp) => {
          if (self.producer !== undefined) self.producer.#delivered(deliveryId, failure, partition, offset, timestamp);
        },
        fatal: (failure) => {
          if (self.producer === undefined) return;
          self.producer.broken = true;
          log.error('fatal producer error: the producer will be replaced', {
            code: failure.code,
            name: failure.name,
            reason: failure.message,
          });
        },
      },
    });
    const producer = new TransactionalProducer(id, transport, log);
    self.producer = producer;
    try {
      await transport.connect(options.connectTimeoutMs);
      await producer.#txn.init(initTimeoutMs);
    } catch (error) {
      await transport.disconnect();
      throw error;
    }
    log.info('transactional producer ready');
    return producer;
  }

  /** Queues one record of the open transaction; returns 0 or a librdkafka code (-184 queue full). */
  produce(record: OutgoingRecord, onDelivery: OnDelivery): number {
    const id = this.#nextId++;
    this.#deliveries.set(id, onDelivery);
    const code = this.#transport.produce(record.topic, record.value, record.key, record.headers, id);
    if (code !== 0) this.#deliveries.delete(id);
    return code;
  }

  codeName(code: number): string {
    return this.#transport.codeName(code);
  }

  begin(): Promise<void> {
    return this.#txn.begin();
  }

  commit(timeoutMs: number): Promise<void> {
    return this.#txn.commit(timeoutMs);
  }

  abort(timeoutMs: number): Promise<void> {
    return this.#txn.abort(timeoutMs);
  }

  async close(): Promise<void> {
    this.#deliveries.clear();
    await this.#transport.disconnect();
    this.#log.info('transactional producer closed', { broken: this.broken });
  }

  #delivered(
    id: number,
    failure: KafkaFailure | null,
    partition: number,
    offset: number,
    timestamp: number | undefined,
  ): void {
    const onDelivery = this.#deliveries.get(id);
    if (onDelivery === undefined) return;
    this.#deliveries.delete(id);
    onDelivery(failure, partition, offset, timestamp);
  }
}
