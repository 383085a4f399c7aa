import { messageOf } from '@herald/errors';
import { EncodeError, InvalidHeaderError, InvalidKeyError, InvalidTopicError, PublisherError } from '../errors.js';
import type { ResolvedRecordOptions } from '../options.js';
import type { DeliveryReport, Headers, MessageKey, PublishOptions } from '../types.js';
import type { Span } from '@opentelemetry/api';
import type { RetryState } from '../resilience/retry-state.js';
import { HeaderConverter } from './headers.js';
import type { WireHeaders } from './headers.js';
import { assertTopicName } from './topic-name.js';

/**
 * One event turned into what the transport sends, and (one object per publish, to keep garbage
 * down) how its promise settles and what telemetry it carries.
 */
export interface OutgoingRecord {
  readonly topic: string;
  /** May live in the encoder's reused buffer (`transient`): copy it before it waits. */
  value: Buffer;
  /** True when `value` is valid only until the encoder's next `encodeTransient` call. */
  transient: boolean;
  readonly key: MessageKey;
  /**
   * Not readonly: tracing appends trace-context headers to this (always fresh) array, and the
   * publisher drops it once the transport took the record, unless the resilience layer may re-send it.
   */
  headers: WireHeaders | undefined;
  /** Value + key + headers, for the in-flight byte budget. */
  readonly bytes: number;
  /** Settle the publish; set by `publish()` when it creates the promise. */
  resolve: (report: DeliveryReport) => void;
  reject: (error: PublisherError) => void;
  /** The `send` span while tracing; undefined otherwise. */
  span: Span | undefined;
  /** `performance.now()` at `publish()` when metrics are on; 0 otherwise. */
  startedAt: number;
  /** Publish order, and `Date.now()` at `publish()`: set when the resilience layer is on. */
  seq: number;
  publishedAt: number;
  /** Retry, dead-letter and probe state; undefined until the resilience layer needs it. */
  retry: RetryState | undefined;
}

const unset = (): void => undefined;

function checkKey(key: unknown): MessageKey {
  if (key === undefined || key === null) return null;
  if (typeof key === 'string') {
    // The binding would send a lone surrogate as U+FFFD: a different key, a different partition.
    if (!key.isWellFormed()) throw new InvalidKeyError('key has a lone surrogate: it cannot be sent as UTF-8');
    return key;
  }
  if (Buffer.isBuffer(key)) return key;
  // The binding would silently send String(key): refuse instead of guessing.
  throw new InvalidKeyError(`key must be a string, Buffer or null, got ${typeof key}`);
}

/**
 * Runs a user callback; whatever it throws becomes the publisher error `wrap` makes, with the
 * thrown value as `cause`, so every rejected publish carries a publisher code and an `outcome`.
 * Only a publisher error passes through as it is (a codec built on another publisher, say): an
 * error of another Herald package (a translators or schemas error) is wrapped like any other.
 */
function call<R>(what: string, fn: () => R, wrap: (message: string, cause: unknown) => PublisherError): R {
  try {
    return fn();
  } catch (error) {
    if (PublisherError.is(error)) throw error;
    throw wrap(`${what} threw: ${messageOf(error)}`, error);
  }
}

/**
 * Builds the function that turns an event into an {@link OutgoingRecord}, or throws the Herald
 * error that says why it cannot be sent. Nothing reaches the transport unless all of it is valid.
 */
export function createRecordBuilder<T>(
  options: ResolvedRecordOptions<T>,
  keepBytes = false,
): (event: T, call?: PublishOptions) => OutgoingRecord {
  const { codec, key: keyOf, staticHeaders, headersOf, fixedTopic, topicOf } = options;
  const codecHeaders = codec.headers;
  // A record that may be sent again or dead-lettered must own its bytes: no reused buffer.
  const transient = typeof codec.encodeTransient === 'function' && !keepBytes;
  const encode = transient
    ? (event: T) => (codec.encodeTransient as (e: T) => Buffer)(event)
    : (event: T) => codec.encode(event);
  const checkedTopics = new Set<string>(fixedTopic === undefined ? [] : [fixedTopic]);
  const converter = new HeaderConverter();

  const topicFor = (event: T, override: string | undefined): string => {
    const topic =
      override ??
      fixedTopic ??
      call(
        'route(event)',
        () => topicOf(event),
        (m, c) => new InvalidTopicError(m, { cause: c }),
      );
    if (!checkedTopics.has(topic)) {
      assertTopicName(topic);
      if (checkedTopics.size < 10_000) checkedTopics.add(topic);
    }
    return topic;
  };

  /** The checked headers, with their size in `converter.bytes` (0 when there are none). */
  const headersFor = (event: T, extra: Headers | undefined): WireHeaders | undefined => {
    const fromCodec =
      codecHeaders === undefined
        ? undefined
        : call(
            'codec.headers(event)',
            () => codecHeaders(event),
            (m, c) => new InvalidHeaderError(m, c),
          );
    const fromOptions =
      headersOf === undefined
        ? staticHeaders
        : call(
            'headers(event)',
            () => headersOf(event),
            (m, c) => new InvalidHeaderError(m, c),
          );
    const sources =
      (fromCodec === undefined ? 0 : 1) + (fromOptions === undefined ? 0 : 1) + (extra === undefined ? 0 : 1);
    if (sources === 0) {
      converter.bytes = 0;
      return undefined;
    }
    // Later sources win on equal names, so merge before converting when there is more than one.
    const merged = sources === 1 ? (fromCodec ?? fromOptions ?? extra)! : { ...fromCodec, ...fromOptions, ...extra };
    return converter.convert(merged);
  };

  return (event, callOptions) => {
    // The event first: an invalid one gets its schema error, not whatever key() or route() make of it.
    const value = call(
      'codec.encode(event)',
      () => encode(event),
      (m, c) => new EncodeError(m, c),
    );
    if (!Buffer.isBuffer(value)) throw new EncodeError('codec.encode(event) did not return a Buffer');
    const topic = topicFor(event, callOptions?.topic);
    const key = checkKey(
      callOptions !== undefined && 'key' in callOptions
        ? callOptions.key
        : keyOf === undefined
          ? null
          : call(
              'key(event)',
              () => keyOf(event),
              (m, c) => new InvalidKeyError(m, c),
            ),
    );
    const headers = headersFor(event, callOptions?.headers);
    const bytes = value.length + (key === null ? 0 : key.length) + converter.bytes;
    // Every field initialised here, so all records share one hidden class.
    return {
      topic,
      value,
      transient,
      key,
      headers,
      bytes,
      resolve: unset,
      reject: unset,
      span: undefined,
      startedAt: 0,
      seq: 0,
      publishedAt: 0,
      retry: undefined,
    };
  };
}
