import type { LineItemEventMessage, OrderEventMessage } from '@herald/schemas';

/** Payload size classes of the produce benchmarks: about 100 B, 500 B and 5 KB of JSON. */
export type OrderSize = 'small' | 'medium' | 'large';

/** The order sizes, smallest first. */
export const ORDER_SIZES: readonly OrderSize[] = ['small', 'medium', 'large'];

/** Line items per size class, chosen so the JSON is close to 100 B, 500 B and 5 KB. */
const LINE_ITEMS: Readonly<Record<OrderSize, number>> = { small: 0, medium: 3, large: 39 };

const titles = ['Darjeeling first flush, 100 g', 'Ceramic teapot – 0.8 l', 'Café au lait mug', 'Bamboo whisk'];
const prices = [4.99, 34.5, 12, 0.99];

function lineItem(order: number, i: number): LineItemEventMessage {
  return {
    line_item_id: `li-${String(order).padStart(8, '0')}-${String(i).padStart(3, '0')}`,
    product_id: `SKU-${String(40_000 + ((order + i * 7) % 50_000)).padStart(5, '0')}`,
    product_title: titles[(order + i) % titles.length]!,
    quantity: 1 + ((order + i) % 4),
    price: prices[(order + i) % prices.length]!,
  };
}

/**
 * Order `index` of a size class: a valid `OrderEventMessage` with its own `order_id` (fixed width,
 * so every order of a class encodes to about the same size). Strings are flat, as they are when
 * they come from a database driver or an HTTP body.
 */
export function makeOrder(size: OrderSize, index: number): OrderEventMessage {
  const items = Array.from({ length: LINE_ITEMS[size] }, (_, i) => lineItem(index, i));
  const total = Math.round(items.reduce((sum, item) => sum + item.price * item.quantity * 100, 0)) / 100;
  const small = size === 'small';
  const order: OrderEventMessage = {
    order_id: small
      ? `o-${String(index).padStart(8, '0')}`
      : `ord-7c2e4b1a-59d3-4f0e-${String(index).padStart(12, '0')}`,
    created_at: '2025-01-15T10:30:00.123Z',
    customer_name: small ? 'Ada' : 'Ada Lovelace',
    line_items: items,
    total_price: total,
  };
  return JSON.parse(JSON.stringify(order)) as OrderEventMessage;
}

/** `count` distinct orders of one size class (the benchmark cycles through them). */
export function makeOrders(size: OrderSize, count: number): OrderEventMessage[] {
  return Array.from({ length: count }, (_, i) => makeOrder(size, i));
}

/** The JSON length in bytes of an order. */
export function jsonBytes(order: OrderEventMessage): number {
  return Buffer.byteLength(JSON.stringify(order));
}
