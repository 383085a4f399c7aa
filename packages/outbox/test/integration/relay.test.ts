// The relay against the real PostgreSQL and the real single broker, judged by the reliability oracle.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { context, propagation, ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type pg from 'pg';
import { createOutbox, createOutboxRelay, createRelayPublisher, tableNames } from '../../src/index.js';
import type { Outbox, OutboxRelay } from '../../src/index.js';
import { brokers } from '../../../../test-support/brokers.js';
import { createTopic, uniqueTopic } from '../../../../test-support/kafka-admin.js';
import { postgres } from '../../../../test-support/postgres.js';
import { checkReliability } from '../../../../test-support/reliability-oracle.js';
import type { OracleEvent } from '../../../../test-support/reliability-oracle.js';
import {
  count,
  createPool,
  freshTable,
  memoryLogger,
  oracleCodec,
  published,
  readRawHeaders,
  readTopic,
  sleep,
  unpublished,
} from '../support/fixtures.js';
import { runWriters } from '../support/writers.js';

class TestReader extends MetricReader {
  protected override onShutdown(): Promise<void> {
    return Promise.resolve();
  }
  protected override onForceFlush(): Promise<void> {
    return Promise.resolve();
  }
}

let pool: pg.Pool;
const cleanups: Array<() => Promise<unknown>> = [];
beforeAll(() => {
  pool = createPool(postgres().url, 20);
});
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  await pool?.end();
});

/** A fresh table, topic, outbox and relay (started), all cleaned up after the file. */
async function setup(
  prefix: string,
  relayOptions: Partial<Parameters<typeof createOutboxRelay>[0]> = {},
  partitions = 8,
  publisherOptions: Partial<Parameters<typeof createRelayPublisher>[0]> = {},
) {
  const { table, drop } = await freshTable(pool);
  cleanups.push(drop);
  const topic = uniqueTopic(`herald-outbox-${prefix}`);
  await createTopic(brokers().single, { topic, partitions });
  const outbox = createOutbox<OracleEvent>({ topic, codec: oracleCodec, key: (e) => e.key, table });
  const logger = memoryLogger();
  const publisher = createRelayPublisher({ brokers: brokers().single, logger, ...publisherOptions });
  const relay = createOutboxRelay({ pool, publisher, table, logger, pollIntervalMs: 200, ...relayOptions });
  cleanups.push(async () => {
    await relay.stop();
    await publisher.close();
  });
  return { table, topic, outbox, relay, publisher, logger };
}

/** Commits `total` events (ids `<prefix>-<i>`, over `keys` keys) in transactions of 1000. */
async function fillBacklog(outbox: Outbox<OracleEvent>, prefix: string, total: number, keys: number): Promise<void> {
  const c = await pool.connect();
  try {
    for (let i = 0; i < total; i += 1000) {
      await c.query('BEGIN');
      await outbox.enqueueMany(
        c,
        Array.from({ length: Math.min(1000, total - i) }, (_, j) => ({
          id: `${prefix}-${i + j}`,
          key: `k-${(i + j) % keys}`,
          seq: i + j,
        })),
      );
      await c.query('COMMIT');
    }
  } finally {
    c.release();
  }
}

async function drained(table: string, timeout = 90_000): Promise<void> {
  await expect.poll(() => count(pool, table, unpublished(table)), { timeout, interval: 250 }).toBe(0);
}

function judge(committed: Set<string>, rolledBack: Set<string>, records: Awaited<ReturnType<typeof readTopic>>) {
  const report = checkReliability(
    committed.size + rolledBack.size,
    { acked: committed, failed: rolledBack, unknown: new Set() },
    records,
  );
  const badCeId = records.filter((r) => r.headers['ce_id'] !== (JSON.parse(r.value!.toString()) as OracleEvent).id);
  return { ...report, badCeId: badCeId.length };
}

describe.sequential('relay on real PostgreSQL and Kafka', () => {
  it('publishes 100k events from 8 concurrent writers with rollbacks exactly once, in order per aggregate', async () => {
    const { table, topic, outbox, relay } = await setup('100k', { batchSize: 2000, maxInFlight: 20_000 });
    relay.start();
    const started = Date.now();
    const { committed, rolledBack } = await runWriters(pool, outbox, {
      writers: 8,
      events: 100_000,
      keysPerWriter: 50,
      rollbackRate: 0.1,
      maxPerTransaction: 40,
    });
    await drained(table);
    const seconds = (Date.now() - started) / 1000;
    const readStarted = Date.now();
    const records = await readTopic(brokers().single, topic);
    console.log(`100k: read back in ${((Date.now() - readStarted) / 1000).toFixed(1)} s`);
    const report = judge(committed, rolledBack, records);
    console.log(
      `100k: ${committed.size} committed, ${rolledBack.size} rolled back, end to end ${seconds.toFixed(1)} s, relay stats ${JSON.stringify(relay.stats)}`,
    );
    expect(committed.size).toBe(100_000);
    expect(rolledBack.size).toBeGreaterThan(0);
    expect(records.length).toBe(100_000);
    expect(report.lost).toEqual([]);
    expect(report.duplicates).toEqual([]);
    expect(report.failedButWritten).toEqual([]);
    expect(report.reordered).toEqual([]);
    expect(report.badCeId).toBe(0);
  }, 240_000);

  it('with retention 0 deletes each row once acked: every committed event exactly once, in order, nothing kept', async () => {
    const { table, topic, outbox, relay } = await setup('delete-on-ack', {
      batchSize: 500,
      retention: { publishedOlderThanMs: 0 },
    });
    relay.start();
    const { committed, rolledBack } = await runWriters(pool, outbox, {
      writers: 4,
      events: 20_000,
      keysPerWriter: 20,
      rollbackRate: 0.1,
      maxPerTransaction: 40,
    });
    // Deleted, not marked: the table empties.
    await expect.poll(() => count(pool, table, 'true'), { timeout: 60_000, interval: 250 }).toBe(0);
    const records = await readTopic(brokers().single, topic);
    const report = judge(committed, rolledBack, records);
    expect(records.length).toBe(20_000);
    expect(report.lost).toEqual([]);
    expect(report.duplicates).toEqual([]);
    expect(report.failedButWritten).toEqual([]);
    expect(report.reordered).toEqual([]);
    expect(report.badCeId).toBe(0);
    expect(relay.stats.published).toBe(20_000);
  }, 120_000);

  it('records acked rows by moving the progress position, rewriting none; a relay started later resends none', async () => {
    const { table, topic, outbox, relay, publisher, logger } = await setup(
      'progress',
      { batchSize: 500, maxInFlight: 4000 },
      4,
    );
    const n = tableNames(table);
    const c = await pool.connect();
    await c.query('BEGIN');
    await outbox.enqueue(c, { id: 'marked-before', key: 'm', seq: 0 });
    await c.query('COMMIT');
    // A row marked one by one (as a relay before the progress table did): published, never sent.
    await c.query(`UPDATE ${n.table} SET published_at = now()`);
    c.release();
    const total = 3000;
    await fillBacklog(outbox, 'p', total, 20);
    const position = async (from: string, order = '') =>
      (
        await pool.query<{ t: string; i: string }>(
          `SELECT transaction_id::text AS t, id::text AS i FROM ${from}${order}`,
        )
      ).rows[0];
    relay.start();
    await expect.poll(() => relay.stats.published, { timeout: 30_000 }).toBe(total);
    const last = await position(n.table, ' ORDER BY transaction_id DESC, id DESC LIMIT 1');
    expect(await position(n.progress)).toEqual(last);
    expect(await count(pool, table, 'published_at IS NOT NULL')).toBe(1);
    expect(await count(pool, table, unpublished(table))).toBe(0);
    await relay.stop();

    const next = createOutboxRelay({ pool, publisher, table, logger, pollIntervalMs: 200 });
    cleanups.push(() => next.stop());
    next.start();
    await next.whenActive();
    const d = await pool.connect();
    await outbox.enqueue(d, { id: 'after', key: 'k-0', seq: total });
    d.release();
    await expect.poll(() => next.stats.published, { timeout: 30_000 }).toBe(1);
    const ids = (await readTopic(brokers().single, topic)).map(
      (r) => (JSON.parse(r.value!.toString()) as OracleEvent).id,
    );
    expect(ids).toHaveLength(total + 1);
    expect(new Set(ids).size).toBe(total + 1);
    expect(ids).toContain('after');
    expect(ids).not.toContain('marked-before');
  }, 60_000);

  it('never skips the rows of a long-running transaction that commits after later ones', async () => {
    const { table, topic, outbox, relay } = await setup('long-tx', {}, 1);
    relay.start();
    await relay.whenActive();
    const long = await pool.connect();
    try {
      await long.query('BEGIN');
      await outbox.enqueue(long, { id: 'long-1', key: 'long', seq: 0 });
      // Later transactions commit while the long one is open: their transaction ids are higher.
      const later: string[] = [];
      for (let i = 0; i < 50; i++) {
        const c = await pool.connect();
        await c.query('BEGIN');
        await outbox.enqueue(c, { id: `later-${i}`, key: `later-${i}`, seq: 0 });
        await c.query('COMMIT');
        c.release();
        later.push(`later-${i}`);
      }
      // The relay may not pass the open transaction: nothing after it is published yet.
      await sleep(1500);
      expect(await count(pool, table, published(table))).toBe(0);
      await outbox.enqueue(long, { id: 'long-2', key: 'long', seq: 1 });
      await long.query('COMMIT');
      await drained(table, 30_000);
      const records = await readTopic(brokers().single, topic);
      const ids = records.map((r) => (JSON.parse(r.value!.toString()) as OracleEvent).id);
      expect(ids.slice(0, 2)).toEqual(['long-1', 'long-2']);
      expect(new Set(ids)).toEqual(new Set(['long-1', 'long-2', ...later]));
      expect(ids.length).toBe(52);
    } finally {
      long.release();
    }
  }, 60_000);

  it('quarantines a permanently failing row with its error after maxAttempts and keeps publishing the rest', async () => {
    const { table, topic, outbox, relay } = await setup('quarantine', { maxAttempts: 2, retryBackoffMs: 50 }, 1);
    // A second relay publisher whose limit is below the big row's size: a permanent failure.
    await relay.stop();
    const logger = memoryLogger();
    const small = createRelayPublisher({ brokers: brokers().single, logger, kafka: { messageMaxBytes: 4096 } });
    const strict: OutboxRelay = createOutboxRelay({
      pool,
      publisher: small,
      table,
      logger,
      maxAttempts: 2,
      retryBackoffMs: 50,
      pollIntervalMs: 100,
    });
    cleanups.push(async () => {
      await strict.stop();
      await small.close();
    });
    const c = await pool.connect();
    await c.query('BEGIN');
    await outbox.enqueue(c, { id: 'ok-1', key: 'a', seq: 0 });
    await outbox.enqueue(c, { id: 'big', key: 'b', seq: 0, pad: 'x'.repeat(10_000) } as OracleEvent);
    await outbox.enqueue(c, { id: 'ok-2', key: 'a', seq: 1 });
    await c.query('COMMIT');
    c.release();
    strict.start();
    const n = tableNames(table);
    await expect
      .poll(
        async () => (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${n.quarantine}`)).rows[0]!.n,
        { timeout: 30_000 },
      )
      .toBe(1);
    const { rows } = await pool.query(`SELECT event_id, attempts, last_error, error_code FROM ${n.quarantine}`);
    expect(rows[0]).toMatchObject({ event_id: 'big', attempts: 2, error_code: 'MESSAGE_TOO_LARGE' });
    expect(rows[0].last_error).toMatch(/too large/i);
    await drained(table, 30_000);
    expect(strict.stats.quarantined).toBe(1);
    const ids = (await readTopic(brokers().single, topic)).map(
      (r) => (JSON.parse(r.value!.toString()) as OracleEvent).id,
    );
    expect(ids).toEqual(['ok-1', 'ok-2']);
  }, 60_000);

  it('deletes published rows past retention in bounded batches, and reports lag and counts as metrics', async () => {
    const reader = new TestReader();
    const meterProvider = new MeterProvider({ readers: [reader] });
    const { table, outbox, relay } = await setup(
      'retention',
      { retention: { publishedOlderThanMs: 1, intervalMs: 200, batchSize: 7 }, lagIntervalMs: 100, meterProvider },
      1,
    );
    const c = await pool.connect();
    await c.query('BEGIN');
    await outbox.enqueueMany(
      c,
      Array.from({ length: 50 }, (_, i) => ({ id: `r-${i}`, key: 'r', seq: i })),
    );
    await c.query('COMMIT');
    c.release();
    await sleep(300);
    // Before the relay runs, the oldest unpublished row is at least 300 ms old.
    relay.start();
    await expect.poll(() => relay.stats.published, { timeout: 30_000 }).toBe(50);
    await expect.poll(() => count(pool, table), { timeout: 30_000 }).toBe(0);
    expect(relay.stats.deleted).toBe(50);
    const { resourceMetrics } = await reader.collect();
    const all = resourceMetrics.scopeMetrics.flatMap((s) => s.metrics);
    const sum = (name: string) =>
      all
        .filter((m) => m.descriptor.name === name)
        .flatMap((m) => m.dataPoints as Array<{ value: unknown }>)
        .reduce((total, point) => total + Number(point.value), 0);
    expect(sum('herald.outbox.published')).toBe(50);
    expect(sum('herald.outbox.active')).toBe(1);
    expect(all.some((m) => m.descriptor.name === 'herald.outbox.lag')).toBe(true);
    await meterProvider.shutdown();
  }, 60_000);
  it('sends a traced row with the one traceparent captured at enqueue; the send span is its child and links to it', async () => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    const exporter = new InMemorySpanExporter();
    const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    try {
      const { topic, outbox, relay } = await setup('traced', {}, 1, { tracerProvider });
      // The request that placed the order: its span context is what enqueue captures.
      const request = {
        traceId: '0af7651916cd43dd8448eb211c80319c',
        spanId: 'b7ad6b7169203331',
        traceFlags: TraceFlags.SAMPLED,
      };
      await context.with(trace.setSpanContext(ROOT_CONTEXT, request), async () => {
        const c = await pool.connect();
        await c.query('BEGIN');
        await outbox.enqueue(c, { id: 'traced-1', key: 'k', seq: 0 });
        await c.query('COMMIT');
        c.release();
      });
      relay.start();
      await expect.poll(() => relay.stats.published, { timeout: 30_000 }).toBe(1);
      const [headers] = await readRawHeaders(brokers().single, topic, 1);
      expect(headers?.['traceparent']).toEqual([`00-${request.traceId}-${request.spanId}-01`]);
      expect(headers?.['ce_id']).toEqual(['traced-1']);
      const sends = exporter.getFinishedSpans().filter((s) => s.name === `send ${topic}`);
      expect(sends).toHaveLength(1);
      const send = sends[0]!;
      expect(send.spanContext().traceId).toBe(request.traceId);
      expect(send.parentSpanContext?.spanId).toBe(request.spanId);
      expect(send.links.map((l) => l.context.spanId)).toEqual([request.spanId]);
    } finally {
      await tracerProvider.shutdown();
      propagation.disable();
      context.disable();
    }
  }, 60_000);
  it('reads and marks a backlog the planner has no statistics for at a cost per batch, not per backlog', async () => {
    const { table, outbox, relay } = await setup('index-order', { batchSize: 500, maxInFlight: 5000 }, 1);
    const n = tableNames(table);
    // No autovacuum: the statistics stay those of an empty table, as after a sudden backlog.
    await pool.query(`ALTER TABLE ${n.table} SET (autovacuum_enabled = false)`);
    const total = 20_000;
    await fillBacklog(outbox, 'ix', total, 50);
    relay.start();
    // Not `drained`: its count reads the same index.
    await expect.poll(() => relay.stats.published, { timeout: 60_000 }).toBe(total);
    // Entries of the unpublished index the relay's statements returned: about one per row when each
    // read continues the ordered walk and each mark finds its rows by primary key; ~total²/(2·batch)
    // when a read sorts, or a mark scans, the whole remaining backlog (both seen before the fix).
    const read = async () =>
      (
        await pool.query<{ n: string }>(
          'SELECT idx_tup_read::text AS n FROM pg_stat_user_indexes WHERE indexrelname = $1',
          [`${table}_unpublished`],
        )
      ).rows[0]?.n;
    // An idle backend publishes its statistics within 10 s (PostgreSQL's idle stats interval).
    await expect
      .poll(async () => Number(await read()), { timeout: 15_000, interval: 250 })
      .toBeGreaterThanOrEqual(total);
    await sleep(1_500); // the server publishes a backend's statistics at most once a second
    expect(Number(await read())).toBeLessThan(3 * total);
  }, 120_000);
});
