import kafka from '@confluentinc/kafka-javascript';
import type { LibrdKafkaError, Producer } from '@confluentinc/kafka-javascript';
import { AuthenticationError, BrokerUnreachableError, TlsHandshakeError } from '../errors.js';
import type { PublisherError } from '../errors.js';
import { RdCode } from '../internal/classify.js';
import type { KafkaFailure } from '../internal/classify.js';
import { isAuthFailureCode, isAuthFailureLog, isTlsFailureLog } from './client-signals.js';
import { clientErrorLevel, librdkafkaLogLevel } from './librdkafka-log.js';
import type { TransactionFailure, Transport, TransportContext, TransportTransactions } from './transport.js';

const codeNames = new Map<number, string>(
  Object.entries(kafka.CODES.ERRORS as Record<string, number>).map(([name, code]) => [code, name]),
);

function codeName(code: number): string {
  return codeNames.get(code) ?? `ERR_${code}`;
}

function failureOf(error: LibrdKafkaError | number): KafkaFailure {
  const code = typeof error === 'number' ? error : error.code;
  const message = typeof error === 'number' ? codeName(code) : error.message;
  return { code, name: codeName(code), message, cause: error };
}

/**
 * The native librdkafka producer of `@confluentinc/kafka-javascript`: `produce()` with a numeric
 * opaque, delivery reports on the background poll thread, and our own bounded connect.
 */
export function createRdkafkaTransport({ config, events, logger }: TransportContext): Transport {
  // dr_cb must be set whenever an opaque is passed, or the binding leaks it (upstream #272).
  const producer: Producer = new kafka.Producer({ ...config, dr_cb: true, event_cb: true });
  let authFailure: KafkaFailure | undefined;
  let tlsFailure: KafkaFailure | undefined;
  // Called when authentication or TLS fails while a connect is waiting, so it fails now, not at its timeout.
  let onPermanentFailure: (() => void) | undefined;
  // Set when we gave up on (or were told to drop) a connect that is still running underneath:
  // the binding's connect completes later, and then must be torn down, not left polling.
  let abandoned = false;
  const teardown = () => new Promise<void>((resolve) => producer.disconnect(0, () => resolve()));

  producer.on('delivery-report', (error, report) => {
    const failure = error ? failureOf(error) : null;
    events.delivery(report.opaque as number, failure, report.partition, report.offset, report.timestamp);
  });
  producer.on('event.error', (error) => {
    const failure = failureOf(error);
    if (failure.code === RdCode.FATAL) {
      events.fatal(failure);
      return;
    }
    if (isAuthFailureCode(failure.code)) authFailure = failure;
    if (failure.code === RdCode.SSL) tlsFailure = failure;
    // Called as a method of the logger: winston's child loggers need `this` to add their metadata.
    logger[clientErrorLevel(failure.code)]('kafka client error', {
      code: failure.code,
      name: failure.name,
      reason: failure.message,
    });
  });
  producer.on('event.log', (log: { severity: number; fac: string; message: string }) => {
    logger[librdkafkaLogLevel(log.severity, log.message)](log.message, { facility: log.fac, source: 'librdkafka' });
    if (isAuthFailureLog(log.fac, log.message)) {
      authFailure = { code: RdCode.AUTHENTICATION, name: codeName(RdCode.AUTHENTICATION), message: log.message };
      onPermanentFailure?.();
    } else if (isTlsFailureLog(log.fac, log.message)) {
      // Same for TLS: librdkafka only logs it and keeps retrying the handshake until the timeout.
      tlsFailure = { code: RdCode.SSL, name: codeName(RdCode.SSL), message: log.message };
      onPermanentFailure?.();
    }
  });
  producer.on('event.stats', (stats: { message: string }) => events.stats?.(stats.message));

  return {
    name: 'ckjs',
    connect(timeoutMs) {
      return new Promise<void>((resolve, reject) => {
        let done = false;
        const finish = (error: PublisherError | undefined) => {
          if (done) return;
          done = true;
          onPermanentFailure = undefined;
          clearTimeout(timer);
          if (error === undefined) {
            producer.setPollInBackground(true);
            resolve();
            return;
          }
          reject(error);
        };
        const fail = (cause?: unknown) => {
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
                    { cause },
                  ),
          );
        };
        onPermanentFailure = () => {
          abandoned = true;
          fail();
        };
        // The binding's own metadata wait can run ~30 s against a dead broker: bound it here.
        const timer = setTimeout(() => {
          abandoned = true;
          fail();
        }, timeoutMs);
        timer.unref();
        producer.connect({ timeout: timeoutMs, allTopics: false }, (error) => {
          if (!error && abandoned) void teardown();
          else if (error) fail(error);
          else finish(undefined);
        });
      });
    },
    produce(topic, value, key, headers, id) {
      try {
        producer.produce(topic, null, value, key, null, id, headers);
        return 0;
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        if (typeof code === 'number') return code;
        throw error;
      }
    },
    flush(timeoutMs) {
      return new Promise<void>((resolve) => {
        producer.flush(timeoutMs, () => resolve());
      });
    },
    disconnect() {
      abandoned = true;
      // Flush for 0 ms: the publisher already flushed to its own deadline and settled the rest.
      return producer.isConnected() ? teardown() : Promise.resolve();
    },
    codeName,
    transactions: config['transactional.id'] === undefined ? undefined : rdkafkaTransactions(producer),
  };
}

/** The binding's callback API for transactions, as promises rejecting with {@link TransactionFailure}. */
function rdkafkaTransactions(producer: Producer): TransportTransactions {
  const call = (start: (done: (error: LibrdKafkaError | null | undefined) => void) => void) =>
    new Promise<void>((resolve, reject) => {
      start((error) => {
        if (!error) {
          resolve();
          return;
        }
        const flags = error as { isFatal?: boolean; isRetriable?: boolean; isTxnRequiresAbort?: boolean };
        const failure: TransactionFailure = {
          ...failureOf(error),
          fatal: flags.isFatal === true,
          retriable: flags.isRetriable === true,
          abortable: flags.isTxnRequiresAbort === true,
        };
        reject(Object.assign(new Error(failure.message), failure));
      });
    });
  return {
    init: (timeoutMs) => call((done) => producer.initTransactions(timeoutMs, done)),
    begin: () => call((done) => producer.beginTransaction(done)),
    commit: (timeoutMs) => call((done) => producer.commitTransaction(timeoutMs, done)),
    abort: (timeoutMs) => call((done) => producer.abortTransaction(timeoutMs, done)),
  };
}
