// The publisher against the real single-node broker: volume with ordering, and every bad input.
import { afterAll, describe, expect, it } from 'vitest';
import {
  BrokerUnreachableError,
  createPublisher,
  InvalidHeaderError,
  InvalidKeyError,
  InvalidTopicError,
  MessageTooLargeError,
  EncodeError,
  UnknownTopicError,
} from '../../src/index.js';
import type { DeliveryReport, EventPublisher } from '../../src/index.js';
import { brokers } from '../../../../test-support/brokers.js';
import { consumeAll, createTopic, uniqueTopic } from '../../../../test-support/kafka-admin.js';
import { jsonCodec, memoryLogger } from '../support/fake-transport.js';
import { transportName, transportUnderTest } from '../support/transport-under-test.js';

interface Event {
  readonly id: string;
  readonly key: string;
  readonly seq: number;
  readonly pad?: string;
}

const codec = {
  encode(event: Event): Buffer {
    if (typeof event.id !== 'string' || !Number.isInteger(event.seq)) throw new TypeError('not an Event');
    return Buffer.from(JSON.stringify(event));
  },
};

const open: Array<EventPublisher<never>> = [];
function publisherFor(topic: string, extra: Record<string, unknown> = {}): EventPublisher<Event> {
  const publisher = createPublisher<Event>({
    transport: transportUnderTest(),
    brokers: brokers().single,
    topic,
    codec,
    key: (e) => e.key,
    logger: memoryLogger(),
    ...extra,
  });
  open.push(publisher as EventPublisher<never>);
  return publisher;
}
afterAll(async () => {
  await Promise.all(open.map((p) => p.close({ timeoutMs: 5_000 })));
});

describe('publisher on a real broker', () => {
  it('delivers 100 000 events over 1 000 keys exactly once, in order per key, at the reported offsets', async () => {
    const topic = uniqueTopic('herald-volume');
    await createTopic(brokers().single, { topic, partitions: 6 });
    const publisher = publisherFor(topic);
    const total = 100_000;
    const seqByKey = new Map<string, number>();
    const deliveries: Array<Promise<DeliveryReport>> = [];
    for (let i = 0; i < total; i++) {
      const key = `k-${i % 1_000}`;
      const seq = seqByKey.get(key) ?? 0;
      seqByKey.set(key, seq + 1);
      deliveries.push(publisher.publish({ id: `e-${i}`, key, seq, pad: 'x'.repeat(400) }));
    }
    await publisher.flush(60_000);
    const reports = await Promise.all(deliveries);
    expect(publisher.pending).toBe(0);

    const records = await consumeAll(brokers().single, topic, total, 90_000);
    expect(records).toHaveLength(total);
    const seen = new Set<string>();
    const lastSeq = new Map<string, number>();
    const partitionOfKey = new Map<string, number>();
    const offsetById = new Map<string, string>();
    for (const record of records) {
      const event = JSON.parse(record.value!.toString()) as Event;
      expect(seen.has(event.id)).toBe(false);
      seen.add(event.id);
      expect(record.key).toBe(event.key);
      expect(event.seq).toBe((lastSeq.get(event.key) ?? -1) + 1);
      lastSeq.set(event.key, event.seq);
      expect(partitionOfKey.get(event.key) ?? record.partition).toBe(record.partition);
      partitionOfKey.set(event.key, record.partition);
      offsetById.set(event.id, `${record.partition}:${record.offset}`);
    }
    reports.forEach((report, i) => {
      expect(`${report.partition}:${report.offset}`).toBe(offsetById.get(`e-${i}`));
    });
  }, 180_000);

  it.each([
    ['an invalid event', { id: 1, key: 'k', seq: 0 }, undefined, EncodeError],
    ['a non-string key', { id: 'a', key: 7, seq: 0 }, undefined, InvalidKeyError],
    ['a bad header value', { id: 'a', key: 'k', seq: 0 }, { headers: { h: 1 } }, InvalidHeaderError],
    ['an invalid topic name', { id: 'a', key: 'k', seq: 0 }, { topic: 'bad topic!' }, InvalidTopicError],
  ])('rejects %s before anything is sent, and stays usable', async (_name, event, call, ErrorClass) => {
    const topic = uniqueTopic('herald-bad');
    await createTopic(brokers().single, { topic });
    const publisher = publisherFor(topic);
    await expect(publisher.publish(event as unknown as Event, call as never)).rejects.toBeInstanceOf(ErrorClass);
    await expect(publisher.publish({ id: 'ok', key: 'k', seq: 0 })).resolves.toMatchObject({ topic, offset: 0 });
    const records = await consumeAll(brokers().single, topic, 2, 5_000);
    expect(records.map((r) => r.key)).toEqual(['k']);
  });

  it('fails an unknown topic fast with UnknownTopicError and does not create it', async () => {
    const topic = uniqueTopic('herald-missing');
    const publisher = publisherFor(topic);
    const started = Date.now();
    const error = await publisher.publish({ id: 'a', key: 'k', seq: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnknownTopicError);
    expect(error).toMatchObject({ code: 'UNKNOWN_TOPIC', outcome: 'not-written', retriable: false });
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('fails a record over message.max.bytes at once, and one over the topic limit at the broker', async () => {
    const topic = uniqueTopic('herald-large');
    await createTopic(brokers().single, { topic, configs: { 'max.message.bytes': '2000' } });
    const publisher = publisherFor(topic, { kafka: { messageMaxBytes: 100_000, compression: 'none' } });
    const local = await publisher
      .publish({ id: 'a', key: 'k', seq: 0, pad: 'x'.repeat(200_000) })
      .catch((e: unknown) => e);
    expect(local).toBeInstanceOf(MessageTooLargeError);
    expect(local).toMatchObject({ kafkaCode: 10, outcome: 'not-written' });
    const remote = await publisher
      .publish({ id: 'b', key: 'k', seq: 1, pad: 'x'.repeat(5_000) })
      .catch((e: unknown) => e);
    expect(remote).toBeInstanceOf(MessageTooLargeError);
    await expect(publisher.publish({ id: 'c', key: 'k', seq: 2 })).resolves.toMatchObject({ offset: 0 });
    expect(
      (await consumeAll(brokers().single, topic, 3, 5_000)).map((r) => (JSON.parse(r.value!.toString()) as Event).id),
    ).toEqual(['c']);
  });

  it(`runs on the ${transportName()} transport and says so in the resolved-config log`, async () => {
    const topic = uniqueTopic('herald-which');
    await createTopic(brokers().single, { topic });
    const logger = memoryLogger();
    const publisher = publisherFor(topic, { logger });
    await expect(publisher.publish({ id: 'a', key: 'k', seq: 0 })).resolves.toMatchObject({ offset: 0 });
    const connected = logger.lines.find((l) => l.message === 'connected');
    expect(connected?.meta).toMatchObject({
      transport: transportName(),
      config: { 'bootstrap.servers': brokers().single },
    });
  });

  it('bounds connect to a dead broker by connectTimeoutMs', async () => {
    const publisher = createPublisher<{ id: string }>({
      transport: transportUnderTest(),
      brokers: '127.0.0.1:1',
      topic: 'nowhere',
      codec: jsonCodec,
      connectTimeoutMs: 1_500,
      logger: memoryLogger(),
    });
    const started = Date.now();
    await expect(publisher.connect()).rejects.toBeInstanceOf(BrokerUnreachableError);
    expect(Date.now() - started).toBeLessThan(5_000);
    await publisher.close();
  });
});
