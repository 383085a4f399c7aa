import { describe, expect, it } from 'vitest';
import { parseShopifyOrder } from '../../src/gateways/shopify/index.js';
import { toOrderEventMessage } from '../../src/index.js';
import type { FetchedOrder } from '../../src/index.js';
import { shopifyOrder } from '../support/shopify-orders.js';

function rejection(fetched: FetchedOrder): { orderId: string | undefined; paths: string[]; message: string } {
  if (fetched.ok) throw new Error('expected a rejected order');
  return { orderId: fetched.orderId, paths: fetched.error.issues.map((i) => i.path), message: fetched.error.message };
}

describe('parseShopifyOrder', () => {
  it('maps a Shopify order into the domain', () => {
    const fetched = parseShopifyOrder(shopifyOrder(450789469));
    if (!fetched.ok) throw fetched.error;
    expect(toOrderEventMessage(fetched.order)).toEqual({
      order_id: '450789469',
      created_at: '2025-01-15T15:30:00.000Z',
      customer_name: 'Ada Lovelace',
      line_items: [
        { line_item_id: '4507894690', product_id: '632910392', product_title: 'Tea', quantity: 2, price: 19.99 },
      ],
      total_price: 39.98,
    });
  });

  it('carries the computed line total, not Shopify total_price (taxes and shipping are not in the contract)', () => {
    const fetched = parseShopifyOrder(shopifyOrder(1, { total_price: '45.97' }));
    expect(fetched.ok && fetched.order.total.toString()).toBe('39.98 USD');
  });

  it('falls back to the billing name for a guest checkout, and accepts a missing total_line_items_price', () => {
    const fetched = parseShopifyOrder(
      shopifyOrder(1, {
        customer: null,
        billing_address: { name: ' Grace Hopper ' },
        total_line_items_price: undefined,
      }),
    );
    expect(fetched.ok && fetched.order.customerName).toBe('Grace Hopper');
  });

  it('reports every missing or bad field under its wire path, keeping the id', () => {
    const raw = shopifyOrder(42, {
      created_at: null,
      customer: { first_name: '', last_name: null },
      currency: 'usd',
      line_items: [{ id: 1, product_id: null, title: '', quantity: 0, price: '1.00' }, 'junk'],
    });
    const { orderId, paths } = rejection(parseShopifyOrder(raw));
    expect(orderId).toBe('42');
    expect(paths).toEqual([
      'created_at',
      'customer',
      'currency',
      'line_items[0].product_id',
      'line_items[0].title',
      'line_items[0].quantity',
      'line_items[1]',
    ]);
  });

  it('judges prices against the currency', () => {
    expect(
      rejection(parseShopifyOrder(shopifyOrder(1, { currency: 'JPY', total_line_items_price: undefined }))).message,
    ).toBe('line_items[0].price: Money amount "19.99" JPY has 2 significant decimals, the currency has 0');
  });

  it('checks total_line_items_price against price × quantity', () => {
    expect(rejection(parseShopifyOrder(shopifyOrder(1, { total_line_items_price: '19.99' }))).message).toBe(
      'total_line_items_price: is 19.99 USD, but price × quantity over the lines sums to 39.98 USD',
    );
    expect(rejection(parseShopifyOrder(shopifyOrder(1, { total_line_items_price: 'lots' }))).paths).toEqual([
      'total_line_items_price',
    ]);
  });

  it('reports a record without a usable id with orderId undefined', () => {
    expect(rejection(parseShopifyOrder(shopifyOrder(1, { id: 1.5 }))).orderId).toBeUndefined();
    expect(rejection(parseShopifyOrder(shopifyOrder(1, { id: 2 ** 60 }))).paths).toEqual(['id']);
    expect(rejection(parseShopifyOrder(null))).toEqual({
      orderId: undefined,
      paths: [''],
      message: 'a Shopify order must be a JSON object, got null',
    });
    expect(rejection(parseShopifyOrder([1])).message).toBe('a Shopify order must be a JSON object, got an array');
  });

  it('refuses an order without line items, with the domain rule', () => {
    expect(
      rejection(parseShopifyOrder(shopifyOrder(1, { line_items: [], total_line_items_price: '0.00' }))).message,
    ).toBe('lineItems: an order has at least one line item');
    expect(rejection(parseShopifyOrder(shopifyOrder(1, { line_items: undefined }))).paths).toContain('line_items');
  });
});
