import { integerOption, InvalidOptionsError, messageOf } from '@herald/errors';
import { kafkaSettingsToRdkafka } from './kafka-settings.js';
import type { KafkaSettings } from './kafka-settings.js';
import { createDefaultLogger } from './logger.js';
import type { Logger } from './logger.js';
import { presets } from './presets.js';
import type { PresetName } from './presets.js';
import type { TransportFactory } from './transport/transport.js';
import type { EventEncoder, Headers, MessageKey } from './types.js';
import { topicNameProblem } from './internal/topic-name.js';
import { convertHeaders } from './internal/headers.js';
import type { TelemetryOptions } from './telemetry/publisher-telemetry.js';
import type { MeterProvider, TracerProvider } from '@opentelemetry/api';
import { checkResilienceOptions } from './resilience/resilience.js';
import type { ResilienceOptions } from './resilience/resilience.js';
import type { RetryOptions } from './resilience/retry-policy.js';
import type { DeadLetterOptions } from './resilience/dead-letter.js';
import type { CircuitBreakerOptions } from './resilience/circuit-breaker.js';

/**
 * How an event becomes a record: topic, codec, key and headers. Shared by {@link PublisherOptions}
 * and {@link createRecordEncoder} (the transactional outbox), so both build records by one set of
 * rules. Give exactly one of `topic` and `route`.
 */
export interface RecordOptions<T> {
  /** The one topic every event goes to. */
  readonly topic?: string;
  /** Picks each event's topic (the multi-topic publisher). */
  readonly route?: (event: T) => string;
  /** Validates and encodes events; its `headers(event)` (e.g. CloudEvents) are attached. */
  readonly codec: EventEncoder<T>;
  /** Each event's key; events with one key stay in order. @defaultValue no key (null) */
  readonly key?: (event: T) => MessageKey;
  /** Headers for every record, or a function of the event. */
  readonly headers?: Headers | ((event: T) => Headers);
}

/** Options of {@link createPublisher}. Give exactly one of `topic` and `route`. */
export interface PublisherOptions<T> extends RecordOptions<T> {
  /** Bootstrap brokers, `host:port`, as a list or comma-separated. Use `127.0.0.1`, not `localhost`. */
  readonly brokers: string | ReadonlyArray<string>;
  /** Settings bundle, see `docs/publisher.md`. @defaultValue 'reliable' */
  readonly preset?: PresetName;
  /** Typed producer settings; they win over the preset. */
  readonly kafka?: KafkaSettings;
  /** Raw librdkafka properties; they win over everything else. Use for settings `kafka` lacks. */
  readonly rdkafka?: Readonly<Record<string, string | number | boolean>>;
  /** `client.id`, also the `messaging.client.id` in traces. @defaultValue 'herald' */
  readonly clientId?: string;
  /** Where Herald logs state changes. @defaultValue winston, JSON on stderr at `warn` */
  readonly logger?: Logger;
  /** Bound on `connect()`, which upstream would let run for ~30 s. @defaultValue 10000 */
  readonly connectTimeoutMs?: number;
  /** How long `publish` may wait for capacity before `QueueFullTimeoutError`. @defaultValue 60000 */
  readonly maxBlockMs?: number;
  /** Most publishes in flight (sent, not yet settled). @defaultValue 50000 */
  readonly maxInFlight?: number;
  /** Most bytes (values + keys + headers) in flight. @defaultValue 67108864 (64 MiB) */
  readonly maxInFlightBytes?: number;
  /** Default deadline of `close()`. @defaultValue 30000 */
  readonly closeTimeoutMs?: number;
  /**
   * The producer behind the publisher. @defaultValue the first default transport that loads (today the
   * librdkafka producer of `@herald/publisher/transports/rdkafka`), imported on first connect
   */
  readonly transport?: TransportFactory;
  /** Tracer provider for `send {topic}` spans. @defaultValue the global one; no SDK = no cost */
  readonly tracerProvider?: TracerProvider;
  /** Meter provider for `messaging.client.*` and Herald metrics. @defaultValue the global one */
  readonly meterProvider?: MeterProvider;
  /**
   * Send retriable failures again, with backoff, keeping per-key order (`docs/resilience.md`).
   * @defaultValue off: a failed publish rejects at once
   */
  readonly retry?: RetryOptions;
  /**
   * Write events that failed for good to a dead-letter topic; their publish then rejects with
   * `DeadLetteredError` (`docs/resilience.md`). @defaultValue off
   */
  readonly deadLetter?: DeadLetterOptions;
  /**
   * Fail fast (or wait) while the cluster is unavailable, then probe (`docs/resilience.md`).
   * @defaultValue off
   */
  readonly circuitBreaker?: CircuitBreakerOptions;
}

/** Record options after checks: what the record builder runs with. */
export interface ResolvedRecordOptions<T> {
  readonly topicOf: (event: T) => string;
  readonly fixedTopic: string | undefined;
  readonly codec: EventEncoder<T>;
  readonly key: ((event: T) => MessageKey) | undefined;
  readonly staticHeaders: Headers | undefined;
  readonly headersOf: ((event: T) => Headers) | undefined;
}

/** Options after defaults and checks: what the publisher runs with. */
export interface ResolvedOptions<T> extends ResolvedRecordOptions<T> {
  readonly rdkafka: Readonly<Record<string, string | number | boolean>>;
  readonly clientId: string;
  readonly logger: Logger;
  readonly connectTimeoutMs: number;
  readonly maxBlockMs: number;
  readonly maxInFlight: number;
  readonly maxInFlightBytes: number;
  readonly closeTimeoutMs: number;
  /** Undefined: load the default transport on first connect. */
  readonly transport: TransportFactory | undefined;
  readonly telemetry: TelemetryOptions;
  /** Retry, dead-letter and circuit-breaker options, checked; each undefined when off. */
  readonly resilience: ResilienceOptions;
}

function brokerList(brokers: unknown): string {
  const list = typeof brokers === 'string' ? brokers.split(',') : Array.isArray(brokers) ? (brokers as unknown[]) : [];
  const cleaned = list.map((b) => (typeof b === 'string' ? b.trim() : '')).filter((b) => b !== '');
  if (cleaned.length === 0 || cleaned.length !== list.length)
    throw new InvalidOptionsError('brokers', 'brokers must be a non-empty list of "host:port" strings');
  for (const b of cleaned)
    if (!/^[^\s:]+:\d{1,5}$/.test(b) && !/^\[[0-9a-f:]+\]:\d{1,5}$/i.test(b))
      throw new InvalidOptionsError('brokers', `broker "${b}" is not "host:port"`);
  return cleaned.join(',');
}

function checkedHeaders(headers: Headers): Headers {
  try {
    convertHeaders(headers);
  } catch (error) {
    throw new InvalidOptionsError('headers', `headers: ${messageOf(error)}`, error);
  }
  return { ...headers };
}

/** Checks the record options (topic/route, codec, key, headers); never touches the caller's objects. */
export function resolveRecordOptions<T>(options: RecordOptions<T>): ResolvedRecordOptions<T> {
  if (typeof options !== 'object' || options === null) throw new InvalidOptionsError('options', 'options are required');
  const { topic, route, codec, key, headers } = options;
  if ((topic === undefined) === (route === undefined))
    throw new InvalidOptionsError('topic', 'give exactly one of `topic` and `route`');
  const topicProblem = topic === undefined ? undefined : topicNameProblem(topic);
  if (topicProblem !== undefined) throw new InvalidOptionsError('topic', topicProblem);
  if (route !== undefined && typeof route !== 'function')
    throw new InvalidOptionsError('route', '`route` must be a function');
  if (typeof codec?.encode !== 'function')
    throw new InvalidOptionsError('codec', '`codec` must have an encode(event) function');
  if (key !== undefined && typeof key !== 'function')
    throw new InvalidOptionsError('key', '`key` must be a function of the event');
  const headerFn = typeof headers === 'function' ? headers : undefined;
  return {
    topicOf: route ?? (() => topic as string),
    fixedTopic: topic,
    codec,
    key,
    staticHeaders: headers !== undefined && headerFn === undefined ? checkedHeaders(headers as Headers) : undefined,
    headersOf: headerFn,
  };
}

/** Checks `options` and fills in defaults; never touches the caller's objects. */
export function resolveOptions<T>(options: PublisherOptions<T>): ResolvedOptions<T> {
  const record = resolveRecordOptions(options);
  const preset = options.preset ?? 'reliable';
  if (!Object.hasOwn(presets, preset))
    throw new InvalidOptionsError(
      'preset',
      `unknown preset "${String(preset)}"; use reliable, lowLatency or highThroughput`,
    );
  const clientId = options.clientId ?? 'herald';
  if (typeof clientId !== 'string' || clientId === '')
    throw new InvalidOptionsError('clientId', '`clientId` must be a non-empty string');
  let typed: Record<string, string | number | boolean>;
  try {
    typed = kafkaSettingsToRdkafka(options.kafka ?? {});
  } catch (error) {
    throw error instanceof InvalidOptionsError ? error : new InvalidOptionsError('kafka', messageOf(error), error);
  }
  const maxInFlight = integerOption('maxInFlight', options.maxInFlight, 50_000);
  const rdkafka: Record<string, string | number | boolean> = {
    ...presets[preset],
    ...typed,
    ...options.rdkafka,
    'bootstrap.servers': brokerList(options.brokers),
    'client.id': clientId,
  };
  // librdkafka's own queue must hold at least what we let into flight, or it would answer
  // "queue full" before our cap, which only wastes a round trip.
  const queueMax = Number(rdkafka['queue.buffering.max.messages'] ?? 100_000);
  if (queueMax < maxInFlight) rdkafka['queue.buffering.max.messages'] = maxInFlight;
  const resilience: ResilienceOptions = {
    retry: options.retry,
    deadLetter: options.deadLetter,
    circuitBreaker: options.circuitBreaker,
  };
  checkResilienceOptions(resilience);
  return {
    ...record,
    rdkafka,
    clientId,
    logger: options.logger ?? createDefaultLogger(),
    connectTimeoutMs: integerOption('connectTimeoutMs', options.connectTimeoutMs, 10_000),
    maxBlockMs: integerOption('maxBlockMs', options.maxBlockMs, 60_000),
    maxInFlight,
    maxInFlightBytes: integerOption('maxInFlightBytes', options.maxInFlightBytes, 64 * 1024 * 1024),
    closeTimeoutMs: integerOption('closeTimeoutMs', options.closeTimeoutMs, 30_000),
    transport: options.transport,
    telemetry: {
      ...(options.tracerProvider === undefined ? {} : { tracerProvider: options.tracerProvider }),
      ...(options.meterProvider === undefined ? {} : { meterProvider: options.meterProvider }),
    },
    resilience,
  };
}
