// Test data: a valid order, and the ways to break or disguise one.
import type { LineItemEventMessage, OrderEventMessage } from '../../src/index.js';

/** A valid line item; `overrides` replace fields (and may add some). */
export function lineItem(overrides: Record<string, unknown> = {}): LineItemEventMessage {
  return {
    line_item_id: 'li-1',
    product_id: 'p-1',
    product_title: 'Green tea, 100 g',
    quantity: 2,
    price: 4.99,
    ...overrides,
  };
}

/** A valid order with two line items; `overrides` replace fields (and may add some). */
export function order(overrides: Record<string, unknown> = {}): OrderEventMessage {
  return {
    order_id: 'o-1',
    created_at: '2025-01-15T10:30:00Z',
    customer_name: 'Ada Lovelace',
    line_items: [lineItem(), lineItem({ line_item_id: 'li-2', quantity: 1, price: 12 })],
    total_price: 21.98,
    ...overrides,
  };
}

/** An order whose first line item has `overrides` applied. */
export function orderWithItem(overrides: Record<string, unknown>): OrderEventMessage {
  return order({ line_items: [lineItem(overrides)] });
}

/** What the baseline serialiser writes. */
export function stringifyBytes(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value));
}
