// The README's demo: publish sample order events to Kafka with Herald, then read the topic back
// and confirm the count. `node docs/examples/dist/demo.js [--orders N] [--topic NAME]`
import { parseArgs } from 'node:util';
import { createPublisher } from '@herald/publisher';
import type { DeliveryReport } from '@herald/publisher';
import { eventType, orderEventMessageV1Codec, withCloudEvents } from '@herald/schemas';
import type { OrderEventMessage } from '@herald/schemas';
import { brokers, countRecords, ensureTopic } from './support/kafka.js';
import { sampleOrder } from './support/orders.js';

const { values } = parseArgs({ options: { orders: { type: 'string', default: '10' }, topic: { type: 'string', default: `herald-demo-orders-${Date.now()}` } } });
const total = Number(values.orders);
const topic = values.topic;

const partitions = await ensureTopic(topic, 3);
const publisher = createPublisher<OrderEventMessage>({
  brokers,
  topic,
  codec: withCloudEvents(orderEventMessageV1Codec, { source: '/herald/demo', type: eventType('order.created', 1) }),
  key: (order) => order.order_id,
});

const started = performance.now();
const latencies: number[] = [];
const publishes: Array<Promise<DeliveryReport>> = [];
for (let i = 0; i < total; i++) {
  const t0 = performance.now();
  publishes.push(publisher.publish(sampleOrder(i)).then((report) => (latencies.push(performance.now() - t0), report)));
}
const settled = await Promise.allSettled(publishes);
const seconds = (performance.now() - started) / 1000;
await publisher.close();

const published = settled.filter((s) => s.status === 'fulfilled').length;
latencies.sort((a, b) => a - b);
const pct = (p: number) => (latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0).toFixed(1);
console.log(`published ${published}/${total} order events to ${topic} (${partitions} partitions) on ${brokers}`);
console.log(`failed ${total - published}; ${(published / seconds).toFixed(0)} events/s; delivery latency p50 ${pct(50)} ms, p99 ${pct(99)} ms`);
const readBack = await countRecords(topic, published);
console.log(`read back ${readBack} records from ${topic}`);
if (readBack !== published || published !== total) {
  console.error('demo FAILED: the topic does not hold exactly what was published');
  process.exit(1);
}
console.log('demo OK');
