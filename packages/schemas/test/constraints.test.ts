// Every constraint of the order contract, each broken in exactly one place: the codec must reject
// it with exactly one issue at exactly that path, whichever entry point is used.
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SchemaValidationError, orderEventMessageV1Codec as codec } from '../src/index.js';
import { order, orderWithItem } from './support/orders.js';

interface Case {
  readonly name: string;
  readonly input: unknown;
  readonly path: string;
}

const missing = (key: string): Record<string, unknown> => {
  const { [key]: _dropped, ...rest } = order() as unknown as Record<string, unknown>;
  return rest;
};

const cases: Case[] = [
  { name: 'order_id empty', input: order({ order_id: '' }), path: '$input.order_id' },
  { name: 'order_id not a string', input: order({ order_id: 42 }), path: '$input.order_id' },
  { name: 'order_id missing', input: missing('order_id'), path: '$input.order_id' },
  {
    name: 'created_at on a day that does not exist',
    input: order({ created_at: '2025-02-30T10:30:00Z' }),
    path: '$input.created_at',
  },
  {
    name: 'created_at with a space separator',
    input: order({ created_at: '2025-01-15 10:30:00Z' }),
    path: '$input.created_at',
  },
  { name: 'created_at without offset', input: order({ created_at: '2025-01-15T10:30:00' }), path: '$input.created_at' },
  {
    name: 'created_at on 29 Feb of a common year',
    input: order({ created_at: '2023-02-29T00:00:00Z' }),
    path: '$input.created_at',
  },
  {
    name: 'created_at on 29 Feb 2100 (not leap)',
    input: order({ created_at: '2100-02-29T00:00:00Z' }),
    path: '$input.created_at',
  },
  {
    name: 'created_at on 31 April',
    input: order({ created_at: '2025-04-31T00:00:00+02:00' }),
    path: '$input.created_at',
  },
  { name: 'created_at with hour 24', input: order({ created_at: '2025-01-15T24:00:00Z' }), path: '$input.created_at' },
  {
    name: 'created_at as a Date',
    input: order({ created_at: new Date('2025-01-15T10:30:00Z') }),
    path: '$input.created_at',
  },
  { name: 'customer_name null', input: order({ customer_name: null }), path: '$input.customer_name' },
  {
    name: 'customer_name a String object',
    input: order({ customer_name: new String('Ada') }),
    path: '$input.customer_name',
  },
  { name: 'line_items not an array', input: order({ line_items: {} }), path: '$input.line_items' },
  { name: 'line item null', input: order({ line_items: [null] }), path: '$input.line_items[0]' },
  { name: 'line_item_id empty', input: orderWithItem({ line_item_id: '' }), path: '$input.line_items[0].line_item_id' },
  { name: 'product_id empty', input: orderWithItem({ product_id: '' }), path: '$input.line_items[0].product_id' },
  {
    name: 'product_title not a string',
    input: orderWithItem({ product_title: 7 }),
    path: '$input.line_items[0].product_title',
  },
  { name: 'quantity 0', input: orderWithItem({ quantity: 0 }), path: '$input.line_items[0].quantity' },
  { name: 'quantity fractional', input: orderWithItem({ quantity: 1.5 }), path: '$input.line_items[0].quantity' },
  { name: 'quantity negative', input: orderWithItem({ quantity: -1 }), path: '$input.line_items[0].quantity' },
  { name: 'quantity 2^32', input: orderWithItem({ quantity: 2 ** 32 }), path: '$input.line_items[0].quantity' },
  { name: 'quantity NaN', input: orderWithItem({ quantity: Number.NaN }), path: '$input.line_items[0].quantity' },
  {
    name: 'quantity Infinity',
    input: orderWithItem({ quantity: Number.POSITIVE_INFINITY }),
    path: '$input.line_items[0].quantity',
  },
  { name: 'quantity a numeric string', input: orderWithItem({ quantity: '1' }), path: '$input.line_items[0].quantity' },
  { name: 'price negative', input: orderWithItem({ price: -0.01 }), path: '$input.line_items[0].price' },
  { name: 'price NaN', input: orderWithItem({ price: Number.NaN }), path: '$input.line_items[0].price' },
  {
    name: 'price Infinity',
    input: orderWithItem({ price: Number.POSITIVE_INFINITY }),
    path: '$input.line_items[0].price',
  },
  {
    name: 'price -Infinity',
    input: orderWithItem({ price: Number.NEGATIVE_INFINITY }),
    path: '$input.line_items[0].price',
  },
  { name: 'price a bigint', input: orderWithItem({ price: 5n }), path: '$input.line_items[0].price' },
  { name: 'total_price negative', input: order({ total_price: -1 }), path: '$input.total_price' },
  { name: 'total_price Infinity', input: order({ total_price: Number.POSITIVE_INFINITY }), path: '$input.total_price' },
  { name: 'total_price NaN', input: order({ total_price: Number.NaN }), path: '$input.total_price' },
  { name: 'extra property on the order', input: order({ coupon: 'X' }), path: '$input.coupon' },
  { name: 'extra property on a line item', input: orderWithItem({ sku: 'X' }), path: '$input.line_items[0].sku' },
  { name: 'not an object', input: 'order', path: '$input' },
  { name: 'null', input: null, path: '$input' },
];

describe('each constraint, broken once', () => {
  it.each(cases)('$name → $path', ({ input, path }) => {
    let thrown: unknown;
    try {
      codec.encode(input as never);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SchemaValidationError);
    expect((thrown as SchemaValidationError).issues.map((i) => i.path)).toEqual([path]);

    const result = codec.validate(input);
    expect(result.success).toBe(false);
    expect(result.success ? [] : result.issues.map((i) => i.path)).toEqual([path]);
    expect(codec.is(input)).toBe(false);
    expect(() => codec.encodeTransient(input as never)).toThrow(SchemaValidationError);
  });

  it('accepts the valid base order and the calendar edge cases that exist', () => {
    for (const created_at of [
      '2024-02-29T00:00:00Z',
      '2000-02-29T23:59:59.999999999+14:00',
      '2025-12-31T00:00:00-12:00',
    ]) {
      expect(codec.validate(order({ created_at }))).toEqual({ success: true, data: order({ created_at }) });
    }
  });

  it('decode rejects the JSON form of every case JSON can carry, at the same path', () => {
    const faithful = cases.filter(({ input }) => {
      try {
        return isDeepStrictEqual(JSON.parse(JSON.stringify(input)), input);
      } catch {
        return false; // a bigint
      }
    });
    expect(faithful.length).toBeGreaterThan(20);
    for (const { input, path } of faithful) {
      let thrown: unknown;
      try {
        codec.decode(Buffer.from(JSON.stringify(input)));
      } catch (error) {
        thrown = error;
      }
      expect(thrown, path).toBeInstanceOf(SchemaValidationError);
      expect(
        (thrown as SchemaValidationError).issues.map((i) => i.path),
        path,
      ).toEqual([path]);
    }
  });
});
