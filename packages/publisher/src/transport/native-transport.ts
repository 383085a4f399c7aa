import { DELIVERY_RECORD_BYTES, loadNativeBinding, MessageStatus, NativeEvent } from '@herald/native';
import type { NativeBinding, NativeHandle } from '@herald/native';
import { InvalidOptionsError } from '@herald/errors';
import {
  AuthenticationError,
  BrokerUnreachableError,
  TlsHandshakeError,
  TransportUnavailableError,
} from '../errors.js';
import type { PublisherError } from '../errors.js';
import { RdCode } from '../internal/classify.js';
import type { KafkaFailure, PersistenceStatus } from '../internal/classify.js';
import { isAuthFailureCode, isAuthFailureLog, isTlsFailureLog } from './client-signals.js';
import { clientErrorLevel, librdkafkaLogLevel } from './librdkafka-log.js';
import { NativeRecordPacker } from './native-record.js';
import type { Transport, TransportContext, TransportFactory } from './transport.js';

/** librdkafka's code for "the handle is destroyed", returned by every call after close. */
const DESTROYED = -197;
const slotsPerRecord = DELIVERY_RECORD_BYTES / 8;
/** A delivery record's persistence status; anything unexpected counts as possibly written. */
const statusOf = (n: number): PersistenceStatus =>
  n === MessageStatus.notPersisted
    ? 'not-persisted'
    : n === MessageStatus.persisted
      ? 'persisted'
      : 'possibly-persisted';

/** The fatal-error trigger of each native transport made here, for {@link triggerFatalError}. */
const fatalTriggers = new WeakMap<Transport, (reason: string) => number>();

/**
 * Makes the producer behind a native `transport` fail as librdkafka's idempotence errors do
 * (`rd_kafka_test_fatal_error`: a fatal `ERR__FATAL` error event, every later record refused), so
 * a test can prove how the publisher and the application recover on a real broker. Returns 0, or
 * the librdkafka code why not (e.g. -197 after close). -186 when `transport` is not a native one.
 */
export function triggerFatalError(transport: Transport, reason = 'triggered by a test'): number {
  return fatalTriggers.get(transport)?.(reason) ?? RdCode.INVALID_ARG;
}

/** Why the addon does not load here (not built, other platform, …), or undefined when it does. */
export function nativeTransportProblem(): string | undefined {
  const binding = loadNativeBinding();
  return binding instanceof Error ? binding.message : undefined;
}

/**
 * Herald's own thin producer on librdkafka (`@herald/native`): one native call per record with the
 * key and headers packed into one buffer, and delivery reports as one ArrayBuffer of fixed-size
 * records per wakeup of the addon's poll thread. Same contract and signals as the CKJS transport
 * (`createRdkafkaTransport`); no transactions yet.
 *
 * @throws {TransportUnavailableError} when the addon does not load here.
 * @throws {InvalidOptionsError} when librdkafka refuses the configuration.
 */
export const createNativeTransport: TransportFactory = (context) => {
  const binding = loadNativeBinding();
  if (binding instanceof Error)
    throw new TransportUnavailableError(`the native transport cannot load its addon: ${binding.message}`, [
      `native: ${binding.message}`,
    ]);
  return createTransportOn(binding, context);
};

function createTransportOn(binding: NativeBinding, { config, events, logger }: TransportContext): Transport {
  const names = new Map<number, string>();
  const codeName = (code: number): string => {
    let name = names.get(code);
    if (name === undefined) names.set(code, (name = `ERR_${binding.errName(code)}`));
    return name;
  };
  const failureOf = (code: number, message = binding.errString(code)): KafkaFailure => ({
    code,
    name: codeName(code),
    message,
  });

  const topics = new Map<string, number>();
  const packer = new NativeRecordPacker();
  /** Records produced whose delivery report has not come: while > 0 the process stays alive. */
  let inFlight = 0;
  let authFailure: KafkaFailure | undefined;
  let tlsFailure: KafkaFailure | undefined;
  // Called when authentication or TLS fails while a connect is waiting, so it fails now, not at its timeout.
  let onPermanentFailure: (() => void) | undefined;
  let onConnected: ((code: number) => void) | undefined;
  let flushWaiters: Array<() => void> = [];
  let closed = false;
  let onClosed: (() => void) | undefined;
  let closing: Promise<void> | undefined;

  const keepAlive = () => {
    if (!closed) binding.ref(handle, inFlight > 0 || onConnected !== undefined || flushWaiters.length > 0);
  };

  const onDeliveries = (records: ArrayBuffer, count: number) => {
    const slots = new Float64Array(records);
    const ints = new Int32Array(records);
    for (let i = 0; i < count; i++) {
      const at = i * slotsPerRecord;
      const error = ints[at * 2 + 6] as number;
      const timestamp = slots[at + 2] as number;
      inFlight -= 1;
      events.delivery(
        slots[at] as number,
        error === 0 ? null : { ...failureOf(error), status: statusOf(ints[at * 2 + 8] as number) },
        ints[at * 2 + 7] as number,
        slots[at + 1] as number,
        timestamp < 0 ? undefined : timestamp,
      );
    }
    if (inFlight === 0) keepAlive();
  };

  const onError = (code: number, reason: string) => {
    const failure = failureOf(code, reason);
    if (code === RdCode.FATAL) {
      events.fatal(failure);
      return;
    }
    if (isAuthFailureCode(code)) authFailure = failure;
    if (code === RdCode.SSL) tlsFailure = failure;
    // Called as a method of the logger: winston's child loggers need `this` to add their metadata.
    logger[clientErrorLevel(code)]('kafka client error', { code, name: failure.name, reason });
  };

  const onLog = (level: number, facility: string, message: string) => {
    logger[librdkafkaLogLevel(level, message)](message, { facility, source: 'librdkafka' });
    if (isAuthFailureLog(facility, message)) {
      authFailure = { code: RdCode.AUTHENTICATION, name: codeName(RdCode.AUTHENTICATION), message };
      onPermanentFailure?.();
    } else if (isTlsFailureLog(facility, message)) {
      // Same for TLS: librdkafka only logs it and keeps retrying the handshake until the timeout.
      tlsFailure = { code: RdCode.SSL, name: codeName(RdCode.SSL), message };
      onPermanentFailure?.();
    }
  };

  const created = binding.create(
    Object.entries(config).flatMap(([name, value]) => [name, String(value)]),
    (kind, a, b, c) => {
      switch (kind) {
        case NativeEvent.deliveries:
          onDeliveries(a as ArrayBuffer, b as number);
          break;
        case NativeEvent.error:
          onError(a as number, b as string);
          break;
        case NativeEvent.log:
          onLog(a as number, b as string, c as string);
          break;
        case NativeEvent.stats:
          events.stats?.(a as string);
          break;
        case NativeEvent.connected:
          onConnected?.(a as number);
          break;
        case NativeEvent.flushed:
          for (const resolve of flushWaiters.splice(0)) resolve();
          keepAlive();
          break;
        case NativeEvent.closed:
          closed = true;
          onClosed?.();
          break;
      }
    },
  );
  if (typeof created === 'string')
    throw new InvalidOptionsError('rdkafka', `librdkafka refused the producer configuration: ${created}`);
  const handle: NativeHandle = created;
  binding.ref(handle, false);

  const topicIndex = (topic: string): number => {
    let index = topics.get(topic);
    if (index === undefined) {
      index = binding.topic(handle, topic);
      if (index >= 0) topics.set(topic, index);
    }
    return index;
  };

  const transport: Transport = {
    name: 'native',
    connect(timeoutMs) {
      return new Promise<void>((resolve, reject) => {
        let done = false;
        const finish = (error: PublisherError | undefined) => {
          if (done) return;
          done = true;
          onPermanentFailure = undefined;
          onConnected = undefined;
          clearTimeout(timer);
          keepAlive();
          if (error === undefined) resolve();
          else reject(error);
        };
        const fail = (code?: number) => {
          const auth = authFailure;
          const tls = tlsFailure;
          finish(
            auth !== undefined
              ? new AuthenticationError(`authentication failed: ${auth.message}`, {
                  kafkaCode: auth.code,
                  kafkaName: auth.name,
                  cause: auth.cause,
                })
              : tls !== undefined
                ? new TlsHandshakeError(`TLS handshake failed: ${tls.message}`, {
                    kafkaCode: tls.code,
                    kafkaName: tls.name,
                    cause: tls.cause,
                  })
                : new BrokerUnreachableError(
                    `no broker of ${String(config['bootstrap.servers'])} answered within ${timeoutMs} ms`,
                    {
                      ...(code === undefined ? {} : { cause: failureOf(code) }),
                    },
                  ),
          );
        };
        onPermanentFailure = () => fail();
        onConnected = (code) => (code === 0 ? finish(undefined) : fail(code));
        const timer = setTimeout(() => fail(), timeoutMs);
        timer.unref();
        const code = binding.connect(handle, timeoutMs);
        if (code !== 0) fail(code);
        else keepAlive();
      });
    },
    produce(topic, value, key, headers, id) {
      const index = topicIndex(topic);
      if (index < 0) return index;
      const length = packer.pack(key, headers);
      const code = binding.produce(handle, index, value, packer.buffer, length, id);
      if (code === 0 && ++inFlight === 1) keepAlive();
      return code;
    },
    flush(timeoutMs) {
      if (closed || closing !== undefined) return Promise.resolve();
      return new Promise<void>((resolve) => {
        // One native flush answers every waiter; each waiter still stops at its own deadline.
        const timer = setTimeout(() => {
          flushWaiters = flushWaiters.filter((w) => w !== settle);
          resolve();
        }, timeoutMs);
        timer.unref();
        function settle() {
          clearTimeout(timer);
          resolve();
        }
        flushWaiters.push(settle);
        if (binding.flush(handle, timeoutMs) === DESTROYED) settle();
        else keepAlive();
      });
    },
    disconnect() {
      closing ??= new Promise<void>((resolve) => {
        onClosed = resolve;
        for (const settle of flushWaiters.splice(0)) settle();
        onConnected?.(RdCode.ALL_BROKERS_DOWN);
        // The publisher already flushed to its own deadline and settled the rest: drop, do not wait.
        if (binding.close(handle) !== 0) resolve();
      });
      return closing;
    },
    purge() {
      // DESTROYED after close: nothing is held any more.
      binding.purge(handle);
    },
    codeName,
  };
  // OUT_OF_ORDER_SEQUENCE_NUMBER: the idempotence error that makes librdkafka's producer fatal.
  fatalTriggers.set(transport, (reason) => binding.testFatal(handle, 45, reason));
  return transport;
}
