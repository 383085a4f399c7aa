import { context, trace } from '@opentelemetry/api';
import { messageOf } from '@herald/errors';
import {
  BrokerUnreachableError,
  DeliveryTimeoutError,
  FatalProducerError,
  FlushTimeoutError,
  PublisherClosedError,
  PublisherError,
  QueueFullTimeoutError,
} from './errors.js';
import { classifyDeliveryFailure, RdCode } from './internal/classify.js';
import type { KafkaFailure } from './internal/classify.js';
import { Fifo } from './internal/fifo.js';
import { PendingTable } from './internal/pending-table.js';
import { createRecordBuilder } from './internal/record-builder.js';
import type { OutgoingRecord } from './internal/record-builder.js';
import { redactConfig } from './kafka-settings.js';
import { childLogger } from './logger.js';
import type { Logger } from './logger.js';
import { resolveOptions } from './options.js';
import type { PublisherOptions, ResolvedOptions } from './options.js';
import type { DeadLetteredError } from './resilience/resilience-errors.js';
import { createResilience } from './resilience/resilience.js';
import type { Resilience } from './resilience/resilience.js';
import { PublisherTelemetry } from './telemetry/publisher-telemetry.js';
import type { Traced } from './telemetry/publisher-telemetry.js';
import { loadDefaultTransport } from './transport/default-transport.js';
import type { Transport, TransportFactory } from './transport/transport.js';
import type { CloseReport, DeliveryReport, EventPublisher, PublishOptions, PublishOutcome } from './types.js';

/** One accepted publish, from `publish()` until it settles: the record it sends and its promise. */
type Ticket = OutgoingRecord & Traced;

/** A publish accepted but not yet handed to the transport: waiting for a connection or capacity. */
interface Waiting {
  readonly ticket: Ticket;
  readonly deadline: number;
}

type State = 'idle' | 'connecting' | 'open' | 'closing' | 'closed';

/**
 * Creates a publisher for events of type `T`. It connects on first use (or `connect()`); see
 * `docs/publisher.md` for every option and `docs/errors.md` for what can go wrong.
 *
 * @throws {InvalidOptionsError} when the options are invalid.
 */
export function createPublisher<T>(options: PublisherOptions<T>): EventPublisher<T> {
  return new KafkaEventPublisher(resolveOptions(options));
}

class KafkaEventPublisher<T> implements EventPublisher<T> {
  readonly #options: ResolvedOptions<T>;
  readonly #log: Logger;
  readonly #build: (event: T, call?: PublishOptions) => OutgoingRecord;
  readonly #pending: PendingTable<Ticket>;
  readonly #telemetry: PublisherTelemetry;
  readonly #waiting = new Fifo<Waiting>();
  readonly #idle: Array<() => void> = [];
  #state: State = 'idle';
  #transport: Transport | undefined;
  #ready = false;
  /** librdkafka said "queue full": hold sends until a delivery (or the sweeper) makes room. */
  #full = false;
  #connecting: Promise<void> | undefined;
  #closing: Promise<CloseReport> | undefined;
  #sweeper: NodeJS.Timeout | undefined;
  #loggedConfig = false;
  /** Retry, dead-letter topic and circuit breaker; undefined when none is configured. */
  readonly #resilience: Resilience | undefined;
  #seq = 0;
  /** Idempotent and not transactional: librdkafka bumps its epoch after a timeout (see #release). */
  readonly #idempotent: boolean;
  /**
   * Pending ids below this were held by the producer when it last released what it held: their
   * failures belong to that release and do not start another.
   */
  #releasedBelow = 0;
  /** What made the producer release what it held last: records purged by it fail for the same reason. */
  #releaseCause: KafkaFailure | undefined;
  /**
   * Records released by a purge that have not come back yet. Nothing is sent meanwhile: a new
   * record of a key could otherwise go out before that key's released records are queued again.
   */
  #releasing = 0;

  constructor(options: ResolvedOptions<T>) {
    this.#options = options;
    this.#log = childLogger(options.logger, { component: 'publisher', clientId: options.clientId });
    this.#resilience = createResilience(options.resilience, {
      dispatch: (record) => this.#dispatch(record),
      settleFailed: (record, error) => this.#settleFailed(record, error),
      drain: () => this.#drain(),
      logger: childLogger(options.logger, { component: 'resilience', clientId: options.clientId }),
      clientId: options.clientId,
      meterProvider: options.telemetry.meterProvider,
    });
    this.#idempotent =
      String(options.rdkafka['enable.idempotence']) === 'true' && options.rdkafka['transactional.id'] === undefined;
    this.#build = createRecordBuilder(options, this.#resilience?.keepsBytes === true);
    this.#pending = new PendingTable(options.maxInFlight);
    const pending = this.#pending;
    this.#telemetry = new PublisherTelemetry(
      options.telemetry,
      options.clientId,
      String(options.rdkafka['bootstrap.servers']),
      {
        get pending() {
          return pending.count;
        },
        get inFlightBytes() {
          return pending.bytes;
        },
      },
    );
  }

  get pending(): number {
    return this.#pending.count + this.#waiting.length + (this.#resilience?.queued ?? 0);
  }

  get closed(): boolean {
    return this.#state === 'closing' || this.#state === 'closed';
  }

  connect(): Promise<void> {
    if (this.closed) return Promise.reject(new PublisherClosedError());
    if (this.#state === 'open') return Promise.resolve();
    return (this.#connecting ??= this.#connect());
  }

  publish(event: T, options?: PublishOptions): Promise<DeliveryReport> {
    return this.#publish(event, options, 'send');
  }

  #publish(event: T, options: PublishOptions | undefined, operation: 'send' | 'create'): Promise<DeliveryReport> {
    if (this.closed) return Promise.reject(new PublisherClosedError());
    let record: OutgoingRecord;
    try {
      record = this.#build(event, options);
    } catch (error) {
      // The builder throws only Herald errors: it wraps whatever user callbacks throw.
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    const telemetry = this.#telemetry;
    const traced = telemetry.tracing ? telemetry.start(record.topic, record.key, record.headers, operation) : undefined;
    if (traced !== undefined) {
      record.span = traced.span;
      record.headers = traced.headers;
    }
    record.startedAt = performance.now();
    const resilience = this.#resilience;
    return new Promise<DeliveryReport>((resolve, reject) => {
      record.resolve = resolve;
      record.reject = reject;
      if (resilience === undefined) {
        this.#dispatch(record);
        return;
      }
      record.seq = ++this.#seq;
      record.publishedAt = Date.now();
      const admitted = resilience.admit(record);
      if (admitted === 'send') this.#dispatch(record);
      else if (admitted === 'wait')
        this.#wait({ ticket: record, deadline: record.publishedAt + this.#options.maxBlockMs });
      else if (admitted !== 'held') this.#settleFailed(record, admitted);
    });
  }

  /** Sends `ticket` now when there is room, else queues it (bounded by `maxBlockMs`). */
  #dispatch(ticket: Ticket): void {
    if (
      this.#ready &&
      !this.#full &&
      this.#releasing === 0 &&
      this.#waiting.length === 0 &&
      this.#fits(ticket.bytes) &&
      this.#send(ticket)
    )
      return;
    if (ticket.transient) {
      ticket.value = Buffer.from(ticket.value);
      ticket.transient = false;
    }
    this.#wait({ ticket, deadline: Date.now() + this.#options.maxBlockMs });
  }

  async publishBatch(events: Iterable<T>): Promise<Array<PublishOutcome<T>>> {
    const list = Array.from(events);
    const telemetry = this.#telemetry;
    // One `send` span for the batch, parent of a `create` span per message (messaging conventions).
    const batchSpan =
      telemetry.tracing && list.length > 0 ? telemetry.startBatch(this.#options.fixedTopic, list.length) : undefined;
    const publishAll = () =>
      list.map((event) => this.#publish(event, undefined, batchSpan === undefined ? 'send' : 'create'));
    const promises =
      batchSpan === undefined ? publishAll() : context.with(trace.setSpan(context.active(), batchSpan), publishAll);
    const results = await Promise.allSettled(promises);
    batchSpan?.end();
    return results.map((result, i): PublishOutcome<T> => {
      const event = list[i] as T;
      if (result.status === 'fulfilled') return { status: 'acked', event, report: result.value };
      const error = result.reason as PublisherError;
      return error.code === 'DEAD_LETTERED'
        ? { status: 'dead-lettered', event, error, deadLetter: (error as DeadLetteredError).deadLetter }
        : { status: 'failed', event, error };
    });
  }

  async flush(timeoutMs = this.#options.closeTimeoutMs): Promise<void> {
    if (this.pending === 0) return;
    // librdkafka's flush sends lingering batches now instead of after linger.ms.
    if (this.#ready) void this.#transport?.flush(timeoutMs);
    const idle = await this.#whenIdle(timeoutMs);
    if (!idle) throw new FlushTimeoutError(this.pending, timeoutMs);
  }

  close(options?: { readonly timeoutMs?: number }): Promise<CloseReport> {
    return (this.#closing ??= this.#close(options?.timeoutMs ?? this.#options.closeTimeoutMs));
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  // --- sending ----------------------------------------------------------------------------------

  #fits(bytes: number): boolean {
    const p = this.#pending;
    // A record bigger than the whole byte budget may still go alone, or it could never be sent.
    return p.count < this.#options.maxInFlight && (p.bytes + bytes <= this.#options.maxInFlightBytes || p.count === 0);
  }

  /** Hands `record` to the transport; false when librdkafka's queue is full (the caller re-queues). */
  #send(ticket: Ticket): boolean {
    const transport = this.#transport as Transport;
    const id = this.#pending.add(ticket);
    const code = transport.produce(ticket.topic, ticket.value, ticket.key, ticket.headers, id);
    if (code === 0) {
      // The transport copied them; only a re-send (the resilience layer) reads them again. Held by
      // every record in flight, they would otherwise outlive young-generation GCs for nothing.
      if (this.#resilience === undefined) ticket.headers = undefined;
      return true;
    }
    this.#pending.take(id);
    if (code === RdCode.QUEUE_FULL) {
      this.#full = true;
      return false;
    }
    this.#fail(
      ticket,
      classifyDeliveryFailure(
        { code, name: transport.codeName(code), message: 'rejected by the producer' },
        ticket.topic,
      ),
    );
    return true;
  }

  #wait(waiting: Waiting): void {
    this.#waiting.push(waiting);
    if (this.#state === 'idle') void this.connect().catch(() => undefined);
    this.#sweeper ??= setInterval(() => this.#expireWaiting(), Math.min(100, this.#options.maxBlockMs)).unref();
    if (this.#ready) this.#drain();
  }

  /** Sends waiting publishes, oldest first, while there is capacity. */
  #drain(): void {
    const resilience = this.#resilience;
    while (this.#ready && !this.#full && this.#releasing === 0) {
      const next = this.#waiting.peek();
      if (next === undefined || !this.#fits(next.ticket.bytes)) break;
      if (resilience !== undefined) {
        // The circuit breaker may hold the queue (whenOpen 'wait') or fail what is in it ('fail').
        const admitted = resilience.admitQueued(next.ticket);
        if (admitted === 'block') break;
        if (admitted === 'held') {
          this.#waiting.shift();
          continue;
        }
        if (admitted !== 'send') {
          this.#waiting.shift();
          this.#settleFailed(next.ticket, admitted);
          continue;
        }
      }
      this.#waiting.shift();
      if (!this.#send(next.ticket)) {
        this.#waiting.unshift(next);
        break;
      }
    }
    if (this.#waiting.length === 0) this.#stopSweeper();
  }

  #expireWaiting(): void {
    // Retry after a "queue full" even if no delivery came to say there is room.
    this.#full = false;
    this.#drain();
    const now = Date.now();
    for (let next = this.#waiting.peek(); next !== undefined && next.deadline <= now; next = this.#waiting.peek()) {
      this.#waiting.shift();
      this.#fail(
        next.ticket,
        new QueueFullTimeoutError(
          `no capacity for ${this.#options.maxBlockMs} ms (maxBlockMs): the event was not sent`,
        ),
      );
    }
    if (this.#waiting.length === 0) this.#stopSweeper();
    this.#checkIdle();
  }

  #stopSweeper(): void {
    if (this.#sweeper !== undefined) clearInterval(this.#sweeper);
    this.#sweeper = undefined;
  }

  #onDelivery(
    from: Transport,
    id: number,
    failure: KafkaFailure | null,
    partition: number,
    offset: number,
    timestamp: number | undefined,
  ): void {
    const ticket = this.#pending.take(id);
    if (ticket !== undefined) {
      const released = id < this.#releasedBelow;
      if (released && this.#releasing > 0) this.#releasing -= 1;
      if (failure === null) this.#ack(ticket, partition, offset, timestamp);
      else {
        const why = released ? this.#releasedFailure(failure) : failure;
        const retried = this.#fail(ticket, classifyDeliveryFailure(why, ticket.topic));
        if (!released && (retried || (this.#idempotent && failure.code === RdCode.MSG_TIMED_OUT)))
          this.#release(from, failure, retried);
      }
    }
    if (from === this.#transport) {
      this.#full = false;
      if (this.#waiting.length > 0) this.#drain();
    }
    this.#checkIdle();
  }

  #ack(ticket: Ticket, partition: number, offset: number, timestamp: number | undefined): void {
    this.#resilience?.acked(ticket);
    this.#telemetry.acked(ticket, ticket.topic, partition, offset);
    ticket.resolve({ topic: ticket.topic, partition, offset, timestamp: timestamp ?? undefined, key: ticket.key });
  }

  /**
   * A publish failed: the resilience layer may take it over (retry, dead-letter), else it settles.
   * True when it is to be sent again.
   */
  #fail(ticket: Ticket, error: PublisherError): boolean {
    const taken = this.#resilience?.failed(ticket, error) ?? false;
    if (taken === false) this.#settleFailed(ticket, error);
    return taken === 'retry';
  }

  #settleFailed(ticket: Ticket, error: PublisherError): void {
    this.#telemetry.failed(ticket, ticket.topic, error);
    ticket.reject(error);
  }

  // --- connection and recovery ------------------------------------------------------------------

  async #connect(): Promise<void> {
    if (!this.closed) this.#state = 'connecting';
    let transport: Transport | undefined;
    try {
      transport = this.#createTransport(this.#options.transport ?? (await loadDefaultTransport()));
      this.#telemetry.refresh();
      this.#log.info('connecting', { brokers: this.#options.rdkafka['bootstrap.servers'] });
      await transport.connect(this.#options.connectTimeoutMs);
    } catch (error) {
      if (transport !== undefined) void transport.disconnect();
      if (this.#transport === transport) this.#transport = undefined;
      this.#connecting = undefined;
      if (!this.closed) this.#state = 'idle';
      // Transports reject with publisher errors; anything else is still a failed connect.
      const herald = PublisherError.is(error)
        ? error
        : new BrokerUnreachableError(`connect failed: ${messageOf(error)}`, { cause: error });
      this.#log.error('connect failed', { code: herald.code, retriable: herald.retriable, reason: herald.message });
      for (const waiting of this.#waiting.clear()) this.#fail(waiting.ticket, herald);
      this.#stopSweeper();
      this.#checkIdle();
      throw herald;
    }
    this.#connecting = undefined;
    if (this.#transport !== transport) return;
    this.#ready = true;
    if (!this.closed) this.#state = 'open';
    if (!this.#loggedConfig) {
      this.#loggedConfig = true;
      this.#log.info('connected', {
        transport: transport.name ?? 'custom',
        config: redactConfig(this.#options.rdkafka),
      });
    } else {
      this.#log.warn('reconnected with a new producer');
    }
    this.#drain();
  }

  #createTransport(factory: TransportFactory): Transport {
    const transport: Transport = factory({
      config: this.#options.rdkafka,
      logger: childLogger(this.#options.logger, { component: 'librdkafka', clientId: this.#options.clientId }),
      events: {
        delivery: (id, failure, partition, offset, timestamp) =>
          this.#onDelivery(transport, id, failure, partition, offset, timestamp),
        fatal: (failure) => this.#onFatal(transport, failure),
        stats: (json) => this.#telemetry.stats(json),
      },
    });
    this.#transport = transport;
    this.#ready = false;
    this.#full = false;
    return transport;
  }

  /**
   * A fatal idempotence error stops the producer for good: fail what it holds (those records may
   * or may not have been written) and carry on with a fresh producer, never sending silently.
   */
  #onFatal(from: Transport, failure: KafkaFailure): void {
    if (from !== this.#transport) return;
    this.#telemetry.fatal();
    this.#replace(
      from,
      'fatal producer error: replacing the producer',
      failure,
      () =>
        new FatalProducerError(
          `fatal producer error, the producer was replaced (${failure.name}: ${failure.message})`,
          { kafkaCode: failure.code, kafkaName: failure.name, cause: failure.cause, outcome: 'unknown' },
        ),
    );
  }

  /**
   * Makes the producer let go of every record it holds, after `failure` of one of them. Two
   * reasons, one remedy:
   * - A delivery timed out on an idempotent producer. librdkafka then bumps the producer epoch
   *   and sends what it still holds again under the new epoch, where the broker can no longer
   *   recognise a record it already stored: records sent before the timeout would be duplicated
   *   (confluentinc/librdkafka#4953). Released, they settle as `unknown` (sent, maybe stored) or
   *   `not-written` (never sent), and nothing is sent twice behind the caller's back.
   * - The resilience layer took the record to retry it. Later records of its key may already be
   *   in the producer; released, they fail too and queue behind it in its key's lane, so the
   *   retry cannot land after them.
   * With `Transport.purge` the same producer goes on; without it the producer is replaced, and
   * what it held settles as `unknown` (the transport cannot say which were never sent).
   */
  #release(from: Transport, failure: KafkaFailure, retried: boolean): void {
    if (from !== this.#transport) return;
    this.#releasedBelow = this.#pending.nextId;
    this.#releaseCause = failure;
    const reason = retried ? 'a record is to be retried' : 'a delivery timed out on an idempotent producer';
    if (from.purge !== undefined) {
      this.#log.warn(`${reason}: purging what the producer holds`, {
        code: failure.code,
        name: failure.name,
        held: this.#pending.count,
      });
      this.#releasing = this.#pending.count;
      from.purge();
      return;
    }
    this.#replace(
      from,
      `${reason}: replacing the producer (its transport cannot purge)`,
      failure,
      () =>
        new DeliveryTimeoutError(
          `the producer was replaced after ${reason} (${failure.name}: ${failure.message}); this record may have been written`,
          { kafkaCode: failure.code, kafkaName: failure.name, cause: failure.cause },
        ),
    );
  }

  /**
   * A record the producer held when it released them fails for the reason of the release (so a
   * breaker counts it as the timeout it stands for), with its own persistence status.
   */
  #releasedFailure(failure: KafkaFailure): KafkaFailure {
    const cause = this.#releaseCause;
    if (cause === undefined || (failure.code !== RdCode.PURGE_QUEUE && failure.code !== RdCode.PURGE_INFLIGHT))
      return failure;
    return {
      code: cause.code,
      name: cause.name,
      message: `released after ${cause.name} of an earlier record (${cause.message}); ${failure.name}: ${failure.message}`,
      cause: failure,
      status: failure.status ?? 'possibly-persisted',
    };
  }

  /** Fails what `from` holds with `error()`, disconnects it and connects a fresh producer. */
  #replace(from: Transport, message: string, failure: KafkaFailure, error: () => PublisherError): void {
    const failed = this.#pending.drain();
    this.#releasing = 0;
    this.#log.error(message, {
      code: failure.code,
      name: failure.name,
      reason: failure.message,
      failedPublishes: failed.length,
    });
    for (const ticket of failed) this.#fail(ticket, error());
    const gone = from.disconnect().catch(() => undefined);
    this.#transport = undefined;
    this.#ready = false;
    if (this.#state === 'closed') return;
    // The new producer connects only once the old one is destroyed: until then it could still send
    // what it held, after records of the new one (a key's order broken, seen on the CKJS transport).
    if (!this.closed) this.#state = 'connecting';
    this.#connecting = gone.then(() => this.#connect()).catch(() => undefined);
    this.#checkIdle();
  }

  // --- flush and close --------------------------------------------------------------------------

  #checkIdle(): void {
    if (this.#idle.length === 0 || this.pending !== 0) return;
    for (const resolve of this.#idle.splice(0)) resolve();
  }

  /** Resolves true once nothing is pending, or false after `timeoutMs`. */
  #whenIdle(timeoutMs: number): Promise<boolean> {
    if (this.pending === 0) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      const onIdle = () => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        const i = this.#idle.indexOf(onIdle);
        if (i >= 0) this.#idle.splice(i, 1);
        resolve(false);
      }, timeoutMs);
      timer.unref();
      this.#idle.push(onIdle);
    });
  }

  async #close(timeoutMs: number): Promise<CloseReport> {
    const deadline = Date.now() + timeoutMs;
    const wasConnecting = this.#connecting;
    this.#state = 'closing';
    this.#log.info('closing', { pending: this.pending, timeoutMs });
    if (wasConnecting !== undefined)
      await raceDeadline(
        wasConnecting.catch(() => undefined),
        deadline,
      );
    try {
      await this.flush(Math.max(1, deadline - Date.now()));
    } catch (error) {
      if (!(error instanceof FlushTimeoutError)) throw error;
    }
    let undelivered = 0;
    // No more retries or dead-letter writes: what is left settles with what happened to it so far.
    for (const ticket of this.#resilience?.stop() ?? []) {
      undelivered += 1;
      this.#settleFailed(
        ticket,
        ticket.retry?.lastError ??
          new PublisherClosedError(
            'the publisher closed while this event waited behind a retry of its key: it was not written',
          ),
      );
    }
    for (const waiting of this.#waiting.clear()) {
      undelivered += 1;
      this.#fail(
        waiting.ticket,
        new PublisherClosedError('the publisher closed before this event could be sent: it was not written'),
      );
    }
    this.#releasing = 0;
    for (const ticket of this.#pending.drain()) {
      undelivered += 1;
      this.#fail(
        ticket,
        new DeliveryTimeoutError(`the publisher closed before ${ticket.topic} acked: the event may have been written`),
      );
    }
    this.#stopSweeper();
    this.#checkIdle();
    this.#state = 'closed';
    this.#ready = false;
    const transport = this.#transport;
    this.#transport = undefined;
    if (transport !== undefined) await transport.disconnect();
    // On the logger, never a detached method: winston's child loggers need `this` for their metadata.
    this.#log[undelivered > 0 ? 'warn' : 'info']('closed', { undelivered });
    return { undelivered };
  }
}

function raceDeadline(promise: Promise<unknown>, deadline: number): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
