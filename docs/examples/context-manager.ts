// Context manager pattern: `await using` closes the publisher (flush, settle, disconnect) on scope exit.
import { createPublisher } from '@herald/publisher';
import { orderEventMessageV1Codec } from '@herald/schemas';
import type { OrderEventMessage } from '@herald/schemas';
import { brokers, ensureTopic } from './support/kafka.js';
import { sampleOrder } from './support/orders.js';

const topic = 'herald-example-scoped';
await ensureTopic(topic, 1);
{
  await using publisher = createPublisher<OrderEventMessage>({ brokers, topic, codec: orderEventMessageV1Codec });
  for (let i = 0; i < 100; i++) void publisher.publish(sampleOrder(i)).catch((e: unknown) => console.error(e));
  console.log(`leaving the scope with ${publisher.pending} pending`);
}
console.log('scope left: everything was flushed and the publisher closed');
