import { RdCode } from '../internal/classify.js';
import type { WireHeaders } from '../internal/headers.js';
import type { Transport, TransportContext, TransportFactory } from '../transport/transport.js';

/** One record the in-memory transport accepted, as the publisher handed it over. */
export interface TransportRecord {
  readonly topic: string;
  /** A copy of the value bytes. */
  readonly value: Buffer;
  readonly key: string | Buffer | null;
  readonly headers: WireHeaders | undefined;
}

/**
 * Broker answers a test can make a record get, by name; each is the librdkafka code the real
 * producer reports, so the publisher classifies it exactly as it would against Kafka.
 */
export const kafkaFailures = {
  /** The topic does not exist: `UnknownTopicError`, not written. */
  UNKNOWN_TOPIC: RdCode.UNKNOWN_TOPIC_OR_PART,
  /** Not allowed to write: `TopicAuthorizationError`, not written. */
  TOPIC_AUTHORIZATION: RdCode.TOPIC_AUTHORIZATION_FAILED,
  /** Over the topic's `max.message.bytes`: `MessageTooLargeError`, not written. */
  MESSAGE_TOO_LARGE: RdCode.MSG_SIZE_TOO_LARGE,
  /** No ack within `message.timeout.ms`: `DeliveryTimeoutError`, outcome unknown. */
  DELIVERY_TIMEOUT: RdCode.MSG_TIMED_OUT,
  /** Too few in-sync replicas: `DeliveryFailedError`, retriable, not written. */
  NOT_ENOUGH_REPLICAS: RdCode.NOT_ENOUGH_REPLICAS,
} as const;

/** A name of {@link kafkaFailures}. */
export type KafkaFailureName = keyof typeof kafkaFailures;

/** How the in-memory transport answers each record. */
export interface InMemoryTransportOptions {
  /** Called for every record; a failure name (or librdkafka code) makes its delivery fail. @defaultValue every record is acked */
  readonly answer?: (record: TransportRecord, original: Buffer) => KafkaFailureName | number | undefined;
  /** Called with every record acked, with its offset. */
  readonly onAck?: (record: TransportRecord, original: Buffer, offset: number) => void;
}

/**
 * A {@link Transport} that keeps records in memory and acks (or fails) each on the next
 * microtask, with offsets counting up per topic from 0 on partition 0. Built with a
 * `transactional.id` (by `createTransactionalPublisher`) it models transactions: a record reaches
 * `onAck` only when its transaction commits, never when it aborts. It stands in for the
 * producer, not for Kafka's protocol: everything above it is the real publisher pipeline.
 */
export function createInMemoryTransport(options: InMemoryTransportOptions = {}): TransportFactory {
  const offsets = new Map<string, number>();
  return ({ events, config }: TransportContext): Transport => {
    let open = true;
    // In a transaction, acked records wait here for the commit: they are in the log (their
    // offsets are taken) but only a commit makes them visible, as to a read_committed consumer.
    let staged: Array<() => void> | undefined;
    const visible = (show: () => void) => (staged === undefined ? show() : staged.push(show));
    // Records produced and not answered yet, and those of them a purge took back.
    const held = new Set<number>();
    const purged = new Set<number>();
    return {
      connect: () => Promise.resolve(),
      produce(topic, value, key, headers, id) {
        const record: TransportRecord = { topic, value: Buffer.from(value), key, headers };
        const answer = options.answer?.(record, value);
        held.add(id);
        // A microtask, not a timer: tests that fake timers still see deliveries.
        queueMicrotask(() => {
          held.delete(id);
          if (!open) return;
          if (purged.delete(id)) {
            // Like librdkafka's purge of a record not sent yet: never written.
            const code = RdCode.PURGE_QUEUE;
            events.delivery(
              id,
              { code, name: codeName(code), message: 'Purged in queue', status: 'not-persisted' },
              -1,
              -1,
              undefined,
            );
            return;
          }
          if (answer === undefined) {
            const offset = offsets.get(topic) ?? 0;
            offsets.set(topic, offset + 1);
            visible(() => options.onAck?.(record, value, offset));
            events.delivery(id, null, 0, offset, Date.now());
            return;
          }
          const code = typeof answer === 'number' ? answer : kafkaFailures[answer];
          events.delivery(
            id,
            { code, name: codeName(code), message: 'failed by the in-memory transport' },
            -1,
            -1,
            undefined,
          );
        });
        return 0;
      },
      flush: () => Promise.resolve(),
      purge() {
        for (const id of held) purged.add(id);
      },
      disconnect() {
        open = false;
        return Promise.resolve();
      },
      codeName,
      transactions:
        config['transactional.id'] === undefined
          ? undefined
          : {
              init: () => Promise.resolve(),
              begin() {
                staged = [];
                return Promise.resolve();
              },
              // After the microtask that acks what was produced last, like a commit's flush.
              commit: () =>
                new Promise<void>((resolve) =>
                  queueMicrotask(() => {
                    const show = staged ?? [];
                    staged = undefined;
                    for (const s of show) s();
                    resolve();
                  }),
                ),
              abort() {
                staged = undefined;
                return Promise.resolve();
              },
            },
    };
  };
}

const names = new Map<number, string>(
  Object.entries(RdCode).map(([name, code]) => [code, code < 0 ? `ERR__${name}` : `ERR_${name}`]),
);

function codeName(code: number): string {
  return names.get(code) ?? `ERR_${code}`;
}
