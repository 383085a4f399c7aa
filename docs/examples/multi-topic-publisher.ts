// Multi-topic publisher: one publisher, each event routed to its topic by what happened to the order.
import { createPublisher } from '@herald/publisher';
import { eventType, orderEventMessageV1Codec, withCloudEvents } from '@herald/schemas';
import type { OrderEventMessage } from '@herald/schemas';
import { brokers, ensureTopic } from './support/kafka.js';
import { sampleOrder } from './support/orders.js';

type OrderEvent = { readonly kind: 'created' | 'cancelled'; readonly order: OrderEventMessage };

const topics = { created: 'herald-example-orders-created', cancelled: 'herald-example-orders-cancelled' } as const;
await Promise.all(Object.values(topics).map((t) => ensureTopic(t, 3)));

// The wire payload is the order DTO; the event kind picks the topic and the CloudEvents type.
const orderCodec = withCloudEvents(orderEventMessageV1Codec, {
  source: '/examples/multi-topic',
  type: eventType('order.created', 1),
});
const publisher = createPublisher<OrderEvent>({
  brokers,
  route: (event) => topics[event.kind],
  key: (event) => event.order.order_id,
  codec: {
    encode: (event) => orderCodec.encode(event.order),
    headers: (event) => ({ ...orderCodec.headers(event.order), ce_type: eventType(`order.${event.kind}`, 1) }),
  },
});

const reports = await Promise.all([
  publisher.publish({ kind: 'created', order: sampleOrder(10) }),
  publisher.publish({ kind: 'cancelled', order: sampleOrder(10) }),
]);
for (const r of reports) console.log(`acked: ${r.topic}[${r.partition}]@${r.offset}`);
await publisher.close();
