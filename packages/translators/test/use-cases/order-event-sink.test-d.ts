// A type test (vitest typecheck, counted as such, not as a runtime test): the publisher package's
// types fit the use case's port as they are, so callers need no adapter.
import type { EventPublisher } from '@herald/publisher';
import type { InMemoryPublisher } from '@herald/publisher/testing';
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
