import { eventType, orderEventMessageV1SchemaId } from '@herald/schemas';

/** What happened to an order. Created, updated and cancelled events share the v1 payload. */
export type OrderEventKind = 'created' | 'updated' | 'cancelled';

/** The metadata of one kind of order event, for its CloudEvents headers. */
export interface OrderEventType {
  /** What happened, unversioned, e.g. `order.created`. */
  readonly name: string;
  /** The payload contract's version. */
  readonly version: number;
  /** The CloudEvents `type`, versioned, e.g. `com.herald.order.created.v1`. */
  readonly type: string;
  /** The CloudEvents `dataschema`: the payload's JSON Schema `$id`. */
  readonly dataschema: string;
}

function describe(name: string, version: number): OrderEventType {
  return Object.freeze({ name, version, type: eventType(name, version), dataschema: orderEventMessageV1SchemaId });
}

/** The event type of each {@link OrderEventKind}, e.g. `orderEventTypes.created.type` is `com.herald.order.created.v1`. */
export const orderEventTypes: Readonly<Record<OrderEventKind, OrderEventType>> = Object.freeze({
  created: describe('order.created', 1),
  updated: describe('order.updated', 1),
  cancelled: describe('order.cancelled', 1),
});
