// Test fixtures: a pool on the test PostgreSQL, a fresh outbox table per test, oracle events.
import { randomBytes } from 'node:crypto';
import kafka from '@confluentinc/kafka-javascript';
import pg from 'pg';
import { cloudEventHeaders } from '@herald/schemas';
import type { EventEncoder, Logger } from '@herald/publisher';
import { migrate, tableNames } from '../../src/index.js';
import { readHeaders } from '../../../headers/src/index.js';
import type { ConsumedRecord } from '../../../../test-support/kafka-admin.js';
import type { OracleEvent } from '../../../../test-support/reliability-oracle.js';

/** A pool that survives server restarts (an idle client's error would otherwise crash the worker). */
export function createPool(url: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', () => undefined);
  return pool;
}

/** A table name no other test uses, migrated; dropped again by the returned `drop`. */
export async function freshTable(pool: pg.Pool, prefix = 't'): Promise<{ table: string; drop: () => Promise<void> }> {
  const table = `${prefix}_${randomBytes(6).toString('hex')}`;
  await migrate(pool, { table });
  const n = tableNames(table);
  return {
    table,
    drop: async () => {
      await pool.query(
        `DROP TABLE IF EXISTS ${n.table}, ${n.quarantine}, ${n.migrations}, ${n.progress}; DROP FUNCTION IF EXISTS ${n.notifyFunction}()`,
      );
    },
  };
}

/** Oracle events as JSON with CloudEvents headers whose ce_id is the event id. */
export const oracleCodec: EventEncoder<OracleEvent> = {
  encode: (e) => Buffer.from(JSON.stringify(e)),
  headers: (e) => cloudEventHeaders({ id: e.id, source: '/herald/outbox-tests', type: 'com.herald.test.event.v1' }),
};

/** A logger that keeps lines in memory (and prints errors, so a failing test says why). */
export function memoryLogger(): Logger & { lines: Array<{ level: string; message: string; meta?: unknown }> } {
  const lines: Array<{ level: string; message: string; meta?: unknown }> = [];
  const at = (level: string) => (message: string, meta?: unknown) => void lines.push({ level, message, meta });
  return { lines, error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
}

/** Counts rows of the outbox table matching `where`. */
export async function count(pool: pg.Pool, table: string, where = 'true'): Promise<number> {
  const { rows } = await pool.query<{ n: string }>(
    `SELECT count(*)::text AS n FROM ${tableNames(table).table} WHERE ${where}`,
  );
  return Number(rows[0]?.n ?? 0);
}

/**
 * The condition of a row the relay has not recorded as published: a row is published when it is
 * at or before the progress position, or has `published_at` (docs/outbox.md, "The table").
 */
export const unpublished = (table: string): string =>
  `published_at IS NULL AND (transaction_id, id) > (SELECT transaction_id, id FROM ${tableNames(table).progress})`;

/** The condition of a row the relay has recorded as published. */
export const published = (table: string): string => `NOT (${unpublished(table)})`;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Records in a topic: the sum of its partitions' high-water marks (no transactions, no compaction). */
export async function topicSize(bootstrap: string, topic: string): Promise<number> {
  const { KafkaJS } = kafka;
  const admin = new KafkaJS.Kafka({
    kafkaJS: { brokers: bootstrap.split(','), logLevel: KafkaJS.logLevel.NOTHING },
  }).admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, p) => sum + Number(p.high), 0);
  } finally {
    await admin.disconnect();
  }
}

/** Each record's headers exactly as they reached the log: a repeated header keeps every value. */
export async function readRawHeaders(
  bootstrap: string,
  topic: string,
  count: number,
): Promise<Array<Record<string, string[]>>> {
  const { KafkaJS } = kafka;
  const consumer = new KafkaJS.Kafka({
    kafkaJS: { brokers: bootstrap.split(','), logLevel: KafkaJS.logLevel.NOTHING },
  }).consumer({
    kafkaJS: { groupId: `herald-test-${randomBytes(6).toString('hex')}`, fromBeginning: true, autoCommit: false },
  });
  const out: Array<Record<string, string[]>> = [];
  await consumer.connect();
  try {
    let done!: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    await consumer.subscribe({ topics: [topic] });
    await consumer.run({
      eachMessage: ({ message }) => {
        const headers: Record<string, string[]> = {};
        for (const [name, value] of Object.entries(message.headers ?? {})) {
          const values = Array.isArray(value) ? value : [value];
          headers[name] = values.map((v) => String(v));
        }
        out.push(headers);
        if (out.length >= count) done();
        return Promise.resolve();
      },
    });
    await Promise.race([finished, sleep(30_000)]);
  } finally {
    await consumer.disconnect();
  }
  return out;
}

/**
 * Everything in the topic, read to its high-water marks, in the shape of `consumeAll` (headers by
 * Herald's one rule: the last of a repeated header wins). Whole fetched batches at a time and all
 * partitions at once: a per-message callback reads 100k records several times slower.
 */
export async function readTopic(bootstrap: string, topic: string, timeoutMs = 120_000): Promise<ConsumedRecord[]> {
  const size = await topicSize(bootstrap, topic);
  const { KafkaJS } = kafka;
  const consumer = new KafkaJS.Kafka({
    kafkaJS: { brokers: bootstrap.split(','), logLevel: KafkaJS.logLevel.NOTHING },
  }).consumer({
    kafkaJS: { groupId: `herald-test-${randomBytes(6).toString('hex')}`, fromBeginning: true, autoCommit: false },
    'js.consumer.max.batch.size': -1,
  });
  const records: ConsumedRecord[] = [];
  await consumer.connect();
  try {
    let done!: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    if (size === 0) done();
    await consumer.subscribe({ topics: [topic] });
    await consumer.run({
      partitionsConsumedConcurrently: 8,
      eachBatch: ({ batch }) => {
        for (const message of batch.messages) {
          records.push({
            topic: batch.topic,
            partition: batch.partition,
            offset: Number(message.offset),
            key: message.key === null ? null : message.key.toString(),
            value: message.value,
            headers: Object.fromEntries(readHeaders(message.headers ?? {})),
          });
        }
        if (records.length >= size) done();
        return Promise.resolve();
      },
    });
    await Promise.race([finished, sleep(timeoutMs)]);
  } finally {
    await consumer.disconnect();
  }
  if (records.length !== size) throw new Error(`read ${records.length} of ${size} records of ${topic}`);
  // Partition by partition in offset order, as one consumer reading them one by one would see them.
  return records.sort((a, b) => a.partition - b.partition || a.offset - b.offset);
}
