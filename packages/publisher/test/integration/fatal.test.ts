// A fatal producer error on a real broker (native transport: librdkafka's own fatal-error trigger;
// the CKJS binding has none): what was in flight settles as unknown outcome, the publisher replaces
// the producer and goes on, and the log holds nothing twice and nothing acked is missing.
import { afterAll, describe, expect, it } from 'vitest';
import { createPublisher, FatalProducerError } from '../../src/index.js';
import type { EventPublisher, Transport } from '../../src/index.js';
import { createNativeTransport, triggerFatalError } from '../../src/transport/native-transport.js';
import { brokers } from '../../../../test-support/brokers.js';
import { consumeAll, createTopic, uniqueTopic } from '../../../../test-support/kafka-admin.js';
import { checkReliability, newOutcomes } from '../../../../test-support/reliability-oracle.js';
import type { OracleEvent } from '../../../../test-support/reliability-oracle.js';
import { jsonCodec, memoryLogger } from '../support/fake-transport.js';
import { transportName } from '../support/transport-under-test.js';

const open: Array<EventPublisher<OracleEvent>> = [];
afterAll(async () => {
  await Promise.all(open.map((p) => p.close({ timeoutMs: 5_000 })));
});

describe.skipIf(transportName() !== 'native')('fatal producer error on a real broker', () => {
  it('fails what was in flight as unknown, replaces the producer, and publishes on without duplicates', async () => {
    const topic = uniqueTopic('herald-fatal');
    await createTopic(brokers().single, { topic, partitions: 3 });
    const made: Transport[] = [];
    const logger = memoryLogger();
    const publisher = createPublisher<OracleEvent>({
      brokers: brokers().single,
      topic,
      codec: { encode: (e) => jsonCodec.encode(e) },
      key: (e) => e.key,
      logger,
      transport: (context) => {
        const transport = createNativeTransport(context);
        made.push(transport);
        return transport;
      },
    });
    open.push(publisher);
    const outcomes = newOutcomes();
    const seqs = new Map<string, number>();
    let n = 0;
    const publish = () => {
      const key = `k-${n % 10}`;
      const seq = seqs.get(key) ?? 0;
      seqs.set(key, seq + 1);
      const id = `e-${n++}`;
      return publisher.publish({ id, key, seq }).then(
        () => void outcomes.acked.add(id),
        (error: unknown) => {
          expect(error).toBeInstanceOf(FatalProducerError);
          expect(error).toMatchObject({ code: 'FATAL_PRODUCER', outcome: 'unknown' });
          outcomes.unknown.add(id);
        },
      );
    };
    await Promise.all(Array.from({ length: 200 }, publish));
    const inFlight = Array.from({ length: 2_000 }, publish);
    expect(triggerFatalError(made[0]!)).toBe(0);
    await Promise.all(inFlight);
    expect(outcomes.unknown.size).toBeGreaterThan(0);
    // The successor is made once the old producer is destroyed.
    await expect.poll(() => made.length, { timeout: 10_000 }).toBe(2);
    expect(logger.lines.filter((l) => l.message === 'fatal producer error: replacing the producer')).toHaveLength(1);
    // The fresh producer takes over: everything after the error is acked.
    const after = n;
    await Promise.all(Array.from({ length: 200 }, publish));
    for (let i = after; i < n; i++) expect(outcomes.acked.has(`e-${i}`)).toBe(true);
    expect(triggerFatalError(made[0]!)).toBeLessThan(0); // the old producer is gone
    await publisher.close();
    // Unknown outcomes may or may not be in the log: read until all could be, or 15 s passed.
    const records = await consumeAll(brokers().single, topic, n, 15_000);
    const report = checkReliability(n, outcomes, records);
    expect(report.lost).toEqual([]);
    expect(report.duplicates).toEqual([]);
    expect(report.reordered).toEqual([]);
  });
});
