import type { LineItemEventMessage, OrderEventMessage } from '@herald/schemas';
import { Instant } from '../domain/instant.js';
import type { LineItem } from '../domain/line-item.js';
import type { Order } from '../domain/order.js';
import { toWireAmount } from '../internal/wire-amount.js';

function toLineItemMessage(order: Order, line: LineItem, index: number): LineItemEventMessage {
  return {
    line_item_id: line.id,
    product_id: line.productId,
    product_title: line.title,
    quantity: line.quantity,
    price: toWireAmount(line.unitPrice, order.id, `line_items[${index}].price`),
  };
}

/**
 * The wire message (v1) for an order: pure and synchronous. Ids become strings, `createdAt` UTC
 * ISO 8601 (`…Z`), amounts exact JSON numbers; `total_price` is the order's computed total, the
 * sum of `price × quantity` over the lines, so a consumer can check it. Keys are in contract order.
 * Throws `TranslationError` naming the order and field when an amount cannot be carried exactly.
 */
export function toOrderEventMessage(order: Order): OrderEventMessage {
  return {
    order_id: order.id,
    created_at: Instant.toIsoString(order.createdAt),
    customer_name: order.customerName,
    line_items: order.lineItems.map((line, index) => toLineItemMessage(order, line, index)),
    total_price: toWireAmount(order.total, order.id, 'total_price'),
  };
}
