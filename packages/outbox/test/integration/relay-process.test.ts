// The relay as a process that dies: SIGKILL mid-batch and restart, and a standby taking over.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { createOutbox, createOutboxRelay, createRelayPublisher, tableNames } from '../../src/index.js';
import type { Outbox } from '../../src/index.js';
import { brokers } from '../../../../test-support/brokers.js';
import { createTopic, uniqueTopic } from '../../../../test-support/kafka-admin.js';
import { postgres } from '../../../../test-support/postgres.js';
import type { OracleEvent } from '../../../../test-support/reliability-oracle.js';
import {
  count,
  createPool,
  freshTable,
  memoryLogger,
  oracleCodec,
  published,
  readTopic,
  unpublished,
} from '../support/fixtures.js';
import { spawnRelay } from '../support/relay-process.js';
import type { RelayProcess } from '../support/relay-process.js';

let pool: pg.Pool;
const cleanups: Array<() => Promise<unknown>> = [];
const children: RelayProcess[] = [];
beforeAll(() => {
  pool = createPool(postgres().url, 10);
});
afterAll(async () => {
  for (const c of children) if (c.child.exitCode === null && c.child.signalCode === null) c.child.kill('SIGKILL');
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  await pool?.end();
});

async function setup(prefix: string) {
  const { table, drop } = await freshTable(pool);
  cleanups.push(drop);
  const topic = uniqueTopic(`herald-outbox-${prefix}`);
  await createTopic(brokers().single, { topic, partitions: 4 });
  const outbox = createOutbox<OracleEvent>({ topic, codec: oracleCodec, key: (e) => e.key, table });
  return { table, topic, outbox };
}

/** Commits `total` events over `keys` keys, 1000 per transaction. */
async function enqueue(outbox: Outbox<OracleEvent>, total: number, keys: number, from = 0): Promise<OracleEvent[]> {
  const events = Array.from({ length: total }, (_, i) => ({
    id: `e-${from + i}`,
    key: `k-${(from + i) % keys}`,
    seq: Math.floor((from + i) / keys),
  }));
  const client = await pool.connect();
  try {
    for (let i = 0; i < events.length; i += 1000) {
      await client.query('BEGIN');
      await outbox.enqueueMany(client, events.slice(i, i + 1000));
      await client.query('COMMIT');
    }
  } finally {
    client.release();
  }
  return events;
}

const spawn = (table: string, flags: string[] = []) => {
  const p = spawnRelay(postgres().url, brokers().single, table, flags);
  children.push(p);
  return p;
};

describe.sequential('relay process faults', () => {
  it('SIGKILLed mid-batch and restarted: loses nothing, duplicates only rows acked but not marked, with their ce_id', async () => {
    const { table, topic, outbox } = await setup('sigkill');
    const events = await enqueue(outbox, 40_000, 200);
    const first = spawn(table, ['--batch-size', '500', '--max-in-flight', '5000']);
    await first.active;
    await expect
      .poll(() => count(pool, table, published(table)), { timeout: 60_000, interval: 20 })
      .toBeGreaterThan(8_000);
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    const { rows } = await pool.query<{ event_id: string }>(
      `SELECT event_id FROM ${tableNames(table).table} WHERE ${unpublished(table)}`,
    );
    const unmarkedAtKill = new Set(rows.map((r) => r.event_id));
    expect(unmarkedAtKill.size).toBeGreaterThan(0);

    const second = spawn(table);
    await second.active;
    await expect.poll(() => count(pool, table, unpublished(table)), { timeout: 60_000, interval: 200 }).toBe(0);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);

    const records = await readTopic(brokers().single, topic);
    const seen = new Map<string, number>();
    const lastSeq = new Map<string, number>();
    const reordered = new Set<string>();
    let badCeId = 0;
    for (const r of records) {
      const e = JSON.parse(r.value!.toString()) as OracleEvent;
      if (r.headers['ce_id'] !== e.id) badCeId++;
      const n = (seen.get(e.id) ?? 0) + 1;
      seen.set(e.id, n);
      if (n > 1) continue; // a resend; order is judged on first deliveries
      if ((lastSeq.get(e.key) ?? -1) >= e.seq) reordered.add(e.key);
      lastSeq.set(e.key, e.seq);
    }
    const lost = events.filter((e) => !seen.has(e.id));
    const duplicates = [...seen].filter(([, n]) => n > 1).map(([id]) => id);
    console.log(
      `sigkill: ${records.length} records for ${events.length} events, ${duplicates.length} duplicates (${unmarkedAtKill.size} rows unmarked at the kill)`,
    );
    expect(lost).toEqual([]);
    expect(badCeId).toBe(0);
    expect(duplicates.filter((id) => !unmarkedAtKill.has(id))).toEqual([]);
    // At most what was in flight (--max-in-flight) can have been acked and not marked.
    expect(duplicates.length).toBeLessThanOrEqual(5000);
    expect(seen.size).toBe(events.length);
    expect(records.length).toBe(events.length + duplicates.length);
    expect(reordered).toEqual(new Set());
  }, 180_000);

  it('a standby relay takes over within 5 s of the active one dying', async () => {
    const { table, topic, outbox } = await setup('standby');
    const active = spawn(table, ['--standby-poll-ms', '500']);
    await active.active;
    const logger = memoryLogger();
    const publisher = createRelayPublisher({ brokers: brokers().single, logger });
    const standby = createOutboxRelay({ pool, publisher, table, logger, standbyPollMs: 500, pollIntervalMs: 200 });
    cleanups.push(async () => {
      await standby.stop();
      await publisher.close();
    });
    standby.start();
    await enqueue(outbox, 100, 10);
    await expect.poll(() => count(pool, table, unpublished(table)), { timeout: 30_000 }).toBe(0);
    expect(standby.role).toBe('standby');
    expect(standby.stats.published).toBe(0);

    const killedAt = Date.now();
    active.child.kill('SIGKILL');
    await standby.whenActive();
    const takeoverMs = Date.now() - killedAt;
    console.log(`standby took over ${takeoverMs} ms after SIGKILL`);
    expect(takeoverMs).toBeLessThan(5_000);
    await enqueue(outbox, 100, 10, 100);
    await expect.poll(() => standby.stats.published, { timeout: 30_000 }).toBe(100);
    const records = await readTopic(brokers().single, topic);
    expect(new Set(records.map((r) => r.headers['ce_id'])).size).toBe(200);
  }, 120_000);
});
