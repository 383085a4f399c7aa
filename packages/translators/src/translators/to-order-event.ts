import { InvalidOptionsError } from '@herald/errors';
import type { OrderEventMessage } from '@herald/schemas';
import type { Order } from '../domain/order.js';
import { orderEventTypes } from './order-event-types.js';
import type { OrderEventKind, OrderEventType } from './order-event-types.js';
import { toOrderEventMessage } from './to-order-event-message.js';

/** An order event ready to publish: the payload and what it says happened. */
export interface OrderEvent {
  /** What happened to the order. */
  readonly kind: OrderEventKind;
  /** The event type metadata of {@link kind}, for the CloudEvents headers. */
  readonly eventType: OrderEventType;
  /** The wire payload (v1). */
  readonly message: OrderEventMessage;
}

/**
 * The `kind` event of `order`: its message (see {@link toOrderEventMessage}) and event type.
 * Pure and synchronous; throws `TranslationError` like {@link toOrderEventMessage}.
 */
export function toOrderEvent(order: Order, kind: OrderEventKind): OrderEvent {
  // hasOwn, not a lookup: `kind` may come from plain JS, and 'toString' is on every object.
  if (!Object.hasOwn(orderEventTypes, kind)) {
    throw new InvalidOptionsError(
      'kind',
      `unknown order event kind ${JSON.stringify(kind)}: expected created, updated or cancelled`,
    );
  }
  return { kind, eventType: orderEventTypes[kind], message: toOrderEventMessage(order) };
}
