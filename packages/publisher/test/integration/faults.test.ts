// Fault injection on a broker of its own (mode "fault", 127.0.0.1:9292): SIGKILL + restart and
// SIGSTOP, checked by the reliability oracle. Runs its files' tests one after another.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureKafka } from '../../../../scripts/kafka/kafka.mjs';
import type { KafkaHandle } from '../../../../scripts/kafka/kafka.mjs';
import { createPublisher } from '../../src/index.js';
import type { EventPublisher, PublisherError, PublisherOptions } from '../../src/index.js';
import { consumeAll, createTopic, uniqueTopic } from '../../../../test-support/kafka-admin.js';
import { checkReliability, newOutcomes } from '../../../../test-support/reliability-oracle.js';
import type { OracleEvent, Outcomes } from '../../../../test-support/reliability-oracle.js';
import { lockFaultBroker } from '../../../../test-support/fault-lock.js';
import { memoryLogger } from '../support/fake-transport.js';
import { transportUnderTest } from '../support/transport-under-test.js';

const codec = { encode: (e: OracleEvent) => Buffer.from(JSON.stringify(e)) };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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

/** A fresh 3-partition topic on the fault broker and a publisher for it. */
async function topicAndPublisher(
  prefix: string,
  extra: Partial<PublisherOptions<OracleEvent>> = {},
  logger = memoryLogger(),
) {
  const topic = uniqueTopic(prefix);
  await createTopic(broker.bootstrap, { topic, partitions: 3 });
  const publisher = createPublisher<OracleEvent>({
    transport: transportUnderTest(),
    brokers: broker.bootstrap,
    topic,
    codec,
    key: (e) => e.key,
    logger,
    ...extra,
  });
  return { topic, publisher };
}

/** Publishes `total` events over `keys` keys in batches, recording every outcome. */
function publishStream(
  publisher: EventPublisher<OracleEvent>,
  total: number,
  keys: number,
  outcomes: Outcomes,
  batch = 500,
) {
  const seqs = new Map<string, number>();
  let published = 0;
  const done = (async () => {
    while (published < total) {
      const settled: Array<Promise<void>> = [];
      for (const end = Math.min(total, published + batch); published < end; published++) {
        const key = `k-${published % keys}`;
        const seq = seqs.get(key) ?? 0;
        seqs.set(key, seq + 1);
        const id = `e-${published}`;
        settled.push(
          publisher.publish({ id, key, seq }).then(
            () => void outcomes.acked.add(id),
            (error: PublisherError) =>
              void (error.outcome === 'not-written' ? outcomes.failed : outcomes.unknown).add(id),
          ),
        );
      }
      await Promise.all(settled);
    }
  })();
  return { done, progress: () => published };
}

describe.sequential('faults on a real broker', () => {
  it('loses nothing acked and duplicates nothing when the broker is SIGKILLed and restarted mid-stream', async () => {
    const logger = memoryLogger();
    const { topic, publisher } = await topicAndPublisher('herald-kill', {}, logger);
    const outcomes = newOutcomes();
    const total = 30_000;
    const stream = publishStream(publisher, total, 100, outcomes);
    await expect.poll(() => outcomes.acked.size, { timeout: 30_000 }).toBeGreaterThan(5_000);
    await broker.killNode(1, 'SIGKILL');
    await sleep(2_000);
    await broker.restartNode(1);
    await stream.done;
    await publisher.close({ timeoutMs: 30_000 });

    const records = await consumeAll(broker.bootstrap, topic, outcomes.acked.size + outcomes.unknown.size, 30_000);
    const report = checkReliability(total, outcomes, records);
    expect(report.acked + report.failed + report.unknown).toBe(total);
    expect(report.lost).toEqual([]);
    expect(report.duplicates).toEqual([]);
    expect(report.failedButWritten).toEqual([]);
    expect(report.reordered).toEqual([]);
    expect(logger.lines.filter((l) => l.message.startsWith('fatal'))).toEqual([]);
  }, 180_000);

  it('makes publishes wait while the broker is paused, then completes them all after SIGCONT', async () => {
    const { topic, publisher } = await topicAndPublisher('herald-pause', { maxInFlight: 1_000 });
    await publisher.connect();
    const outcomes = newOutcomes();
    await broker.pauseNode(1);
    const stream = publishStream(publisher, 5_000, 50, outcomes, 5_000);
    await sleep(3_000);
    // Nothing can be acked and the in-flight cap holds the rest back, without errors.
    expect(outcomes.acked.size + outcomes.failed.size + outcomes.unknown.size).toBe(0);
    expect(publisher.pending).toBe(5_000);
    await broker.resumeNode(1);
    await stream.done;
    expect(outcomes.acked.size).toBe(5_000);
    await publisher.close();
    const report = checkReliability(5_000, outcomes, await consumeAll(broker.bootstrap, topic, 5_000, 30_000));
    expect(report).toMatchObject({ lost: [], duplicates: [], reordered: [] });
  }, 120_000);

  it('settles publishes as unknown outcome when a pause outlasts message.timeout.ms, and writes none reported failed', async () => {
    const { topic, publisher } = await topicAndPublisher('herald-timeout', {
      kafka: { messageTimeoutMs: 4_000, requestTimeoutMs: 3_000 },
    });
    // One ack first: the producer id is there, so a request is in flight when the pause begins.
    await publisher.publish({ id: 'warm-up', key: 'k-w', seq: 0 });
    const outcomes = newOutcomes();
    await broker.pauseNode(1);
    const stream = publishStream(publisher, 2_000, 20, outcomes, 2_000);
    await sleep(7_000);
    await broker.resumeNode(1);
    await stream.done;
    // Sent without an answer: unknown. The native transport also knows which were never sent
    // (librdkafka's persistence status, how many depends on the batching): those are not written,
    // and the oracle below proves it.
    expect(outcomes.unknown.size).toBeGreaterThan(0);
    expect(outcomes.acked.size + outcomes.failed.size + outcomes.unknown.size).toBe(2_000);
    // Afterwards the publisher works again.
    await expect(publisher.publish({ id: 'after', key: 'k-0', seq: 10_000 })).resolves.toMatchObject({ topic });
    outcomes.acked.add('after');
    await publisher.close();
    outcomes.acked.add('warm-up');
    const records = await consumeAll(broker.bootstrap, topic, 2_002, 15_000);
    const report = checkReliability(2_002, outcomes, records);
    expect(report.lost).toEqual([]);
    expect(report.duplicates).toEqual([]);
    expect(report.failedButWritten).toEqual([]);
  }, 120_000);
});
