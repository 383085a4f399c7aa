import { randomUUID } from 'node:crypto';
import { context, propagation } from '@opentelemetry/api';
import { InvalidOptionsError } from '@herald/errors';
import { createRecordEncoder } from '@herald/publisher';
import type { EncodedRecord, PublishOptions, RecordOptions } from '@herald/publisher';
import type { ClientBase } from 'pg';
import { toStoredHeaders } from './stored-headers.js';
import { tableNames } from './table-names.js';

/** The aggregate an event belongs to: kept on the row for operators and quarantine reports. */
export interface Aggregate {
  readonly type: string;
  readonly id: string;
}

/**
 * Options of {@link createOutbox}: the same record options as `createPublisher` (topic or route,
 * codec, key, headers), so a row holds exactly the record the publisher would have sent.
 */
export interface OutboxOptions<T> extends RecordOptions<T> {
  /** The outbox table (`table` or `schema.table`); create it with `migrate`. @defaultValue 'herald_outbox' */
  readonly table?: string;
  /**
   * Each event's aggregate. Order is kept per Kafka key, so the key should be the aggregate id.
   * @defaultValue type: the topic, id: the key as UTF-8 (none when the key is null)
   */
  readonly aggregate?: (event: T) => Aggregate;
}

/** Per-call overrides of {@link Outbox.enqueue}: those of `publish()`, plus the aggregate. */
export interface EnqueueOptions extends PublishOptions {
  readonly aggregate?: Aggregate;
}

/** What one enqueue stored. */
export interface EnqueuedEvent {
  /** The event id: the record's `ce_id` header when it has one (a fresh UUID otherwise). */
  readonly eventId: string;
  readonly topic: string;
}

/** Writes events into the outbox table inside the caller's transaction. */
export interface Outbox<T> {
  /**
   * Validates and encodes `event` as the publisher would, and inserts its row with `client` (call
   * it between your `BEGIN` and `COMMIT`: the event is published if and only if you commit).
   * Captures the active trace context (`traceparent`) so the trace continues at publish time.
   *
   * @throws the same typed error as `publish()` (e.g. `EncodeError` for an invalid event) for an event that
   * cannot be sent; nothing is inserted then.
   */
  enqueue(client: ClientBase, event: T, options?: EnqueueOptions): Promise<EnqueuedEvent>;
  /** Like {@link Outbox.enqueue} for many events in one statement; all are checked before any is inserted. */
  enqueueMany(client: ClientBase, events: Iterable<T>): Promise<EnqueuedEvent[]>;
  /** The table name as given. */
  readonly table: string;
}

interface Row {
  readonly eventId: string;
  readonly topic: string;
  readonly key: Buffer | null;
  readonly value: Buffer;
  readonly headers: string;
  readonly aggregateType: string | null;
  readonly aggregateId: string | null;
}

/**
 * Creates the writer side of the outbox for events of type `T`.
 *
 * @throws {InvalidOptionsError} when the options (or the table name) are invalid.
 */
export function createOutbox<T>(options: OutboxOptions<T>): Outbox<T> {
  const names = tableNames(options.table);
  const encode = createRecordEncoder(options);
  const aggregateOf = options.aggregate;
  if (aggregateOf !== undefined && typeof aggregateOf !== 'function')
    throw new InvalidOptionsError('aggregate', '`aggregate` must be a function of the event');
  const columns = 'event_id, topic, key, value, headers, aggregate_type, aggregate_id';
  const insertOne = {
    name: `herald_outbox_insert:${names.name}`,
    text: `INSERT INTO ${names.table} (${columns}) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
  };
  const insertMany = {
    name: `herald_outbox_insert_many:${names.name}`,
    text:
      `INSERT INTO ${names.table} (${columns}) SELECT e, t, k, v, h, at, ai ` +
      'FROM unnest($1::text[], $2::text[], $3::bytea[], $4::bytea[], $5::jsonb[], $6::text[], $7::text[]) WITH ORDINALITY AS r(e, t, k, v, h, at, ai, n) ORDER BY n',
  };

  const toRow = (event: T, call: EnqueueOptions | undefined): Row => {
    const record: EncodedRecord = encode(event, call);
    const headers = { ...record.headers };
    // The caller's span (e.g. the request that changed the order) becomes the parent of the send.
    propagation.inject(context.active(), headers);
    const ceId = headers['ce_id'];
    const aggregate = call?.aggregate ?? (aggregateOf === undefined ? undefined : aggregateOf(event));
    const key = record.key === null ? null : Buffer.isBuffer(record.key) ? record.key : Buffer.from(record.key, 'utf8');
    return {
      eventId: typeof ceId === 'string' ? ceId : randomUUID(),
      topic: record.topic,
      key,
      value: record.value,
      headers: JSON.stringify(toStoredHeaders(headers)),
      aggregateType: aggregate?.type ?? record.topic,
      aggregateId:
        aggregate?.id ??
        (record.key === null ? null : typeof record.key === 'string' ? record.key : record.key.toString('utf8')),
    };
  };

  return {
    table: names.name,
    async enqueue(client, event, call) {
      const row = toRow(event, call);
      await client.query({
        ...insertOne,
        values: [row.eventId, row.topic, row.key, row.value, row.headers, row.aggregateType, row.aggregateId],
      });
      return { eventId: row.eventId, topic: row.topic };
    },
    async enqueueMany(client, events) {
      const rows = Array.from(events, (event) => toRow(event, undefined));
      if (rows.length === 0) return [];
      await client.query({
        ...insertMany,
        values: [
          rows.map((r) => r.eventId),
          rows.map((r) => r.topic),
          rows.map((r) => r.key),
          rows.map((r) => r.value),
          rows.map((r) => r.headers),
          rows.map((r) => r.aggregateType),
          rows.map((r) => r.aggregateId),
        ],
      });
      return rows.map((r) => ({ eventId: r.eventId, topic: r.topic }));
    },
  };
}
