// Retry and circuit breaker while the fault broker (127.0.0.1:9292) is down for 30 s under a
// steady 1k events/s, judged by the reliability oracle. Takes the fault broker's lock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureKafka } from '../../../../scripts/kafka/kafka.mjs';
import type { KafkaHandle } from '../../../../scripts/kafka/kafka.mjs';
import { createPublisher } from '../../src/index.js';
import type { EventPublisher, PublisherError, PublisherOptions } from '../../src/index.js';
import { lockFaultBroker } from '../../../../test-support/fault-lock.js';
import { consumeAll, createTopic, uniqueTopic } from '../../../../test-support/kafka-admin.js';
import type { ConsumedRecord } from '../../../../test-support/kafka-admin.js';
import { checkReliability, newOutcomes } from '../../../../test-support/reliability-oracle.js';
import type { OracleEvent, Outcomes } from '../../../../test-support/reliability-oracle.js';

const codec = {
  encode: (e: OracleEvent) => Buffer.from(JSON.stringify(e)),
  headers: (e: OracleEvent) => ({ ce_id: e.id }),
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const OUTAGE_MS = 30_000;

let broker: KafkaHandle;
let unlock: (() => void) | undefined;
beforeAll(async () => {
  unlock = await lockFaultBroker();
  broker = await ensureKafka({ mode: 'fault', log: false });
}, 600_000);
afterAll(async () => {
  await broker?.stop();
  unlock?.();
});

/** A logger that keeps every line with its time. */
function timedLogger() {
  const lines: Array<{ at: number; level: string; message: string; meta: unknown }> = [];
  const at = (level: string) => (message: string, meta?: unknown) =>
    void lines.push({ at: Date.now(), level, message, meta });
  return { lines, error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
}

interface Settled {
  readonly publishedAt: number;
  readonly settledAt: number;
  readonly code: string | undefined;
}

/**
 * Publishes `perSecond` events a second over `keys` keys until `stop()`, recording outcomes. Each
 * 10 ms tick catches up to the schedule, so a loaded machine's late timers do not lower the rate.
 */
function pacedStream(publisher: EventPublisher<OracleEvent>, perSecond: number, keys: number, outcomes: Outcomes) {
  const seqs = new Map<string, number>();
  const settled: Settled[] = [];
  const all: Array<Promise<void>> = [];
  let published = 0;
  const started = Date.now();
  let stopped = false;
  let elapsedMs = 0;
  const done = new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      if (stopped) {
        clearInterval(timer);
        elapsedMs = Date.now() - started;
        resolve();
        return;
      }
      const due = Math.floor(((Date.now() - started) * perSecond) / 1_000);
      for (; published < due; published++) {
        const key = `k-${published % keys}`;
        const seq = seqs.get(key) ?? 0;
        seqs.set(key, seq + 1);
        const id = `e-${published}`;
        const publishedAt = Date.now();
        all.push(
          publisher.publish({ id, key, seq }).then(
            () => {
              outcomes.acked.add(id);
              settled.push({ publishedAt, settledAt: Date.now(), code: undefined });
            },
            (error: PublisherError) => {
              (error.outcome === 'not-written' ? outcomes.failed : outcomes.unknown).add(id);
              settled.push({ publishedAt, settledAt: Date.now(), code: error.code });
            },
          ),
        );
      }
    }, 10);
  }).then(() => Promise.all(all));
  return {
    done,
    settled,
    published: () => published,
    /** Stops publishing; `done` then resolves once every publish settled. */
    stop: () => void (stopped = true),
    ratePerSecond: () => Math.round((published * 1_000) / Math.max(1, elapsedMs)),
  };
}

/**
 * Reads the topic until it holds `total` distinct events (or stops growing): duplicates make the
 * raw count larger than `total`, so one read to `total` records could stop short.
 */
async function readAll(topic: string, total: number): Promise<ConsumedRecord[]> {
  let count = total;
  for (;;) {
    const raw = await consumeAll(broker.bootstrap, topic, count, 180_000);
    const missing = total - firstCopies(raw).length;
    if (missing <= 0 || raw.length < count) return raw;
    count += missing;
  }
}

/** The first copy of every event: what a consumer that dedupes by `ce_id` sees. */
function firstCopies(records: ReadonlyArray<ConsumedRecord>): ConsumedRecord[] {
  const seen = new Set<string>();
  return records.filter((r) => {
    const id = r.headers['ce_id'] ?? '';
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

async function topicAndPublisher(
  prefix: string,
  extra: Partial<PublisherOptions<OracleEvent>>,
  logger: ReturnType<typeof timedLogger>,
) {
  const topic = uniqueTopic(prefix);
  await createTopic(broker.bootstrap, { topic, partitions: 3 });
  const publisher = createPublisher<OracleEvent>({
    brokers: broker.bootstrap,
    topic,
    codec,
    key: (e) => e.key,
    logger,
    kafka: { messageTimeoutMs: 5_000, requestTimeoutMs: 3_000 },
    retry: {
      on: 'not-written-or-unknown',
      maxAttempts: 1_000,
      maxElapsedMs: 180_000,
      initialDelayMs: 250,
      maxDelayMs: 2_000,
    },
    ...extra,
  });
  return { topic, publisher };
}

describe.sequential('resilience on a real broker that goes away for 30 s', () => {
  it('retries through the outage: every event acked, in order per key; duplicates only of unknown outcomes, same ce_id', async () => {
    const logger = timedLogger();
    const { topic, publisher } = await topicAndPublisher('herald-retry-outage', {}, logger);
    await publisher.connect();
    const outcomes = newOutcomes();
    const stream = pacedStream(publisher, 1_000, 100, outcomes);
    await sleep(5_000);
    await broker.killNode(1, 'SIGKILL');
    await sleep(OUTAGE_MS);
    await broker.restartNode(1);
    // Keep publishing a while after the broker is back (its restart time varies with the load).
    await sleep(10_000);
    stream.stop();
    await stream.done;
    await publisher.close({ timeoutMs: 30_000 });
    const total = stream.published();
    const rate = stream.ratePerSecond();

    const raw = await readAll(topic, total);
    const deduped = firstCopies(raw);
    const report = checkReliability(total, outcomes, deduped);
    const duplicates = raw.length - deduped.length;
    console.info(
      `[oracle] retry-outage ${JSON.stringify({ sent: total, ratePerSecond: rate, acked: report.acked, failed: report.failed, unknown: report.unknown, inTopic: raw.length, duplicates, lost: report.lost.length, reordered: report.reordered.length })}`,
    );
    expect(report.acked).toBe(total);
    expect(report.lost).toEqual([]);
    expect(report.reordered).toEqual([]);
    expect(deduped).toHaveLength(total);
    // Every extra copy carries the ce_id of its event (same bytes and headers on every attempt).
    for (const record of raw)
      expect(record.headers['ce_id']).toBe((JSON.parse(record.value!.toString()) as OracleEvent).id);
    expect(logger.lines.some((l) => l.message.startsWith('publishes are failing: retrying them'))).toBe(true);
  }, 600_000);

  it('with the circuit breaker: fails fast within 1 s of opening, the probe closes it after the outage', async () => {
    const logger = timedLogger();
    const { topic, publisher } = await topicAndPublisher(
      'herald-breaker-outage',
      { circuitBreaker: { failureThreshold: 20, openMs: 2_000 } },
      logger,
    );
    await publisher.connect();
    const outcomes = newOutcomes();
    const stream = pacedStream(publisher, 1_000, 100, outcomes);
    await sleep(5_000);
    await broker.killNode(1, 'SIGKILL');
    await sleep(OUTAGE_MS);
    await broker.restartNode(1);
    const restartedAt = Date.now();
    // Publish until well after the probe closed the breaker.
    await expect
      .poll(() => logger.lines.findLast((l) => l.message.startsWith('circuit breaker'))?.message, { timeout: 60_000 })
      .toBe('circuit breaker closed');
    await sleep(5_000);
    stream.stop();
    await stream.done;
    await publisher.close({ timeoutMs: 30_000 });
    const total = stream.published();

    const transitions = logger.lines.filter((l) => l.message.startsWith('circuit breaker'));
    const openedAt = transitions.find((l) => l.message === 'circuit breaker open')?.at ?? Number.NaN;
    const closedAt = transitions.findLast((l) => l.message === 'circuit breaker closed')?.at ?? Number.NaN;
    const fastFails = stream.settled.filter((s) => s.code === 'CIRCUIT_OPEN');
    const firstFastFail = Math.min(...fastFails.map((s) => s.settledAt));
    const slowestFastFail = Math.max(...fastFails.map((s) => s.settledAt - s.publishedAt));
    const afterClose = stream.settled.filter((s) => s.publishedAt > closedAt);

    const raw = await readAll(topic, outcomes.acked.size + outcomes.unknown.size);
    const deduped = firstCopies(raw);
    const report = checkReliability(total, outcomes, deduped);
    console.info(
      `[oracle] breaker-outage ${JSON.stringify({
        sent: total,
        ratePerSecond: stream.ratePerSecond(),
        acked: report.acked,
        failedCircuitOpen: fastFails.length,
        failed: report.failed,
        unknown: report.unknown,
        duplicates: raw.length - deduped.length,
        lost: report.lost.length,
        failedButWritten: report.failedButWritten.length,
        reordered: report.reordered.length,
        firstFastFailAfterOpenMs: firstFastFail - openedAt,
        slowestFastFailMs: slowestFastFail,
        closedAfterRestartMs: closedAt - restartedAt,
        transitions: transitions.map((l) => l.message.replace('circuit breaker ', '')),
      })}`,
    );
    expect(Number.isFinite(openedAt)).toBe(true);
    expect(fastFails.length).toBeGreaterThan(100);
    expect(firstFastFail - openedAt).toBeLessThan(1_000);
    expect(slowestFastFail).toBeLessThan(1_000);
    expect(closedAt).toBeGreaterThan(restartedAt - 10_000);
    expect(afterClose.length).toBeGreaterThan(0);
    expect(afterClose.every((s) => s.code === undefined)).toBe(true);
    // Nothing reported not-written is in the topic; everything else ended acked, in order.
    expect(report.acked + report.failed).toBe(total);
    expect(report.failed).toBe(fastFails.length);
    expect(report.failedButWritten).toEqual([]);
    expect(report.lost).toEqual([]);
    expect(report.reordered).toEqual([]);
  }, 600_000);
});
