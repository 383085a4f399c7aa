// Low-latency configuration: linger.ms 0 and small batches; each publish awaited, latency printed.
import { createPublisher } from '@herald/publisher';
import { orderEventMessageV1Codec } from '@herald/schemas';
import type { OrderEventMessage } from '@herald/schemas';
import { brokers, ensureTopic } from './support/kafka.js';
import { sampleOrder } from './support/orders.js';

const topic = 'herald-example-low-latency';
await ensureTopic(topic, 1);
const publisher = createPublisher<OrderEventMessage>({
  brokers,
  topic,
  codec: orderEventMessageV1Codec,
  preset: 'lowLatency',
});
await publisher.connect();

const latencies: number[] = [];
for (let i = 0; i < 200; i++) {
  const t0 = performance.now();
  await publisher.publish(sampleOrder(i));
  latencies.push(performance.now() - t0);
}
latencies.sort((a, b) => a - b);
console.log(
  `lowLatency: p50 ${latencies[100]?.toFixed(2)} ms, p99 ${latencies[198]?.toFixed(2)} ms over 200 acked round trips`,
);
await publisher.close();
