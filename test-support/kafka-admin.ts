// Test helpers that talk to a real broker through the native client: topics and reading back.
import { randomUUID } from 'node:crypto';
import kafka from '@confluentinc/kafka-javascript';
import { readHeaders } from '../packages/headers/src/index.js';

const { KafkaJS } = kafka;

/** A topic name no other test uses. */
export function uniqueTopic(prefix = 'herald-test'): string {
  return `${prefix}-${randomUUID()}`;
}

export interface TopicSpec {
  readonly topic: string;
  readonly partitions?: number;
  readonly replicationFactor?: number;
  readonly configs?: Readonly<Record<string, string>>;
}

/** Creates a topic and waits until its metadata shows every partition with a leader. */
export async function createTopic(bootstrap: string, spec: TopicSpec): Promise<void> {
  const admin = new KafkaJS.Kafka({
    kafkaJS: { brokers: bootstrap.split(','), logLevel: KafkaJS.logLevel.NOTHING },
  }).admin();
  await admin.connect();
  try {
    await admin.createTopics({
      topics: [
        {
          topic: spec.topic,
          numPartitions: spec.partitions ?? 1,
          replicationFactor: spec.replicationFactor ?? 1,
          configEntries: Object.entries(spec.configs ?? {}).map(([name, value]) => ({ name, value })),
        },
      ],
    });
    const deadline = Date.now() + 30_000;
    for (;;) {
      // Right after creation the broker may still answer "unknown topic": that is "not yet", retry.
      const [meta] = await admin.fetchTopicMetadata({ topics: [spec.topic] }).catch(() => []);
      const ready = meta?.partitions.length === (spec.partitions ?? 1) && meta.partitions.every((p) => p.leader >= 0);
      if (ready) return;
      if (Date.now() > deadline) throw new Error(`topic ${spec.topic} has no leaders after 30 s`);
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    await admin.disconnect();
  }
}

/** One record as a consumer sees it, with headers decoded as UTF-8. */
export interface ConsumedRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  readonly key: string | null;
  readonly value: Buffer | null;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * Reads a topic from the beginning with a fresh consumer group until `count` records arrived (or
 * `timeoutMs` passed, then returns what it has), so a test can check what really reached the log.
 */
export async function consumeAll(
  bootstrap: string,
  topic: string | readonly string[],
  count: number,
  timeoutMs = 30_000,
  options: { readonly readUncommitted?: boolean } = {},
): Promise<ConsumedRecord[]> {
  // librdkafka's default isolation is read_committed: aborted transactional records stay hidden.
  const consumer = new KafkaJS.Kafka({
    kafkaJS: { brokers: bootstrap.split(','), logLevel: KafkaJS.logLevel.NOTHING },
  }).consumer({
    kafkaJS: {
      groupId: `herald-test-${randomUUID()}`,
      fromBeginning: true,
      autoCommit: false,
      readUncommitted: options.readUncommitted === true,
    },
  });
  const records: ConsumedRecord[] = [];
  await consumer.connect();
  try {
    let done!: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    await consumer.subscribe({ topics: typeof topic === 'string' ? [topic] : [...topic] });
    await consumer.run({
      eachMessage: async ({ topic: t, partition, message }) => {
        // Herald's one header rule, as consumers of its records read them: the last value wins.
        const headers = Object.fromEntries(readHeaders(message.headers ?? {}));
        records.push({
          topic: t,
          partition,
          offset: Number(message.offset),
          key: message.key === null ? null : message.key.toString(),
          value: message.value,
          headers,
        });
        if (records.length >= count) done();
        return Promise.resolve();
      },
    });
    await Promise.race([finished, new Promise((r) => setTimeout(r, timeoutMs).unref())]);
  } finally {
    await consumer.disconnect();
  }
  return records;
}
