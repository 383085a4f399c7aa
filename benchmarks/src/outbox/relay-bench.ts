// Relay throughput end to end: the publisher alone on the same records (the baseline), the relay
// draining a backlog (marking rows, then deleting them), and the relay behind writers at fixed rates and flat out, with the lag of
// each event from its COMMIT returning to its broker ack.
import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import type { DeliveryReport, EventPublisher, PublishOptions, PublishOutcome, RecordOptions } from '@herald/publisher';
import { createOutbox, createOutboxRelay, createRelayPublisher, migrate, tableNames } from '@herald/outbox';
import type { OutboxRecord } from '@herald/outbox';
import { summarizeLatency } from '../common/percentiles.js';
import { median } from '../common/stats.js';

/** One phase of the relay benchmark. */
export interface RelayRow {
  readonly phase: string;
  readonly offeredPerSec: number | undefined;
  readonly events: number;
  readonly eventsPerSec: number;
  /** Median over rounds of this phase's rate / the publisher alone's in the same round (drains only). */
  readonly vsPublisher?: number;
  /** Commit → ack, ms; undefined for phases without a commit (the publisher alone, the drain). */
  readonly lagP50Ms: number | undefined;
  readonly lagP99Ms: number | undefined;
}

export interface RelayBenchOptions<T> {
  readonly pool: pg.Pool;
  readonly brokers: string;
  readonly table: string;
  readonly record: RecordOptions<T>;
  readonly events: readonly T[];
  readonly rates: readonly number[];
  readonly durationS: number;
  /** Rounds of (publisher alone, drain marking, drain deleting). */
  readonly rounds: number;
  readonly log: (line: string) => void;
}

/** The relay's publisher, noting when each row's publish resolved (acked) by its event id. */
function ackClock(inner: EventPublisher<OutboxRecord>, acks: Map<string, number>): EventPublisher<OutboxRecord> {
  return {
    connect: () => inner.connect(),
    publish: (record: OutboxRecord, options?: PublishOptions): Promise<DeliveryReport> =>
      inner.publish(record, options).then((report) => {
        acks.set(record.eventId, performance.now());
        return report;
      }),
    publishBatch: (events: Iterable<OutboxRecord>): Promise<Array<PublishOutcome<OutboxRecord>>> =>
      inner.publishBatch(events),
    flush: (timeoutMs?: number) => inner.flush(timeoutMs),
    close: (options?: { readonly timeoutMs?: number }) => inner.close(options),
    get pending() {
      return inner.pending;
    },
    get closed() {
      return inner.closed;
    },
    [Symbol.asyncDispose]: () => inner[Symbol.asyncDispose](),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runRelayBench<T>(o: RelayBenchOptions<T>): Promise<RelayRow[]> {
  const rows: RelayRow[] = [];
  const n = tableNames(o.table);
  await migrate(o.pool, { table: o.table });
  const outbox = createOutbox({ ...o.record, table: o.table });
  const publisher = createRelayPublisher({ brokers: o.brokers });
  await publisher.connect();
  const reset = () => o.pool.query(`TRUNCATE ${n.table}; UPDATE ${n.progress} SET transaction_id = '0'::xid8, id = 0`);

  // Baseline: the same stored records, straight from memory through the same publisher.
  await reset();
  await fill(o.pool, outbox, o.events);
  const { rows: stored } = await o.pool.query<{
    event_id: string;
    topic: string;
    key: Buffer | null;
    value: Buffer;
    headers: Record<string, string>;
  }>(`SELECT event_id, topic, key, value, headers FROM ${n.table} ORDER BY transaction_id, id`);
  const records: OutboxRecord[] = stored.map((r, i) => ({
    id: String(i),
    eventId: r.event_id,
    topic: r.topic,
    key: r.key,
    value: r.value,
    headers: r.headers,
    attempts: 0,
    createdAt: new Date(),
  }));
  const alone = async (): Promise<number> => {
    const t0 = performance.now();
    await Promise.all(records.map((r) => publisher.publish(r)));
    return records.length / ((performance.now() - t0) / 1000);
  };

  /** A relay on the bench table, noting each row's ack time in `acks`. */
  const benchRelay = (acks: Map<string, number>, retention: false | { publishedOlderThanMs: 0 }) =>
    createOutboxRelay({
      pool: o.pool,
      publisher: ackClock(publisher, acks),
      table: o.table,
      batchSize: 2000,
      maxInFlight: 20_000,
      pollIntervalMs: 100,
      retention,
    });

  // The relay draining a backlog of the same rows: marking them published (the default), or
  // deleting them as they are acked (retention 0).
  const drain = async (retention: false | { publishedOlderThanMs: 0 }): Promise<number> => {
    await reset();
    await fill(o.pool, outbox, o.events);
    const acked = new Map<string, number>();
    const drainer = benchRelay(acked, retention);
    const t0 = performance.now();
    drainer.start();
    while (acked.size < records.length) await sleep(5);
    const elapsed = (Math.max(...acked.values()) - t0) / 1000;
    await drainer.stop();
    return records.length / elapsed;
  };

  // Rounds of the three, each drain judged against the publisher alone of its own round: a burst
  // of 50 000 publishes lasts under a second, and its rate swings by a third between runs. A first
  // round warms everything up and is not counted (the publisher alone ran 68k/s in it, then 95k
  // and 131k/s: JIT, librdkafka's and the broker's buffers).
  await alone();
  await drain(false);
  await drain({ publishedOlderThanMs: 0 });
  const rates = { alone: [] as number[], marking: [] as number[], deleting: [] as number[] };
  for (let round = 0; round < o.rounds; round++) {
    rates.alone.push(await alone());
    rates.marking.push(await drain(false));
    rates.deleting.push(await drain({ publishedOlderThanMs: 0 }));
    o.log(
      `round ${round + 1}: publisher alone ${rates.alone[round]!.toFixed(0)}/s, relay drain marking ${rates.marking[round]!.toFixed(0)}/s, deleting ${rates.deleting[round]!.toFixed(0)}/s`,
    );
  }
  const drainRow = (mode: string, perRound: readonly number[]): RelayRow => ({
    phase: `relay draining a ${records.length}-row backlog, ${mode}`,
    offeredPerSec: undefined,
    events: records.length,
    eventsPerSec: median(perRound),
    vsPublisher: median(perRound.map((rate, i) => rate / rates.alone[i]!)),
    lagP50Ms: undefined,
    lagP99Ms: undefined,
  });
  rows.push(
    {
      phase: 'publisher alone (same records)',
      offeredPerSec: undefined,
      events: records.length,
      eventsPerSec: median(rates.alone),
      vsPublisher: 1,
      lagP50Ms: undefined,
      lagP99Ms: undefined,
    },
    drainRow('marking rows', rates.marking),
    drainRow('deleting rows (retention 0)', rates.deleting),
  );

  // The relay behind writers, marking rows (the default).
  await reset();
  const acks = new Map<string, number>();
  const relay = benchRelay(acks, false);
  relay.start();

  // Writers committing at fixed rates (10 ms ticks), then flat out, with the relay running.
  for (const rate of [...o.rates, 0]) {
    await sleep(500);
    acks.clear();
    const commits = new Map<string, number>();
    const total = rate === 0 ? o.events.length : Math.min(o.events.length, Math.round(rate * o.durationS));
    const client = await o.pool.connect();
    const t0 = performance.now();
    try {
      let sent = 0;
      while (sent < total) {
        const due = rate === 0 ? total : Math.min(total, Math.round(((performance.now() - t0) / 1000) * rate));
        if (due <= sent) {
          await sleep(2);
          continue;
        }
        const batch = o.events.slice(sent, Math.min(due, sent + 500));
        await client.query('BEGIN');
        const stored = await outbox.enqueueMany(client, batch);
        await client.query('COMMIT');
        const at = performance.now();
        for (const s of stored) commits.set(s.eventId, at);
        sent += batch.length;
      }
    } finally {
      client.release();
    }
    while (acks.size < total) await sleep(5);
    const lags = [...commits].map(([id, at]) => (acks.get(id) ?? Number.NaN) - at);
    const lag = summarizeLatency(lags);
    const elapsed = (Math.max(...acks.values()) - t0) / 1000;
    rows.push({
      phase: rate === 0 ? 'relay behind a writer, flat out' : `relay behind a writer at ${rate}/s`,
      offeredPerSec: rate === 0 ? undefined : rate,
      events: total,
      eventsPerSec: total / elapsed,
      lagP50Ms: lag.p50,
      lagP99Ms: lag.p99,
    });
    o.log(`${rows[rows.length - 1]!.phase}: ${(total / elapsed).toFixed(0)}/s, lag p99 ${lag.p99.toFixed(1)} ms`);
    await reset();
  }
  await relay.stop();
  await publisher.close();
  await o.pool.query(
    `DROP TABLE IF EXISTS ${n.table}, ${n.quarantine}, ${n.migrations}, ${n.progress}; DROP FUNCTION IF EXISTS ${n.notifyFunction}()`,
  );
  return rows;
}

async function fill<T>(pool: pg.Pool, outbox: ReturnType<typeof createOutbox<T>>, events: readonly T[]): Promise<void> {
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
}
