import { context, metrics, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type {
  Attributes,
  Counter,
  Histogram,
  Meter,
  MeterProvider,
  Span,
  SpanContext,
  TextMapGetter,
  Tracer,
  TracerProvider,
} from '@opentelemetry/api';
import type { PublisherError } from '../errors.js';
import type { WireHeaders } from '../internal/headers.js';
import * as sc from '../semconv.js';
import { parseRdkafkaStats } from './rdkafka-stats.js';
import type { RdkafkaStatsSnapshot } from './rdkafka-stats.js';

/** Where Herald's spans and metrics go. */
export interface TelemetryOptions {
  /** @defaultValue the global tracer provider (`trace.getTracerProvider()`) */
  readonly tracerProvider?: TracerProvider;
  /** @defaultValue the global meter provider (`metrics.getMeterProvider()`) */
  readonly meterProvider?: MeterProvider;
}

/** What one publish carries for telemetry from `publish()` to its settlement. */
export interface Traced {
  span: Span | undefined;
  startedAt: number;
}

const INSTRUMENTATION = '@herald/publisher';

const wireGetter: TextMapGetter<WireHeaders> = {
  keys: (carrier) => carrier.flatMap((h) => Object.keys(h)),
  get: (carrier, key) => {
    // The last of a repeated header wins, as consumers read it (`@herald/headers`).
    for (let i = carrier.length - 1; i >= 0; i--) {
      const value = (carrier[i] as Record<string, string | Buffer>)[key];
      if (value !== undefined) return value.toString();
    }
    return undefined;
  },
};

const hasField = (header: Record<string, unknown>, fields: readonly string[]): boolean => {
  for (const name in header) if (fields.includes(name)) return true;
  return false;
};

/** The propagator's header names (`traceparent`, …) when `headers` has one of them, else undefined. */
function traceFieldsIn(headers: WireHeaders): readonly string[] | undefined {
  const fields = propagation.fields();
  return fields.length > 0 && headers.some((h) => hasField(h, fields)) ? fields : undefined;
}

/** The valid span context the headers carry, if any. */
function creationContext(headers: WireHeaders): SpanContext | undefined {
  const found = trace.getSpanContext(propagation.extract(ROOT_CONTEXT, headers, wireGetter));
  return found !== undefined && trace.isSpanContextValid(found) ? found : undefined;
}

/** What the telemetry reads from the publisher for its gauges. */
export interface TelemetrySource {
  readonly pending: number;
  readonly inFlightBytes: number;
}

/**
 * Spans, metrics and trace-context headers for one publisher, by the OTel messaging conventions.
 * Without a tracing SDK, tracing turns itself off at the first publish (see `tracing`); metrics go
 * to the meter provider, the API's no-op meter when no SDK is registered.
 */
export class PublisherTelemetry {
  /**
   * False once a span came back from the no-op tracer (no SDK registered): the hot path then skips
   * tracing. Set again on every connect, since a global provider can be registered late.
   */
  tracing = true;
  readonly #options: TelemetryOptions;
  readonly #base: Attributes;
  #tracer: Tracer;
  readonly #sent: Counter;
  readonly #duration: Histogram;
  readonly #fatal: Counter;
  readonly #recreated: Counter;
  readonly #topicAttributes = new Map<string, Attributes>();
  #stats: RdkafkaStatsSnapshot | undefined;

  constructor(options: TelemetryOptions, clientId: string, bootstrap: string, source: TelemetrySource) {
    this.#options = options;
    const [host, port] = (bootstrap.split(',')[0] ?? '').split(/:(?=\d+$)/);
    this.#base = {
      [sc.ATTR_MESSAGING_SYSTEM]: sc.MESSAGING_SYSTEM_KAFKA,
      [sc.ATTR_MESSAGING_OPERATION_NAME]: 'send',
      [sc.ATTR_MESSAGING_OPERATION_TYPE]: sc.MESSAGING_OPERATION_TYPE_SEND,
      [sc.ATTR_MESSAGING_CLIENT_ID]: clientId,
      ...(host ? { [sc.ATTR_SERVER_ADDRESS]: host } : {}),
      ...(port ? { [sc.ATTR_SERVER_PORT]: Number(port) } : {}),
    };
    this.#tracer = this.#getTracer();
    // Instruments are always created and recorded: the API cannot say (publicly) whether a meter is
    // the no-op one, and recording into the no-op meter costs a few no-op calls per message.
    const meter: Meter = (options.meterProvider ?? metrics.getMeterProvider()).getMeter(INSTRUMENTATION);
    this.#sent = meter.createCounter(sc.METRIC_MESSAGING_CLIENT_SENT_MESSAGES, {
      unit: '{message}',
      description: 'Messages the broker acknowledged (error.type set: messages that failed).',
    });
    this.#duration = meter.createHistogram(sc.METRIC_MESSAGING_CLIENT_OPERATION_DURATION, {
      unit: 's',
      description: 'Time from publish() to the delivery report.',
      advice: { explicitBucketBoundaries: [...sc.OPERATION_DURATION_BUCKETS] },
    });
    this.#fatal = meter.createCounter('herald.publisher.fatal_errors', {
      unit: '{error}',
      description: 'Fatal producer errors.',
    });
    this.#recreated = meter.createCounter('herald.publisher.producer_recreations', {
      unit: '{producer}',
      description: 'Producers replaced after a fatal error.',
    });
    this.#observeGauges(meter, source);
  }

  /** Looks up the tracer again and lets the next publish find out whether an SDK is there. */
  refresh(): void {
    this.#tracer = this.#getTracer();
    this.tracing = true;
  }

  /**
   * True when `span` comes from an SDK: the no-op tracer hands out the invalid span context, any
   * SDK (even one sampling nothing) a valid one. Otherwise it ends the span and turns tracing off
   * until the next {@link refresh}: the publish's own span is the probe, no extra span is started.
   */
  #fromSdk(span: Span): boolean {
    if (trace.isSpanContextValid(span.spanContext())) return true;
    span.end();
    this.tracing = false;
    return false;
  }

  /**
   * Starts the `send {topic}` (or `create {topic}` inside a batch) span for one publish, and
   * returns it with the record's headers carrying one trace context (`traceparent`, …).
   *
   * A record whose headers already carry a valid trace context (an outbox row's, captured where
   * the event was created) keeps it unchanged: it is the message's creation context, which the
   * messaging conventions say a producer should not replace; the span links to it. Otherwise the
   * span's own context is injected into a fresh list, replacing any unusable trace headers.
   */
  start(
    topic: string,
    key: string | Buffer | null,
    headers: WireHeaders | undefined,
    operation: 'send' | 'create',
  ): { span: Span; headers: WireHeaders } | undefined {
    const parent = context.active();
    const fields = headers === undefined ? undefined : traceFieldsIn(headers);
    const creation = fields === undefined ? undefined : creationContext(headers as WireHeaders);
    // The per-topic attributes object is shared: the SDK copies attributes into the span.
    const span = this.#tracer.startSpan(
      `${operation} ${topic}`,
      {
        kind: SpanKind.PRODUCER,
        attributes: this.#spanAttributesFor(topic, operation),
        ...(creation === undefined ? {} : { links: [{ context: creation }] }),
      },
      parent,
    );
    if (!this.#fromSdk(span)) return undefined;
    if (typeof key === 'string') span.setAttribute(sc.ATTR_MESSAGING_KAFKA_MESSAGE_KEY, key);
    if (creation !== undefined) return { span, headers: headers as WireHeaders };
    const out: WireHeaders =
      headers === undefined ? [] : fields === undefined ? headers.slice() : headers.filter((h) => !hasField(h, fields));
    const carrier: Record<string, string> = {};
    propagation.inject(trace.setSpan(parent, span), carrier);
    for (const name in carrier) out.push({ [name]: carrier[name] as string });
    return { span, headers: out };
  }

  /** Starts the batch span `publishBatch` parents its per-message `create` spans to; undefined without an SDK. */
  startBatch(topic: string | undefined, count: number): Span | undefined {
    const attributes: Attributes = { ...this.#base, [sc.ATTR_MESSAGING_BATCH_MESSAGE_COUNT]: count };
    if (topic !== undefined) attributes[sc.ATTR_MESSAGING_DESTINATION_NAME] = topic;
    const span = this.#tracer.startSpan(topic === undefined ? 'send' : `send ${topic}`, {
      kind: SpanKind.PRODUCER,
      attributes,
    });
    return this.#fromSdk(span) ? span : undefined;
  }

  /** Records an acked publish: span attributes and end, the sent counter and the duration. */
  acked(traced: Traced, topic: string, partition: number, offset: number): void {
    const span = traced.span;
    if (span !== undefined) {
      span.setAttribute(sc.ATTR_MESSAGING_DESTINATION_PARTITION_ID, String(partition));
      span.setAttribute(sc.ATTR_MESSAGING_KAFKA_OFFSET, offset);
      span.end();
    }
    const attributes = this.#attributesFor(topic);
    this.#sent.add(1, attributes);
    this.#duration.record((performance.now() - traced.startedAt) / 1000, attributes);
  }

  /** Records a failed publish: `error.type` = the Herald code, status ERROR. */
  failed(traced: Traced, topic: string, error: PublisherError): void {
    const span = traced.span;
    if (span !== undefined) {
      span.setAttribute(sc.ATTR_ERROR_TYPE, error.code);
      span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
      span.end();
    }
    const attributes = { ...this.#attributesFor(topic), [sc.ATTR_ERROR_TYPE]: error.code };
    this.#sent.add(1, attributes);
    this.#duration.record((performance.now() - traced.startedAt) / 1000, attributes);
  }

  /** Counts a fatal producer error and the producer that replaces it. */
  fatal(): void {
    this.#fatal.add(1, this.#base);
    this.#recreated.add(1, this.#base);
  }

  /** Takes one librdkafka statistics JSON for the statistics gauges. */
  stats(json: string): void {
    this.#stats = parseRdkafkaStats(json);
  }

  #getTracer(): Tracer {
    return (this.#options.tracerProvider ?? trace.getTracerProvider()).getTracer(INSTRUMENTATION);
  }

  readonly #spanAttributes = new Map<string, Attributes>();

  #spanAttributesFor(topic: string, operation: 'send' | 'create'): Attributes {
    const cacheKey = operation === 'send' ? topic : `\u0000${topic}`;
    let attributes = this.#spanAttributes.get(cacheKey);
    if (attributes === undefined) {
      attributes = { ...this.#attributesFor(topic) };
      if (operation === 'create') {
        attributes[sc.ATTR_MESSAGING_OPERATION_NAME] = 'create';
        attributes[sc.ATTR_MESSAGING_OPERATION_TYPE] = sc.MESSAGING_OPERATION_TYPE_CREATE;
      }
      if (this.#spanAttributes.size < 10_000) this.#spanAttributes.set(cacheKey, attributes);
    }
    return attributes;
  }

  #attributesFor(topic: string): Attributes {
    let attributes = this.#topicAttributes.get(topic);
    if (attributes === undefined) {
      attributes = { ...this.#base, [sc.ATTR_MESSAGING_DESTINATION_NAME]: topic };
      if (this.#topicAttributes.size < 10_000) this.#topicAttributes.set(topic, attributes);
    }
    return attributes;
  }

  #observeGauges(meter: Meter, source: TelemetrySource): void {
    const pending = meter.createObservableGauge('herald.publisher.pending', {
      unit: '{message}',
      description: 'Publishes accepted and not yet settled.',
    });
    const bytes = meter.createObservableGauge('herald.publisher.in_flight.bytes', {
      unit: 'By',
      description: 'Bytes handed to librdkafka and not yet settled.',
    });
    const queue = meter.createObservableGauge('herald.librdkafka.queue.messages', {
      unit: '{message}',
      description: 'librdkafka msg_cnt (statistics).',
    });
    const queueBytes = meter.createObservableGauge('herald.librdkafka.queue.bytes', {
      unit: 'By',
      description: 'librdkafka msg_size (statistics).',
    });
    const rtt = meter.createObservableGauge('herald.librdkafka.broker.rtt', {
      unit: 's',
      description: 'Broker round trip, avg and p99 (statistics).',
    });
    const retries = meter.createObservableGauge('herald.librdkafka.broker.retries', {
      unit: '{request}',
      description: 'Requests retried so far (statistics txretries).',
    });
    const batch = meter.createObservableGauge('herald.librdkafka.batch.size', {
      unit: 'By',
      description: 'Average produce batch size (statistics).',
    });
    const batchCount = meter.createObservableGauge('herald.librdkafka.batch.messages', {
      unit: '{message}',
      description: 'Average messages per batch (statistics).',
    });
    meter.addBatchObservableCallback(
      (result) => {
        result.observe(pending, source.pending, this.#base);
        result.observe(bytes, source.inFlightBytes, this.#base);
        const stats = this.#stats;
        if (stats === undefined) return;
        result.observe(queue, stats.queueMessages, this.#base);
        result.observe(queueBytes, stats.queueBytes, this.#base);
        for (const b of stats.brokers) {
          result.observe(rtt, b.rttAvgSeconds, { ...this.#base, broker: b.name, statistic: 'avg' });
          result.observe(rtt, b.rttP99Seconds, { ...this.#base, broker: b.name, statistic: 'p99' });
          result.observe(retries, b.txRetries, { ...this.#base, broker: b.name });
        }
        for (const t of stats.topics) {
          result.observe(batch, t.batchSizeAvgBytes, { ...this.#base, [sc.ATTR_MESSAGING_DESTINATION_NAME]: t.topic });
          result.observe(batchCount, t.batchCountAvg, { ...this.#base, [sc.ATTR_MESSAGING_DESTINATION_NAME]: t.topic });
        }
      },
      [pending, bytes, queue, queueBytes, rtt, retries, batch, batchCount],
    );
  }
}
