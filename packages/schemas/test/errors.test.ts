import { HeraldError } from '@herald/errors';
import { describe, expect, it } from 'vitest';
import {
  SchemaDecodeError,
  SchemaError,
  SchemaValidationError,
  createOrderEventMessageV1Codec,
  orderEventMessageV1Codec as codec,
} from '../src/index.js';
import { lineItem, order } from './support/orders.js';

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

const broken = order({
  order_id: '',
  customer_name: 'Grace Hopper',
  line_items: [lineItem({ quantity: 0 }), lineItem({ price: -5, product_id: '' })],
  total_price: Number.NaN,
  note: 'secret note',
});

describe('SchemaValidationError', () => {
  it('lists every violation, not just the first', () => {
    const error = caught(() => codec.encode(broken)) as SchemaValidationError;
    expect(error.issues.map((i) => i.path)).toEqual([
      '$input.order_id',
      '$input.line_items[0].quantity',
      '$input.line_items[1].product_id',
      '$input.line_items[1].price',
      '$input.total_price',
      '$input.note',
    ]);
    expect(error.issues[0]).toEqual({
      path: '$input.order_id',
      expected: 'string & MinLength<1>',
      received: 'string',
      value: '',
    });
    expect(error.issues[4]).toMatchObject({ path: '$input.total_price', received: 'NaN' });
    expect(error.message).toContain('OrderEventMessage v1 is invalid (6 issues)');
    expect(error.message).toContain('$input.line_items[1].price: expected number & Minimum<0>, got -5');
  });

  it('is a typed, non-retriable schema error', () => {
    const error = caught(() => codec.encode(broken));
    expect(error).toBeInstanceOf(SchemaValidationError);
    expect(error).toBeInstanceOf(SchemaError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: 'SchemaValidationError',
      code: 'SCHEMA_VALIDATION',
      retriable: false,
      redacted: false,
    });
    expect(SchemaError.is(error)).toBe(true);
    // One error model: the shared Herald brand (see @herald/errors), told apart by code.
    expect(HeraldError.is(error)).toBe(true);
  });

  it('recognises errors from another copy of the package by brand and code', () => {
    const foreign = Object.assign(Object.create({ [Symbol.for('herald.error')]: true }) as object, {
      code: 'SCHEMA_DECODE',
    });
    expect(SchemaError.is(foreign)).toBe(true);
    expect(SchemaError.is({ code: 'SCHEMA_DECODE' })).toBe(false);
    expect(
      SchemaError.is(
        Object.assign(Object.create({ [Symbol.for('herald.error')]: true }) as object, { code: 'QUEUE_FULL_TIMEOUT' }),
      ),
    ).toBe(false);
  });

  it('keeps long messages short and lists at most ten issues in the message', () => {
    const many = order({ line_items: Array.from({ length: 25 }, () => lineItem({ quantity: 0 })), customer_name: 'x' });
    const error = caught(() => codec.encode(many)) as SchemaValidationError;
    expect(error.issues).toHaveLength(25);
    expect(error.message).toContain('… and 15 more');
    const long = caught(() =>
      codec.encode(order({ order_id: 5, customer_name: 7, created_at: 'y'.repeat(500) })),
    ) as SchemaValidationError;
    expect(long.message.length).toBeLessThan(400);
  });

  it('has a JSON form with scalar values only', () => {
    const error = caught(() =>
      codec.encode(order({ line_items: [lineItem(), 'not an item'], customer_name: { first: 'Ada' } })),
    ) as SchemaValidationError;
    const json = JSON.parse(JSON.stringify(error)) as { code: string; issues: Array<Record<string, unknown>> };
    expect(json.code).toBe('SCHEMA_VALIDATION');
    expect(json.issues).toEqual([
      { path: '$input.customer_name', expected: 'string', received: 'object' },
      { path: '$input.line_items[1]', expected: 'LineItemEventMessage', received: 'string', value: 'not an item' },
    ]);
  });
});

describe('redactValues', () => {
  const redacting = createOrderEventMessageV1Codec({ redactValues: true });

  it('leaves values out of issues, message and JSON, but keeps paths and kinds', () => {
    const error = caught(() => redacting.encode(broken)) as SchemaValidationError;
    expect(error.redacted).toBe(true);
    expect(error.issues).toHaveLength(6);
    for (const issue of error.issues) expect('value' in issue).toBe(false);
    expect(error.issues[0]).toEqual({ path: '$input.order_id', expected: 'string & MinLength<1>', received: 'string' });
    const texts = [error.message, JSON.stringify(error)];
    for (const text of texts) {
      expect(text).not.toContain('secret note');
      expect(text).not.toContain('-5');
      expect(text).toContain('$input.line_items[1].price');
    }
  });

  it('redacts validate() results too', () => {
    const result = redacting.validate(order({ customer_name: 123456789 }));
    expect(result).toEqual({
      success: false,
      issues: [{ path: '$input.customer_name', expected: 'string', received: 'number' }],
    });
  });

  it('does not quote the payload or keep the parser error when decoding fails', () => {
    const payload = Buffer.from('{"customer_name": "Grace Hopper", oops}');
    const error = caught(() => redacting.decode(payload)) as SchemaDecodeError;
    expect(error).toBeInstanceOf(SchemaDecodeError);
    expect(error.message).not.toContain('Grace');
    expect(error.cause).toBeUndefined();
    const plain = caught(() => codec.decode(payload)) as SchemaDecodeError;
    expect(plain.cause).toBeInstanceOf(SyntaxError);
  });
});

describe('SchemaDecodeError', () => {
  it('reports malformed JSON with a clear message', () => {
    const error = caught(() => codec.decode(Buffer.from('{"order_id":'))) as SchemaDecodeError;
    expect(error).toBeInstanceOf(SchemaDecodeError);
    expect(error).toMatchObject({ code: 'SCHEMA_DECODE', retriable: false, bytes: 12 });
    expect(error.message).toMatch(/^OrderEventMessage v1: payload \(12 bytes\) is not valid JSON: /);
  });

  it('rejects malformed UTF-8 instead of decoding it to U+FFFD', () => {
    const valid = Buffer.from(JSON.stringify(order({ customer_name: 'Zoë' })));
    const at = valid.indexOf(0xc3);
    const bad = Buffer.concat([valid.subarray(0, at), Buffer.from([0xc3, 0x28]), valid.subarray(at + 2)]);
    const error = caught(() => codec.decode(bad)) as SchemaDecodeError;
    expect(error.message).toContain('malformed UTF-8');
    expect(codec.decode(valid)).toEqual(order({ customer_name: 'Zoë' }));
  });

  it('reports a schema mismatch after parsing as a SchemaValidationError', () => {
    const error = caught(() => codec.decode('{"order_id":"o-1"}')) as SchemaValidationError;
    expect(error).toBeInstanceOf(SchemaValidationError);
    expect(error.issues.map((i) => i.path)).toEqual([
      '$input.created_at',
      '$input.customer_name',
      '$input.line_items',
      '$input.total_price',
    ]);
  });

  it('reports a __proto__ key as the extra property it is', () => {
    const json = JSON.stringify(order()).replace('{', '{"__proto__":{"x":1},');
    const error = caught(() => codec.decode(json)) as SchemaValidationError;
    expect(error.issues.map((i) => i.path)).toEqual(['$input.__proto__']);
  });
});
