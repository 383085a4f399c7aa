// Basic order publisher: one topic, keyed by order id, CloudEvents headers, one awaited publish.
import { createPublisher } from '@herald/publisher';
import { eventType, orderEventMessageV1Codec, withCloudEvents } from '@herald/schemas';
import type { OrderEventMessage } from '@herald/schemas';
import { brokers, ensureTopic } from './support/kafka.js';
import { sampleOrder } from './support/orders.js';

const topic = 'herald-example-orders';
await ensureTopic(topic, 3);

const publisher = createPublisher<OrderEventMessage>({
  brokers,
  topic,
  codec: withCloudEvents(orderEventMessageV1Codec, { source: '/examples/basic', type: eventType('order.created', 1) }),
  key: (order) => order.order_id, // all events of one order land on one partition, in order
});

const report = await publisher.publish(sampleOrder(1));
console.log(`acked: ${report.topic}[${report.partition}]@${report.offset} key=${String(report.key)}`);
await publisher.close();
