// Async batch publisher: many events at once, one outcome per event, invalid ones reported not thrown.
import { createPublisher } from '@herald/publisher';
import { orderEventMessageV1Codec } from '@herald/schemas';
import type { OrderEventMessage } from '@herald/schemas';
import { brokers, ensureTopic } from './support/kafka.js';
import { sampleOrder } from './support/orders.js';

const topic = 'herald-example-batch';
await ensureTopic(topic, 6);
const publisher = createPublisher<OrderEventMessage>({
  brokers,
  topic,
  codec: orderEventMessageV1Codec,
  key: (o) => o.order_id,
});

const orders = Array.from({ length: 1_000 }, (_, i) => sampleOrder(i));
orders[500] = { ...sampleOrder(500), total_price: -1 }; // breaks the contract: reported, never sent

const outcomes = await publisher.publishBatch(orders);
const acked = outcomes.filter((o) => o.status === 'acked').length;
const failed = outcomes.flatMap((o) => (o.status === 'failed' ? [o] : []));
console.log(`batch: ${acked} acked, ${failed.length} failed`);
for (const f of failed) console.log(`  ${f.event.order_id}: ${f.error.code}`);
await publisher.close();
