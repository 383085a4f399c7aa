// Raw Shopify Admin REST orders for gateway tests: valid by default, broken by overrides.

/** A valid raw order `id` with one line (2 × 19.99 USD), with `overrides` merged in. */
export function shopifyOrder(id: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    name: `#${id}`,
    created_at: '2025-01-15T10:30:00-05:00',
    currency: 'USD',
    total_price: '45.97',
    total_line_items_price: '39.98',
    customer: { id: 7, first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com' },
    line_items: [{ id: id * 10, product_id: 632910392, title: 'Tea', quantity: 2, price: '19.99', variant_id: 1 }],
    ...overrides,
  };
}
