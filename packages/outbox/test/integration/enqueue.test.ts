// enqueue/enqueueMany and migrate against the real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { context, propagation, ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { createRecordEncoder, EncodeError, InvalidKeyError } from '@herald/publisher';
import { SchemaValidationError } from '@herald/schemas';
import { orderEventMessageV1Codec, withCloudEvents, eventType } from '@herald/schemas';
import type { OrderEventMessage } from '@herald/schemas';
import type pg from 'pg';
import { createOutbox, migrate, tableNames } from '../../src/index.js';
import { postgres } from '../../../../test-support/postgres.js';
import { count, createPool, freshTable } from '../support/fixtures.js';

const codec = withCloudEvents(orderEventMessageV1Codec, {
  source: '/shop/orders',
  type: eventType('order.created', 1),
  subject: (o) => o.order_id,
});
const order = (id: string, total = 10): OrderEventMessage => ({
  order_id: id,
  created_at: '2026-12-01T10:00:00Z',
  customer_name: 'Ada',
  line_items: [{ line_item_id: 'l1', product_id: 'p1', product_title: 'Tea', quantity: 1, price: total }],
  total_price: total,
});

let pool: pg.Pool;
let table: string;
let drop: () => Promise<void>;
beforeAll(async () => {
  pool = createPool(postgres().url);
  ({ table, drop } = await freshTable(pool));
});
afterAll(async () => {
  await drop?.();
  await pool?.end();
});

async function inTransaction<R>(fn: (client: pg.PoolClient) => Promise<R>, commit = true): Promise<R> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query(commit ? 'COMMIT' : 'ROLLBACK');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

describe('migrate', () => {
  it('is idempotent and records its version', async () => {
    const again = await migrate(pool, { table });
    expect(again).toEqual({ table, applied: [], version: 2 });
    const { rows } = await pool.query(`SELECT indexdef FROM pg_indexes WHERE indexname = '${table}_unpublished'`);
    expect(rows[0]?.indexdef).toContain('WHERE (published_at IS NULL)');
  });
});

describe('enqueue', () => {
  it('stores exactly the record the publisher would build, with the transaction id and ce_id', async () => {
    const options = { topic: 'orders', codec, key: (o: OrderEventMessage) => o.order_id };
    const outbox = createOutbox({ ...options, table });
    const { eventId, xid } = await inTransaction(async (client) => {
      const stored = await outbox.enqueue(client, order('o-1'));
      const { rows } = await client.query<{ xid: string }>('SELECT pg_current_xact_id()::text AS xid');
      return { ...stored, xid: rows[0]!.xid };
    });
    const { rows } = await pool.query(
      `SELECT * , transaction_id::text AS xid FROM ${tableNames(table).table} WHERE event_id = $1`,
      [eventId],
    );
    const row = rows[0];
    const expected = createRecordEncoder(options)(order('o-1'));
    expect(row.xid).toBe(xid);
    expect(row.topic).toBe('orders');
    expect(row.key).toEqual(Buffer.from('o-1'));
    expect(row.value).toEqual(expected.value);
    expect(row.aggregate_type).toBe('orders');
    expect(row.aggregate_id).toBe('o-1');
    expect(row.headers['ce_id']).toBe(eventId);
    const { ce_id: _a, ce_time: _b, ...constant } = expected.headers;
    expect(row.headers).toMatchObject(constant);
    expect(row.published_at).toBeNull();
    expect(row.attempts).toBe(0);
  });

  it("throws the publisher's EncodeError (the codec's SchemaValidationError as cause) for an invalid event and inserts nothing", async () => {
    const outbox = createOutbox({ topic: 'orders', codec, key: (o: OrderEventMessage) => o.order_id, table });
    const before = await count(pool, table);
    const error = await inTransaction((client) => outbox.enqueue(client, { ...order('bad'), total_price: -1 })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(EncodeError);
    expect((error as EncodeError).cause).toBeInstanceOf(SchemaValidationError);
    await expect(
      inTransaction((client) =>
        outbox.enqueueMany(client, [order('ok-1'), { ...order('bad'), created_at: 'yesterday' }]),
      ),
    ).rejects.toBeInstanceOf(EncodeError);
    const badKey = createOutbox({ topic: 'orders', codec, key: () => 42 as unknown as string, table });
    await expect(inTransaction((client) => badKey.enqueue(client, order('k')))).rejects.toBeInstanceOf(InvalidKeyError);
    expect(await count(pool, table)).toBe(before);
  });

  it('leaves no row when the transaction rolls back', async () => {
    const outbox = createOutbox({ topic: 'orders', codec, key: (o: OrderEventMessage) => o.order_id, table });
    const { eventId } = await inTransaction((client) => outbox.enqueue(client, order('rolled-back')), false);
    expect(await count(pool, table, `event_id = '${eventId}'`)).toBe(0);
  });

  it('enqueueMany inserts every event in order, one sequence each, in one transaction', async () => {
    const outbox = createOutbox({
      route: () => 'orders.many',
      codec,
      key: (o: OrderEventMessage) => o.order_id,
      table,
      aggregate: (o) => ({ type: 'order', id: o.order_id }),
    });
    const stored = await inTransaction((client) =>
      outbox.enqueueMany(client, [order('m-1'), order('m-2'), order('m-3')]),
    );
    const { rows } = await pool.query<{ event_id: string; aggregate_type: string; aggregate_id: string; xid: string }>(
      `SELECT event_id, aggregate_type, aggregate_id, transaction_id::text AS xid FROM ${tableNames(table).table} WHERE topic = 'orders.many' ORDER BY id`,
    );
    expect(rows.map((r) => r.event_id)).toEqual(stored.map((s) => s.eventId));
    expect(rows.map((r) => r.aggregate_id)).toEqual(['m-1', 'm-2', 'm-3']);
    expect(new Set(rows.map((r) => r.xid)).size).toBe(1);
    expect(rows[0]!.aggregate_type).toBe('order');
  });

  it("captures the caller's trace context as traceparent", async () => {
    const manager = new AsyncLocalStorageContextManager().enable();
    context.setGlobalContextManager(manager);
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    try {
      const outbox = createOutbox({ topic: 'orders', codec, table });
      const spanContext = {
        traceId: '0af7651916cd43dd8448eb211c80319c',
        spanId: 'b7ad6b7169203331',
        traceFlags: TraceFlags.SAMPLED,
      };
      const { eventId } = await context.with(trace.setSpanContext(ROOT_CONTEXT, spanContext), () =>
        inTransaction((client) => outbox.enqueue(client, order('traced'))),
      );
      const { rows } = await pool.query(`SELECT headers FROM ${tableNames(table).table} WHERE event_id = $1`, [
        eventId,
      ]);
      expect(rows[0].headers.traceparent).toBe('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01');
    } finally {
      propagation.disable();
      context.disable();
    }
  });
});
