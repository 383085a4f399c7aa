// What the publisher accepts as a codec, withCloudEvents wraps: a generated codec or a team's own
// encoder, checked against the real @herald/publisher types (schemas cannot depend on them).
import { createPublisher } from '@herald/publisher';
import type { EventEncoder, PublisherOptions } from '@herald/publisher';
import { orderEventMessageV1Codec, withCloudEvents } from '@herald/schemas';
import type { OrderEventMessage } from '@herald/schemas';
import { describe, expectTypeOf, it } from 'vitest';

interface Ping {
  readonly at: number;
}

const handWritten: EventEncoder<Ping> = {
  encode: (ping) => Buffer.from(JSON.stringify(ping)),
  headers: () => ({ 'x-trace': Buffer.from('t') }),
};

describe('withCloudEvents and the publisher', () => {
  it('gives encoders the publisher accepts, with the message type kept', () => {
    const orders = withCloudEvents(orderEventMessageV1Codec, { source: '/shop', type: 'order.created.v1' });
    const pings = withCloudEvents(handWritten, { source: '/ping', type: 'ping.v1', subject: (p) => String(p.at) });
    expectTypeOf(orders).toExtend<EventEncoder<OrderEventMessage>>();
    expectTypeOf(pings).toExtend<EventEncoder<Ping>>();
    expectTypeOf(createPublisher<Ping>).toBeCallableWith({ brokers: 'b', topic: 't', codec: pings });
    expectTypeOf<{ codec: typeof pings }>().toExtend<Pick<PublisherOptions<Ping>, 'codec'>>();
  });
});
