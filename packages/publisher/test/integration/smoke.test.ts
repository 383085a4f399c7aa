// End to end through the native producer against the real brokers our scripts start: one keyed
// record with headers, acks=all, idempotence and snappy, read back by a fresh consumer.
import kafka from '@confluentinc/kafka-javascript';
import { describe, expect, it } from 'vitest';
import { brokers } from '../../../../test-support/brokers.js';
import { consumeAll, createTopic, uniqueTopic } from '../../../../test-support/kafka-admin.js';

interface Delivered {
  readonly partition: number;
  readonly offset: number;
}

async function produceOne(bootstrap: string, topic: string): Promise<Delivered> {
  const producer = new kafka.Producer({
    'bootstrap.servers': bootstrap,
    acks: -1,
    'enable.idempotence': true,
    'compression.type': 'snappy',
    dr_cb: true,
  });
  await new Promise<void>((resolve, reject) => producer.connect({}, (err) => (err ? reject(err) : resolve())));
  producer.setPollInterval(10);
  try {
    const delivered = new Promise<Delivered>((resolve, reject) => {
      producer.once('delivery-report', (err, report) => {
        if (err) reject(err);
        else resolve({ partition: report.partition, offset: report.offset });
      });
    });
    producer.produce(topic, 2, Buffer.from('{"order_id":"o-1"}'), Buffer.from('o-1'), null, null, [
      { ce_type: Buffer.from('com.herald.order.created.v1') },
      { 'content-type': 'application/json' },
    ]);
    return await delivered;
  } finally {
    await new Promise<void>((resolve) => producer.disconnect(() => resolve()));
  }
}

describe.each([
  ['single node', 'single', 1],
  ['3-node cluster', 'cluster', 3],
] as const)('smoke: produce and consume on the %s', (_name, mode, replicationFactor) => {
  it('reads back the key, value, headers and partition it wrote', async ({ skip }) => {
    const bootstrap = brokers()[mode];
    if (bootstrap === '') skip('KAFKA_BROKERS points at an external cluster: no local 3-node cluster');
    const topic = uniqueTopic('herald-smoke');
    await createTopic(bootstrap, { topic, partitions: 3, replicationFactor });

    const report = await produceOne(bootstrap, topic);
    expect(report).toEqual({ partition: 2, offset: 0 });

    const [record, ...rest] = await consumeAll(bootstrap, topic, 1);
    expect(rest).toHaveLength(0);
    expect(record).toMatchObject({
      topic,
      partition: 2,
      offset: 0,
      key: 'o-1',
      headers: { ce_type: 'com.herald.order.created.v1', 'content-type': 'application/json' },
    });
    expect(record?.value?.toString()).toBe('{"order_id":"o-1"}');
  });
});
