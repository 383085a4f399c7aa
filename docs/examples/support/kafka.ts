// Example plumbing: where the broker is, and topic/consumer helpers the examples share.
import { randomUUID } from 'node:crypto';
import kafka from '@confluentinc/kafka-javascript';

const { KafkaJS } = kafka;

/** The bootstrap list: `KAFKA_BROKERS`, or the local broker the scripts start. */
export const brokers: string = process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092';

function client() {
  return new KafkaJS.Kafka({ kafkaJS: { brokers: brokers.split(','), logLevel: KafkaJS.logLevel.NOTHING } });
}

/** Creates `topic` if it does not exist, with `partitions` partitions; returns its partition count. */
export async function ensureTopic(topic: string, partitions: number): Promise<number> {
  const admin = client().admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions: partitions }] });
    for (let i = 0; i < 100; i++) {
      const [meta] = await admin.fetchTopicMetadata({ topics: [topic] }).catch(() => []);
      if (meta !== undefined && meta.partitions.length > 0 && meta.partitions.every((p) => p.leader >= 0))
        return meta.partitions.length;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`topic ${topic} has no leaders`);
  } finally {
    await admin.disconnect();
  }
}

/** Counts the records in `topic` by reading it from the start until `expected` arrived or `timeoutMs` passed. */
export async function countRecords(topic: string, expected: number, timeoutMs = 60_000): Promise<number> {
  const consumer = client().consumer({
    kafkaJS: { groupId: `herald-example-${randomUUID()}`, fromBeginning: true, autoCommit: false },
  });
  let count = 0;
  await consumer.connect();
  try {
    let done!: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    await consumer.subscribe({ topics: [topic] });
    await consumer.run({
      eachBatch: async ({ batch }) => {
        count += batch.messages.length;
        if (count >= expected) done();
        return Promise.resolve();
      },
    });
    await Promise.race([finished, new Promise((r) => setTimeout(r, timeoutMs).unref())]);
  } finally {
    await consumer.disconnect();
  }
  return count;
}
