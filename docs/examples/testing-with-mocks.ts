// Testing with mocks: code that publishes takes an EventPublisher; tests hand it an InMemoryPublisher,
// the real publisher pipeline on an in-memory transport (no Kafka, no native client).
import assert from 'node:assert/strict';
import { UnknownTopicError } from '@herald/publisher';
import type { EventPublisher } from '@herald/publisher';
import { InMemoryPublisher } from '@herald/publisher/testing';
import { orderEventMessageV1Codec } from '@herald/schemas';
import type { OrderEventMessage } from '@herald/schemas';
import { sampleOrder } from './support/orders.js';

/** The code under test: publishes an order and says whether Kafka took it. */
async function placeOrder(
  publisher: EventPublisher<OrderEventMessage>,
  order: OrderEventMessage,
): Promise<'placed' | 'not placed'> {
  try {
    await publisher.publish(order);
    return 'placed';
  } catch {
    return 'not placed';
  }
}

const publisher = new InMemoryPublisher<OrderEventMessage>({
  topic: 'orders',
  key: (o) => o.order_id,
  codec: orderEventMessageV1Codec,
});
assert.equal(await placeOrder(publisher, sampleOrder(1)), 'placed');
assert.equal((await publisher.waitFor((r) => r.event.order_id === 'order-1')).key, 'order-1');
assert.equal(await placeOrder(publisher, { ...sampleOrder(2), line_items: [], total_price: Number.NaN }), 'not placed');

// Make the broker answer as Kafka would; the publisher turns it into the same error it would raise.
publisher.failWhen(() => 'UNKNOWN_TOPIC');
assert.equal(await placeOrder(publisher, sampleOrder(3)), 'not placed');
await assert.rejects(publisher.publish(sampleOrder(4)), UnknownTopicError);
assert.equal(publisher.published.length, 1);
console.log('testing with mocks: all assertions passed');
