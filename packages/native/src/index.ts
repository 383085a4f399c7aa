// The addon's surface as TypeScript sees it, and its loader. The addon never throws: every function
// returns a librdkafka error code (0 = success) or a value; `create` returns a string on failure.
import { createRequire } from 'node:module';

/** An opaque producer handle made by {@link NativeBinding.create}. */
export interface NativeHandle {
  readonly __brand: 'herald-native-producer';
}

/** What the poll thread reports; the first argument of the `onEvent` callback. */
export const NativeEvent = {
  /** `(arrayBuffer, count)`: {@link DELIVERY_RECORD_BYTES}-byte delivery records. */
  deliveries: 1,
  /** `(code, reason)`: a client-level error (`-150` = fatal). */
  error: 2,
  /** `(level, facility, message)`: a librdkafka log line, syslog levels. */
  log: 3,
  /** `(json)`: librdkafka statistics. */
  stats: 4,
  /** `(code)`: the answer to `connect`: 0, or why no metadata came in time. */
  connected: 5,
  /** `(queued)`: the answer to `flush`: messages still queued at its deadline. */
  flushed: 6,
  /** `()`: the producer is destroyed; the handle is dead. */
  closed: 7,
} as const;

/**
 * Bytes per delivery record: float64 id, float64 offset, float64 timestamp (-1 = none), then int32
 * error code, int32 partition, int32 persistence status ({@link MessageStatus}) and an int32 0, in
 * the platform's byte order.
 */
export const DELIVERY_RECORD_BYTES = 40;

/** librdkafka's `rd_kafka_msg_status_t`: whether the broker may have stored a failed message. */
export const MessageStatus = {
  /** Never sent, or the broker said it did not store it: sending it again cannot duplicate it. */
  notPersisted: 0,
  /** Sent without an answer (timed out or purged in flight): it may be in the log. */
  possiblyPersisted: 1,
  /** The broker acked it. */
  persisted: 2,
} as const;

/** The callback the poll thread's events arrive on (JS thread). */
export type NativeEventHandler = (kind: number, a?: unknown, b?: unknown, c?: unknown) => void;

/** The addon's functions. Handles are checked by type tag: a wrong argument returns -186. */
export interface NativeBinding {
  /** The linked librdkafka's `rd_kafka_version_str()`. */
  version(): string;
  /** Creates a producer from librdkafka `name, value` pairs; a string says why it could not. */
  create(pairs: ReadonlyArray<string>, onEvent: NativeEventHandler): NativeHandle | string;
  /** Registers a topic; returns its index for `produce`, or a negative code. */
  topic(handle: NativeHandle, name: string): number;
  /**
   * Queues one record (librdkafka copies it). `meta` packs, little-endian: u32 key length
   * (0xffffffff = null key), key, u32 header count, then per header u32 name length, name, u32
   * value length (0xffffffff = null), value. Returns 0 or a librdkafka code.
   */
  produce(handle: NativeHandle, topic: number, value: Buffer, meta: Buffer, metaLength: number, id: number): number;
  /** Asks for metadata within `timeoutMs`; the answer is a `connected` event. */
  connect(handle: NativeHandle, timeoutMs: number): number;
  /** Sends lingering batches now and waits up to `timeoutMs`; the answer is a `flushed` event. */
  flush(handle: NativeHandle, timeoutMs: number): number;
  /** Drops queued and in-flight messages; their delivery reports follow with purge codes. */
  purge(handle: NativeHandle): number;
  /** Whether the event channel keeps the process alive (true while work is in flight). */
  ref(handle: NativeHandle, keepAlive: boolean): number;
  /** Destroys the producer without waiting; a `closed` event follows. Later calls return -197. */
  close(handle: NativeHandle): number;
  /** Messages librdkafka still holds. */
  queued(handle: NativeHandle): number;
  /** librdkafka's `rd_kafka_test_fatal_error`: raises a fatal error, for tests of recovery. */
  testFatal(handle: NativeHandle, code: number, reason: string): number;
  /** librdkafka's name of a code without the `ERR_` prefix, e.g. `_QUEUE_FULL`. */
  errName(code: number): string;
  /** librdkafka's description of a code. */
  errString(code: number): string;
}

/** Where the addon is built by `scripts/build.mjs` (relative to `dist/`). */
const addonPath = '../build/Release/herald_native.node';

let loaded: NativeBinding | Error | undefined;

/**
 * Loads the addon once per thread (worker threads load their own instance).
 *
 * @returns the binding, or the Error that says why it cannot load (not built, wrong platform, …)
 */
export function loadNativeBinding(): NativeBinding | Error {
  if (loaded !== undefined) return loaded;
  try {
    const binding = createRequire(import.meta.url)(addonPath) as NativeBinding;
    if (typeof binding.create !== 'function') throw new Error(`${addonPath} is not the Herald addon`);
    loaded = binding;
  } catch (error) {
    loaded = error instanceof Error ? error : new Error(String(error));
  }
  return loaded;
}
