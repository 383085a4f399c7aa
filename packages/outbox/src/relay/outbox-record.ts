import { createPublisher } from '@herald/publisher';
import type { EventEncoder, EventPublisher, HeaderValue, PublisherOptions } from '@herald/publisher';

/** One outbox row as the relay publishes it: the record `enqueue` stored, plus its row identity. */
export interface OutboxRecord {
  /** The row's sequence (`id` column), as a decimal string. */
  readonly id: string;
  /** The event id (`ce_id`), the same on every resend. */
  readonly eventId: string;
  readonly topic: string;
  readonly key: Buffer | null;
  readonly value: Buffer;
  readonly headers: Readonly<Record<string, HeaderValue>>;
  /** Publish attempts before this one. */
  readonly attempts: number;
  readonly createdAt: Date;
}

/**
 * The codec of the relay's publisher: rows are validated and encoded at enqueue, so publishing
 * sends their stored bytes and headers unchanged.
 */
export const outboxRecordCodec: EventEncoder<OutboxRecord> = Object.freeze({
  encode: (record: OutboxRecord) => record.value,
  headers: (record: OutboxRecord) => record.headers,
});

/** Options of {@link createRelayPublisher}: a publisher's, minus what the rows already carry. */
export type RelayPublisherOptions = Omit<
  PublisherOptions<OutboxRecord>,
  'topic' | 'route' | 'codec' | 'key' | 'headers'
>;

/**
 * A Herald publisher for the relay: each row goes to its stored topic with its stored key, value
 * and headers, with every delivery guarantee, metric and span of `createPublisher`.
 *
 * @throws {InvalidOptionsError} when the options are invalid.
 */
export function createRelayPublisher(options: RelayPublisherOptions): EventPublisher<OutboxRecord> {
  return createPublisher<OutboxRecord>({
    ...options,
    route: (r) => r.topic,
    codec: outboxRecordCodec,
    key: (r) => r.key,
  });
}
