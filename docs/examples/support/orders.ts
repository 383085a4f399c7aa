// Sample order events for the examples.
import type { OrderEventMessage } from '@herald/schemas';

/** A valid sample order; `i` makes its ids unique. */
export function sampleOrder(i: number): OrderEventMessage {
  return {
    order_id: `order-${i}`,
    created_at: new Date(Date.UTC(2025, 0, 15, 10, 30) + i * 1000).toISOString(),
    customer_name: ['Ada Lovelace', 'Grace Hopper', 'Zoë Ångström'][i % 3] as string,
    line_items: [
      { line_item_id: `li-${i}-1`, product_id: 'p-tea', product_title: 'Green tea', quantity: 2, price: 4.5 },
      { line_item_id: `li-${i}-2`, product_id: 'p-cup', product_title: 'Cup "classic"', quantity: 1, price: 12.99 },
    ],
    total_price: 21.99,
  };
}
