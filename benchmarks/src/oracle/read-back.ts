import { randomUUID } from 'node:crypto';
import kafka from '@confluentinc/kafka-javascript';
import type { KafkaConsumer, Message } from '@confluentinc/kafka-javascript';
import type { LoggedEvent, OracleEvent } from './judge.js';

/** What the read-back found: the events, and whether it reached every partition's high-water mark. */
export interface ReadBack {
  readonly events: LoggedEvent[];
  /** Partition → high-water mark when reading started. */
  readonly highWaterMarks: ReadonlyMap<number, number>;
  /** False when the deadline passed before every partition was read to its mark. */
  readonly complete: boolean;
}

/** A node-style callback API as a promise. */
function call<R>(fn: (cb: (error: unknown, result: R) => void) => void): Promise<R> {
  return new Promise<R>((resolve, reject) =>
    fn((error, result) =>
      error ? reject(error instanceof Error ? error : new Error(JSON.stringify(error))) : resolve(result),
    ),
  );
}

/**
 * Reads `topic` from offset 0 to each partition's high-water mark (taken once the publisher is
 * closed) with a fresh `read_committed` consumer that joins no group, so nothing else's position or
 * a rebalance can hide a record. Every value must be a JSON {@link OracleEvent}.
 */
export async function readBack(bootstrap: string, topic: string, timeoutMs = 60_000): Promise<ReadBack> {
  const consumer: KafkaConsumer = new kafka.KafkaConsumer(
    {
      'bootstrap.servers': bootstrap,
      'group.id': `herald-oracle-${randomUUID()}`,
      'enable.auto.commit': false,
      'isolation.level': 'read_committed',
      'enable.partition.eof': false,
    },
    { 'auto.offset.reset': 'earliest' },
  );
  await call<unknown>((cb) => void consumer.connect({ timeout: 30_000 }, cb));
  try {
    const meta = await call<kafka.Metadata>((cb) => void consumer.getMetadata({ topic, timeout: 10_000 }, cb));
    const partitions = meta.topics.find((t) => t.name === topic)?.partitions.map((p) => p.id) ?? [];
    if (partitions.length === 0) throw new Error(`topic ${topic} has no partitions in the metadata`);
    const highWaterMarks = new Map<number, number>();
    for (const partition of partitions) {
      const marks = await call<kafka.WatermarkOffsets>(
        (cb) => void consumer.queryWatermarkOffsets(topic, partition, 10_000, cb),
      );
      highWaterMarks.set(partition, marks.highOffset);
    }
    const next = new Map(partitions.map((p) => [p, 0]));
    const behind = () => partitions.filter((p) => (next.get(p) ?? 0) < (highWaterMarks.get(p) ?? 0));
    consumer.assign(
      partitions.filter((p) => (highWaterMarks.get(p) ?? 0) > 0).map((partition) => ({ topic, partition, offset: 0 })),
    );
    const events: LoggedEvent[] = [];
    const deadline = Date.now() + timeoutMs;
    while (behind().length > 0 && Date.now() < deadline) {
      const batch = await call<Message[]>((cb) => consumer.consume(1_000, cb));
      for (const m of batch) {
        events.push({
          event: JSON.parse(m.value?.toString() ?? 'null') as OracleEvent,
          partition: m.partition,
          offset: m.offset,
        });
        next.set(m.partition, Math.max(next.get(m.partition) ?? 0, m.offset + 1));
      }
    }
    return { events, highWaterMarks, complete: behind().length === 0 };
  } finally {
    await call<unknown>((cb) => void consumer.disconnect(cb)).catch(() => undefined);
  }
}
