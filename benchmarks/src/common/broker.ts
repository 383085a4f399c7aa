import { randomUUID } from 'node:crypto';
import kafka from '@confluentinc/kafka-javascript';

const { KafkaJS } = kafka;

/** A broker to benchmark against, and how to let go of it. */
export interface Broker {
  readonly bootstrap: string;
  /** True when this run started the broker (it is then stopped by `release`). */
  readonly started: boolean;
  release(): Promise<void>;
}

/**
 * `brokers` when given; otherwise the local single broker of @herald/local-kafka (env
 * `KAFKA_BROKERS`, a running one, or a fresh one started for this run and stopped by `release`;
 * that needs Java 17+ and Maven, and is loaded only then).
 */
export async function acquireBroker(brokers: string | undefined, log: (line: string) => void): Promise<Broker> {
  if (brokers !== undefined && brokers !== '')
    return { bootstrap: brokers, started: false, release: () => Promise.resolve() };
  const { ensureKafka } = await import('@herald/local-kafka');
  const handle = await ensureKafka({ mode: 'single', log: (m: string) => log(`[kafka] ${m}`) });
  const started = !handle.external && !handle.reused;
  return { bootstrap: handle.bootstrap, started, release: () => handle.stop() };
}

function admin(bootstrap: string) {
  return new KafkaJS.Kafka({ kafkaJS: { brokers: bootstrap.split(','), logLevel: KafkaJS.logLevel.NOTHING } }).admin();
}

/** A fresh topic name for one benchmark run. */
export function benchTopic(what: string): string {
  return `herald-bench-${what}-${randomUUID().slice(0, 8)}`;
}

/** Creates `topic` (replication factor 1 unless given) and waits until every partition has a leader. */
export async function createTopic(
  bootstrap: string,
  topic: string,
  partitions: number,
  replicationFactor = 1,
): Promise<void> {
  const client = admin(bootstrap);
  await client.connect();
  try {
    await client.createTopics({ topics: [{ topic, numPartitions: partitions, replicationFactor }] });
    const deadline = Date.now() + 30_000;
    for (;;) {
      // Right after creation the broker may still answer "unknown topic": that is "not yet", retry.
      const [meta] = await client.fetchTopicMetadata({ topics: [topic] }).catch(() => []);
      if (meta?.partitions.length === partitions && meta.partitions.every((p) => p.leader >= 0)) return;
      if (Date.now() > deadline) throw new Error(`topic ${topic} has no leaders after 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    await client.disconnect();
  }
}

/** Deletes benchmark topics so repeated runs do not fill the disk; failures are only logged. */
export async function deleteTopics(
  bootstrap: string,
  topics: readonly string[],
  log: (line: string) => void,
): Promise<void> {
  if (topics.length === 0) return;
  const client = admin(bootstrap);
  try {
    await client.connect();
    await client.deleteTopics({ topics: [...topics], timeout: 10_000 });
  } catch (error) {
    log(`could not delete ${topics.join(', ')}: ${(error as Error).message}`);
  } finally {
    await client.disconnect().catch(() => undefined);
  }
}
