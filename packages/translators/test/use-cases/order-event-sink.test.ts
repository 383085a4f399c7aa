// Type-level: the publisher package's types fit the use case's port as they are, so callers need
// no adapter. `tsc` (the typecheck task) fails if that ever stops being true.
import type { EventPublisher, InMemoryPublisher } from '@herald/publisher';
import type { OrderEventMessage } from '@herald/schemas';
import { describe, expectTypeOf, it } from 'vitest';
import type { OrderEventSink } from '../../src/index.js';

describe('OrderEventSink', () => {
  it('is satisfied by EventPublisher<OrderEventMessage> and InMemoryPublisher', () => {
    expectTypeOf<EventPublisher<OrderEventMessage>>().toExtend<OrderEventSink>();
    expectTypeOf<InMemoryPublisher<OrderEventMessage>>().toExtend<OrderEventSink>();
    expectTypeOf<EventPublisher<{ id: string }>>().not.toExtend<OrderEventSink>();
  });
});
