import { orderEventMessageV1Codec, validateOrderEventMessageV1 } from '@herald/schemas';
import { describe, expect, it } from 'vitest';
import { Money, TranslationError, toOrderEventMessage } from '../../src/index.js';
import type { OrderInput } from '../../src/index.js';
import { sampleOrder } from '../support/orders.js';

function oneLine(currency: string, minor: bigint, quantity = 1): Partial<OrderInput> {
  return {
    currency,
    lineItems: [{ id: 'l-1', productId: 'p-1', title: 'Tea', quantity, unitPrice: Money.of(minor, currency) }],
  };
}

function translationError(build: () => unknown): TranslationError {
  try {
    build();
  } catch (error) {
    if (error instanceof TranslationError) return error;
    throw error;
  }
  throw new Error('expected a TranslationError');
}

describe('toOrderEventMessage', () => {
  it('maps every field to the wire contract, in contract order', () => {
    const message = toOrderEventMessage(sampleOrder());
    expect(message).toEqual({
      order_id: '1001',
      created_at: '2025-01-15T15:30:00.000Z',
      customer_name: 'Ada Lovelace',
      line_items: [
        { line_item_id: 'l-1', product_id: 'p-1', product_title: 'Tea', quantity: 2, price: 19.99 },
        { line_item_id: 'l-2', product_id: 'p-2', product_title: 'Mug', quantity: 1, price: 5 },
      ],
      total_price: 44.98,
    });
    expect(JSON.stringify(message)).toBe(
      '{"order_id":"1001","created_at":"2025-01-15T15:30:00.000Z","customer_name":"Ada Lovelace","line_items":[' +
        '{"line_item_id":"l-1","product_id":"p-1","product_title":"Tea","quantity":2,"price":19.99},' +
        '{"line_item_id":"l-2","product_id":"p-2","product_title":"Mug","quantity":1,"price":5}],"total_price":44.98}',
    );
    expect(validateOrderEventMessageV1(message).success).toBe(true);
    expect(orderEventMessageV1Codec.encode(message).toString()).toBe(JSON.stringify(message));
  });

  it('sums exactly where floats drift: 0.10 + 0.20 is 0.3', () => {
    const message = toOrderEventMessage(
      sampleOrder({
        lineItems: [
          { id: 'a', productId: 'p', title: 'A', quantity: 1, unitPrice: Money.parse('0.10', 'USD') },
          { id: 'b', productId: 'p', title: 'B', quantity: 1, unitPrice: Money.parse('0.20', 'USD') },
        ],
      }),
    );
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(message.total_price).toBe(0.3);
    expect(JSON.stringify(message.total_price)).toBe('0.3');
  });

  it.each([
    ['USD', 1999n, 1, 19.99, '19.99'],
    ['USD', 1n, 3, 0.01, '0.03'],
    ['USD', 1005n, 1, 10.05, '10.05'],
    ['USD', 1999n, 3, 19.99, '59.97'],
    ['USD', 33n, 3, 0.33, '0.99'],
    ['JPY', 1999n, 1, 1999, '1999'],
    ['KWD', 1005n, 7, 1.005, '7.035'],
    ['BHD', 1n, 1, 0.001, '0.001'],
    ['CLF', 12345n, 1, 1.2345, '1.2345'],
    ['USD', 0n, 5, 0, '0'],
    ['USD', 999_999_999_999_99n, 1, 999_999_999_999.99, '999999999999.99'],
  ])('%s %i minor × %i → price %d, total %s', (currency, minor, quantity, price, total) => {
    const message = toOrderEventMessage(sampleOrder(oneLine(currency, minor, quantity)));
    expect(message.line_items[0]?.price).toBe(price);
    expect(JSON.stringify(message.total_price)).toBe(total);
  });

  it('carries big amounts that survive a double, digit for digit', () => {
    // 2^53 - 1 minor units of a currency without decimals: the largest always-safe integer.
    const message = toOrderEventMessage(sampleOrder(oneLine('JPY', 9_007_199_254_740_991n)));
    expect(JSON.stringify(message.total_price)).toBe('9007199254740991');
    // 16 significant digits that happen to round-trip (the slow, checked path past 10^15 minor units).
    expect(JSON.stringify(toOrderEventMessage(sampleOrder(oneLine('USD', 9_007_199_254_740_989n))).total_price)).toBe(
      '90071992547409.89',
    );
    expect(JSON.stringify(toOrderEventMessage(sampleOrder(oneLine('USD', 1_000_000_000_000_001n))).total_price)).toBe(
      '10000000000000.01',
    );
  });

  it('fails, naming the order and field, beyond 2^53 - 1 minor units', () => {
    // Each unit price (2^52 cents) is fine; two of them make 2^53 cents.
    const error = translationError(() => toOrderEventMessage(sampleOrder(oneLine('USD', 4_503_599_627_370_496n, 2))));
    expect(error.code).toBe('TRANSLATION');
    expect(error.retriable).toBe(false);
    expect(error.orderId).toBe('1001');
    expect(error.field).toBe('total_price');
    expect(error.message).toBe(
      'order 1001: total_price: 90071992547409.92 USD is 9007199254740992 minor units, more than 2^53 - 1: a JSON number cannot carry it exactly',
    );
  });

  it('fails on a unit price whose digits a double does not keep', () => {
    // 90071992547409.91 is read back as 90071992547409.9: refuse rather than round.
    const error = translationError(() => toOrderEventMessage(sampleOrder(oneLine('USD', 9_007_199_254_740_991n))));
    expect(error.field).toBe('line_items[0].price');
    expect(error.message).toContain('would read back as 90071992547409.9');
  });

  it('writes every instant in UTC with a Z', () => {
    const message = toOrderEventMessage(sampleOrder({ createdAt: '2025-06-30T23:59:59.999+05:30' }));
    expect(message.created_at).toBe('2025-06-30T18:29:59.999Z');
  });

  it('does not touch its input', () => {
    const order = sampleOrder();
    const before = JSON.stringify(order, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
    toOrderEventMessage(order);
    expect(JSON.stringify(order, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))).toBe(before);
  });
});
