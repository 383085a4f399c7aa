// Kafka down for 30 s and PostgreSQL crashed and restarted once, on servers of their own (the
// fault broker, 127.0.0.1:9292, and the `fault` PostgreSQL, 127.0.0.1:55433), under the fault lock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureKafka } from '../../../../scripts/kafka/kafka.mjs';
import type { KafkaHandle } from '../../../../scripts/kafka/kafka.mjs';
import { ensurePostgres } from '../../../../scripts/postgres/postgres.mjs';
import type { PostgresHandle } from '../../../../scripts/postgres/postgres.mjs';
import type pg from 'pg';
import { createOutbox, createOutboxRelay, createRelayPublisher } from '../../src/index.js';
import { createTopic, uniqueTopic } from '../../../../test-support/kafka-admin.js';
import { checkReliability } from '../../../../test-support/reliability-oracle.js';
import type { OracleEvent } from '../../../../test-support/reliability-oracle.js';
import {
  count,
  createPool,
  freshTable,
  memoryLogger,
  oracleCodec,
  readTopic,
  sleep,
  unpublished,
} from '../support/fixtures.js';
import { acquireFaultLock } from '../support/fault-lock.js';
import { lockFaultBroker } from '../../../../test-support/fault-lock.js';
import { runWriters } from '../support/writers.js';

let release: (() => void) | undefined;
let unlockSuite: (() => void) | undefined;
let broker: KafkaHandle;
let server: PostgresHandle;
let pool: pg.Pool;
const cleanups: Array<() => Promise<unknown>> = [];
let brokerDown = false;
beforeAll(async () => {
  // The machine-wide lock (other worktrees), then the suite's own (other test files of this run).
  release = await acquireFaultLock();
  unlockSuite = await lockFaultBroker(900_000);
  [broker, server] = await Promise.all([
    ensureKafka({ mode: 'fault', log: false }),
    ensurePostgres({ instance: 'fault', log: false }),
  ]);
  pool = createPool(server.url, 10);
}, 1_200_000);
afterAll(async () => {
  try {
    // Leave the shared fault broker running for the next test that takes the lock.
    if (brokerDown) await broker.restartNode(1).catch(() => undefined);
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    await pool?.end();
    await server?.stop();
  } finally {
    unlockSuite?.();
    release?.();
  }
}, 120_000);

describe.sequential('outbox faults', () => {
  it('Kafka down 30 s, then PostgreSQL crashed and restarted: nothing lost, the relay recovers by itself', async () => {
    const { table, drop } = await freshTable(pool);
    cleanups.push(drop);
    const topic = uniqueTopic('herald-outbox-faults');
    await createTopic(broker.bootstrap, { topic, partitions: 4 });
    const outbox = createOutbox<OracleEvent>({ topic, codec: oracleCodec, key: (e) => e.key, table });
    const logger = memoryLogger();
    // Deliveries time out while the broker is away: the relay's retry path runs, not only librdkafka's.
    const publisher = createRelayPublisher({
      brokers: broker.bootstrap,
      logger,
      kafka: { messageTimeoutMs: 5000 },
      connectTimeoutMs: 60_000,
    });
    const relay = createOutboxRelay({
      pool,
      publisher,
      table,
      logger,
      pollIntervalMs: 200,
      retryBackoffMs: 200,
      maxRetryBackoffMs: 2000,
      standbyPollMs: 500,
      maxInFlight: 5000,
    });
    cleanups.push(async () => {
      await relay.stop();
      await publisher.close();
    });
    relay.start();
    await relay.whenActive();

    // Some traffic while Kafka is up, then the broker dies and writers go on for the 30 s it is away.
    const before = await runWriters(pool, outbox, {
      idPrefix: 'before',
      writers: 4,
      events: 1_000,
      keysPerWriter: 20,
      rollbackRate: 0.1,
      maxPerTransaction: 20,
    });
    await broker.killNode(1, 'SIGKILL');
    brokerDown = true;
    const downAt = Date.now();
    const during = await runWriters(pool, outbox, {
      idPrefix: 'during',
      writers: 4,
      events: 8_000,
      keysPerWriter: 20,
      rollbackRate: 0.1,
      maxPerTransaction: 20,
      onTransaction: async () => {
        await sleep(20);
      },
    });
    await sleep(Math.max(0, 30_000 - (Date.now() - downAt)));
    expect(await count(pool, table, unpublished(table))).toBeGreaterThan(0);
    await broker.restartNode(1);
    brokerDown = false;

    // Once the relay is catching up, PostgreSQL crashes (immediate shutdown) and comes back.
    await expect
      .poll(() => relay.stats.published, { timeout: 60_000, interval: 50 })
      .toBeGreaterThan(before.committed.size + 1_000);
    await server.restart({ mode: 'immediate', downMs: 2_000 });
    await expect
      .poll(() => count(pool, table, unpublished(table)).catch(() => -1), { timeout: 90_000, interval: 500 })
      .toBe(0);

    const committed = new Set([...before.committed, ...during.committed]);
    const rolledBack = new Set([...before.rolledBack, ...during.rolledBack]);
    const records = await readTopic(broker.bootstrap, topic);
    const report = checkReliability(
      committed.size + rolledBack.size,
      { acked: committed, failed: rolledBack, unknown: new Set() },
      records,
    );
    const badCeId = records.filter(
      (r) => r.headers['ce_id'] !== (JSON.parse(r.value!.toString()) as OracleEvent).id,
    ).length;
    console.log(
      `faults: ${committed.size} committed, ${records.length} records, ${report.duplicates.length} duplicates, stats ${JSON.stringify(relay.stats)}`,
    );
    expect(report.lost).toEqual([]);
    expect(report.failedButWritten).toEqual([]);
    expect(badCeId).toBe(0);
    expect(relay.stats.failedAttempts).toBeGreaterThan(0);
    expect(relay.role).toBe('active');
    // Resends happen only for rows in flight when the broker died (written, never acked) or whose
    // mark the crash cut off: at most maxInFlight per disruption. Each carries its ce_id (above).
    expect(report.duplicates.length).toBeLessThanOrEqual(2 * 5000);
  }, 300_000);
});
