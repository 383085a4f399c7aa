// Performance tuning: the highThroughput preset plus typed overrides, fire-and-collect, throughput printed.
// Find the settings for your own workload with `herald-bench tune`.
import { createPublisher } from '@herald/publisher';
import type { DeliveryReport } from '@herald/publisher';
import { orderEventMessageV1Codec } from '@herald/schemas';
import type { OrderEventMessage } from '@herald/schemas';
import { brokers, ensureTopic } from './support/kafka.js';
import { sampleOrder } from './support/orders.js';

const topic = 'herald-example-throughput';
await ensureTopic(topic, 6);
const publisher = createPublisher<OrderEventMessage>({
  brokers,
  topic,
  codec: orderEventMessageV1Codec,
  key: (o) => o.order_id,
  preset: 'highThroughput', // lz4, linger.ms 100, batch.size 128 KiB
  kafka: { lingerMs: 20 }, // typed overrides win over the preset
  maxInFlight: 20_000,
});
await publisher.connect();

const total = 50_000;
const started = performance.now();
const pending: Array<Promise<DeliveryReport>> = [];
for (let i = 0; i < total; i++) pending.push(publisher.publish(sampleOrder(i)));
await Promise.all(pending);
const seconds = (performance.now() - started) / 1000;
console.log(`highThroughput: ${total} acked in ${seconds.toFixed(2)} s (${Math.round(total / seconds)} events/s)`);
await publisher.close();
