import { cloudEventHeaders } from '@herald/schemas';
import type { OrderEvent } from './to-order-event.js';

/**
 * CloudEvents 1.0 binary-mode Kafka headers for an order event: `ce_type` (e.g.
 * `com.herald.order.created.v1`), `ce_source`, a fresh `ce_id`, `ce_subject` = the order id,
 * `ce_dataschema`, `content-type`; `ce_time` is the order's `created_at` for a created event (when
 * it happened) and now otherwise. Call it once per event, not per send attempt: one event, one id.
 */
export function orderEventHeaders(event: OrderEvent, source: string): Record<string, string> {
  const { message, eventType, kind } = event;
  return cloudEventHeaders({
    type: eventType.type,
    source,
    subject: message.order_id,
    dataschema: eventType.dataschema,
    ...(kind === 'created' ? { time: message.created_at } : {}),
  });
}
