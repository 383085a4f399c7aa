// Inputs that are not plain JSON-shaped data. The rule: encode writes the message typia
// validated, in contract key order; for plain data that is exactly what JSON.stringify writes.
import { describe, expect, it } from 'vitest';
import { SchemaValidationError, orderEventMessageV1Codec as codec } from '../src/index.js';
import { lineItem, order, stringifyBytes } from './support/orders.js';

const plain = order();
const plainBytes = stringifyBytes(plain);

describe('unusual inputs', () => {
  it('class instances with own fields in contract order encode like JSON.stringify', () => {
    class LineItem {
      constructor(
        readonly line_item_id: string,
        readonly product_id: string,
        readonly product_title: string,
        readonly quantity: number,
        readonly price: number,
      ) {}
    }
    const items = plain.line_items.map(
      (i) => new LineItem(i.line_item_id, i.product_id, i.product_title, i.quantity, i.price),
    );
    const message = order({ line_items: items });
    expect(codec.encode(message).equals(stringifyBytes(message))).toBe(true);
    expect(codec.encode(message).equals(plainBytes)).toBe(true);
  });

  it('prototype getters are read (typia validates them), where JSON.stringify would write {}', () => {
    class Order {
      get order_id(): string {
        return plain.order_id;
      }
      get created_at(): string {
        return plain.created_at;
      }
      get customer_name(): string {
        return plain.customer_name;
      }
      get line_items(): typeof plain.line_items {
        return plain.line_items;
      }
      get total_price(): number {
        return plain.total_price;
      }
    }
    const message = new Order();
    expect(JSON.stringify(message)).toBe('{}');
    expect(codec.validate(message).success).toBe(true);
    expect(codec.encode(message).equals(plainBytes)).toBe(true);
  });

  it('inherited properties (Object.create(proto)) are read like typia reads them', () => {
    const message = Object.create(plain) as typeof plain;
    expect(codec.encode(message).equals(plainBytes)).toBe(true);
  });

  it('a non-enumerable contract property is still encoded; a non-enumerable extra is ignored', () => {
    const message = { ...plain };
    Object.defineProperty(message, 'order_id', { value: 'hidden', enumerable: false });
    Object.defineProperty(message, 'internal', { value: 'x', enumerable: false });
    expect(codec.decode(codec.encode(message))).toEqual({ ...plain, order_id: 'hidden' });
  });

  it('null-prototype objects encode like JSON.stringify', () => {
    const message: typeof plain = Object.assign(Object.create(null), plain);
    expect(Object.getPrototypeOf(message)).toBeNull();
    expect(codec.encode(message).equals(plainBytes)).toBe(true);
  });

  it('keys in another order are accepted and written in contract order', () => {
    const { order_id, created_at, customer_name, line_items, total_price } = plain;
    const shuffled = { total_price, line_items, customer_name, created_at, order_id };
    expect(codec.encode(shuffled).equals(plainBytes)).toBe(true);
    expect(stringifyBytes(shuffled).equals(plainBytes)).toBe(false);
  });

  it('symbol keys are ignored, as JSON.stringify ignores them', () => {
    const message = { ...plain, [Symbol('trace')]: 'x' };
    expect(codec.encode(message).equals(stringifyBytes(message))).toBe(true);
  });

  it('an extra property holding undefined is allowed, and omitted like JSON.stringify omits it', () => {
    const message = { ...plain, note: undefined };
    expect(codec.encode(message).equals(stringifyBytes(message))).toBe(true);
  });

  it('sparse arrays are rejected at the hole (typia alone would skip it; JSON.stringify writes null)', () => {
    // eslint-disable-next-line no-sparse-arrays
    const message = order({ line_items: [lineItem(), , lineItem()] });
    expect(() => codec.encode(message)).toThrow(SchemaValidationError);
    const result = codec.validate(message);
    expect(result.success ? [] : result.issues.map((i) => i.path)).toEqual(['$input.line_items[1]']);
    expect(codec.is(message)).toBe(false);
  });

  it('array subclasses are read as their elements', () => {
    class Items<T> extends Array<T> {}
    const items = Items.from(plain.line_items);
    expect(codec.encode(order({ line_items: items })).equals(plainBytes)).toBe(true);
  });

  it('a toJSON on Object.prototype defers to JSON.stringify, the reference', () => {
    const proto = Object.prototype as { toJSON?: () => unknown };
    proto.toJSON = function (this: unknown) {
      return this;
    };
    try {
      expect(codec.encode(plain).equals(stringifyBytes(plain))).toBe(true);
    } finally {
      delete proto.toJSON;
    }
    expect(codec.encode(plain).equals(plainBytes)).toBe(true);
  });

  it('never mutates or freezes the input', () => {
    const message = order();
    const before = structuredClone(message);
    codec.encode(message);
    codec.validate(message);
    expect(message).toEqual(before);
    expect(Object.isFrozen(message)).toBe(false);
  });
});
