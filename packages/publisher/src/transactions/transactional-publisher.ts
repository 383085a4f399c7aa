// `createTransactionalPublisher`: `transaction(fn)` runs `fn` in a Kafka transaction on a pooled
// producer, commits when it resolves, aborts when it throws, and settles every event together.
import { metrics } from '@opentelemetry/api';
import type { Counter } from '@opentelemetry/api';
import { PublisherClosedError } from '../errors.js';
import type { PublisherError } from '../errors.js';
import { createRecordBuilder } from '../internal/record-builder.js';
import { childLogger } from '../logger.js';
import type { Logger } from '../logger.js';
import { resolveOptions } from '../options.js';
import type { ResolvedOptions } from '../options.js';
import type { TransactionFailure } from '../transport/transport.js';
import type { DeliveryReport } from '../types.js';
import { TransactionAbortedError, TransactionOutcomeUnknownError } from './transaction-errors.js';
import { resolveTransactionOptions } from './transaction-options.js';
import type { ResolvedTransactionOptions, TransactionalPublisherOptions } from './transaction-options.js';
import { RunningTransaction } from './transaction.js';
import type { Transaction } from './transaction.js';
import { TransactionalProducer } from './transactional-producer.js';

/** What a committed transaction returns: `fn`'s value and every event's report, in publish order. */
export interface TransactionResult<R> {
  readonly value: R;
  readonly reports: readonly DeliveryReport[];
}

/** Publishes events in Kafka transactions: all of a transaction's events become visible, or none. */
export interface TransactionalPublisher<T> extends AsyncDisposable {
  /**
   * Runs `fn` in a transaction. Commits when it resolves and resolves with its value and the
   * reports; aborts when it throws and rejects with `TransactionAbortedError` (nothing visible
   * to `read_committed` consumers); rejects with `TransactionOutcomeUnknownError` when the commit
   * did not answer in time.
   */
  transaction<R>(fn: (tx: Transaction<T>) => R | Promise<R>): Promise<TransactionResult<R>>;
  /** Opens (and initialises) one producer of the pool. */
  connect(): Promise<void>;
  /** Waits for running transactions (to the deadline), then closes every producer. Runs once. */
  close(options?: { readonly timeoutMs?: number }): Promise<void>;
  readonly closed: boolean;
}

/**
 * Creates a transactional publisher. See `docs/resilience.md`: consumers must read with
 * `isolation.level=read_committed` to see only committed events.
 *
 * @throws {InvalidOptionsError} when the options are invalid.
 */
export function createTransactionalPublisher<T>(options: TransactionalPublisherOptions<T>): TransactionalPublisher<T> {
  const transactional = resolveTransactionOptions(options);
  const {
    transactionalId: _id,
    transactionalIdPrefix: _prefix,
    poolSize: _size,
    transactionTimeoutMs: _tt,
    commitTimeoutMs: _ct,
    ...base
  } = options;
  return new KafkaTransactionalPublisher<T>(resolveOptions(base), transactional);
}

class KafkaTransactionalPublisher<T> implements TransactionalPublisher<T> {
  readonly #options: ResolvedOptions<T>;
  readonly #tx: ResolvedTransactionOptions;
  readonly #log: Logger;
  readonly #build;
  readonly #free: TransactionalProducer[] = [];
  /** Ids with no producer right now (not opened yet, or replaced). */
  readonly #unopened: string[];
  readonly #waiters: Array<() => void> = [];
  readonly #running = new Set<Promise<unknown>>();
  readonly #outcomes: Counter | undefined;
  readonly #all = new Set<TransactionalProducer>();
  #closing: Promise<void> | undefined;

  constructor(options: ResolvedOptions<T>, tx: ResolvedTransactionOptions) {
    this.#options = options;
    this.#tx = tx;
    this.#unopened = [...tx.ids];
    this.#log = childLogger(options.logger, { component: 'transactions', clientId: options.clientId });
    this.#build = createRecordBuilder(options, true);
    const meter = (options.telemetry.meterProvider ?? metrics.getMeterProvider()).getMeter('@herald/publisher');
    // Always created: the API has no public way to tell the no-op meter, which records for free.
    this.#outcomes = meter.createCounter('herald.publisher.transactions', {
      unit: '{transaction}',
      description: 'Transactions by outcome: committed, aborted, unknown.',
    });
  }

  get closed(): boolean {
    return this.#closing !== undefined;
  }

  async connect(): Promise<void> {
    if (this.closed) throw new PublisherClosedError();
    this.#release(await this.#acquire());
  }

  transaction<R>(fn: (tx: Transaction<T>) => R | Promise<R>): Promise<TransactionResult<R>> {
    if (this.closed) return Promise.reject(new PublisherClosedError());
    const run = this.#run(fn);
    this.#running.add(run);
    void run.catch(() => undefined).finally(() => this.#running.delete(run));
    return run;
  }

  close(options?: { readonly timeoutMs?: number }): Promise<void> {
    return (this.#closing ??= this.#close(options?.timeoutMs ?? this.#options.closeTimeoutMs));
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  async #run<R>(fn: (tx: Transaction<T>) => R | Promise<R>): Promise<TransactionResult<R>> {
    const producer = await this.#acquire();
    try {
      return await this.#runOn(producer, fn);
    } finally {
      this.#release(producer);
    }
  }

  async #runOn<R>(
    producer: TransactionalProducer,
    fn: (tx: Transaction<T>) => R | Promise<R>,
  ): Promise<TransactionResult<R>> {
    const { commitTimeoutMs } = this.#tx;
    try {
      await producer.begin();
    } catch (error) {
      this.#broke(producer, error);
      throw this.#aborted(error, 0, 'the transaction could not begin');
    }
    const tx = new RunningTransaction<T>(producer, this.#build);
    let value: R;
    try {
      value = await fn(tx);
      await tx.sent();
    } catch (error) {
      tx.stop();
      await this.#abort(producer);
      throw this.#aborted(error, tx.size, 'the transaction function threw');
    }
    if (tx.failure !== undefined) {
      await this.#abort(producer);
      throw this.#aborted(tx.failure, tx.size, `an event of the transaction failed (${tx.failure.code})`);
    }
    try {
      await producer.commit(commitTimeoutMs);
    } catch (error) {
      const failure = error as TransactionFailure;
      if (failure.abortable && !failure.fatal) {
        await this.#abort(producer);
        throw this.#aborted(tx.failure ?? error, tx.size, `the commit required an abort (${failure.name})`);
      }
      // Timed out or fatal mid-commit: it may have committed. A fresh producer with the same
      // transactional.id resolves it either way (init fences this one), so replace this one.
      producer.broken = true;
      this.#count('unknown');
      this.#log.error('transaction outcome unknown', {
        transactionalId: producer.id,
        events: tx.size,
        code: failure.code,
        name: failure.name,
        reason: failure.message,
      });
      throw new TransactionOutcomeUnknownError(
        `the commit of ${tx.size} events did not complete (${failure.name}: ${failure.message}): they may or may not be visible`,
        {
          cause: error,
          events: tx.size,
        },
      );
    }
    this.#count('committed');
    // The commit flushed every record, so their reports are in or on their way.
    const reports = (await tx.delivered(commitTimeoutMs)) ?? [];
    return { value, reports };
  }

  async #abort(producer: TransactionalProducer): Promise<void> {
    try {
      await producer.abort(this.#tx.commitTimeoutMs);
    } catch (error) {
      // An abort that fails leaves the transaction to the coordinator's timeout, or to the
      // replacement producer's init, which aborts it: it never commits.
      this.#broke(producer, error, true);
    }
  }

  #aborted(cause: unknown, events: number, why: string): TransactionAbortedError {
    this.#count('aborted');
    this.#log.warn('transaction aborted', { why, events, code: (cause as PublisherError | undefined)?.code });
    const retriable =
      typeof cause === 'object' && cause !== null && (cause as { retriable?: unknown }).retriable === true;
    return new TransactionAbortedError(
      `${why}: the transaction of ${events} events was aborted, none is visible to read_committed consumers`,
      { cause, events, retriable },
    );
  }

  #broke(producer: TransactionalProducer, error: unknown, always = false): void {
    const failure = error as Partial<TransactionFailure>;
    if (always || failure.fatal === true) producer.broken = true;
  }

  #count(outcome: 'committed' | 'aborted' | 'unknown'): void {
    this.#outcomes?.add(1, {
      'messaging.system': 'kafka',
      'messaging.client.id': this.#options.clientId,
      'herald.transaction.outcome': outcome,
    });
  }

  async #acquire(): Promise<TransactionalProducer> {
    for (;;) {
      if (this.closed) throw new PublisherClosedError();
      const free = this.#free.pop();
      if (free !== undefined) return free;
      const id = this.#unopened.shift();
      if (id !== undefined) {
        try {
          const producer = await TransactionalProducer.open(
            id,
            this.#options,
            this.#tx.transactionTimeoutMs,
            this.#tx.commitTimeoutMs,
          );
          this.#all.add(producer);
          return producer;
        } catch (error) {
          this.#unopened.unshift(id);
          this.#wakeOne();
          throw error;
        }
      }
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
    }
  }

  #release(producer: TransactionalProducer): void {
    if (producer.broken) {
      this.#all.delete(producer);
      this.#log.warn('replacing a transactional producer', { transactionalId: producer.id });
      void producer.close();
      this.#unopened.push(producer.id);
    } else {
      this.#free.push(producer);
    }
    this.#wakeOne();
  }

  #wakeOne(): void {
    this.#waiters.shift()?.();
  }

  async #close(timeoutMs: number): Promise<void> {
    const deadline = new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref());
    await Promise.race([Promise.allSettled([...this.#running]), deadline]);
    for (const waiter of this.#waiters.splice(0)) waiter();
    await Promise.all([...this.#all].map((p) => p.close()));
    this.#all.clear();
    this.#free.length = 0;
  }
}
