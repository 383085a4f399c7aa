// encode must write exactly what Buffer.from(JSON.stringify(x)) writes for every valid x whose
// keys are in contract order, and decode must give the message back.
import typia from 'typia';
import { describe, expect, it } from 'vitest';
import type { OrderEventMessage } from '../src/index.js';
import { orderEventMessageV1Codec as codec } from '../src/index.js';
import { order, orderWithItem, stringifyBytes } from './support/orders.js';
import { TRICKY_AMOUNTS, adversarialString, amount, pick, prng } from './support/random.js';

function adversarialOrder(rng: () => number): OrderEventMessage {
  const base = typia.random<OrderEventMessage>();
  const id = (): string => adversarialString(rng, 1);
  return {
    order_id: id(),
    created_at: base.created_at,
    customer_name: adversarialString(rng),
    line_items: base.line_items.map((item) => ({
      line_item_id: id(),
      product_id: id(),
      product_title: adversarialString(rng),
      quantity: pick(rng, [1, 2, 3, 10, 2 ** 31, 2 ** 32 - 1, item.quantity]),
      price: amount(rng),
    })),
    total_price: amount(rng),
  };
}

function expectEncodesLikeStringify(message: OrderEventMessage, seed: number): void {
  const expected = stringifyBytes(message);
  const encoded = codec.encode(message);
  if (!encoded.equals(expected)) {
    // Show where they part, with the seed that reproduces it.
    const at = encoded.findIndex((byte, i) => byte !== expected[i]);
    expect({
      seed,
      at,
      encoded: encoded.subarray(at - 20, at + 20).toString('hex'),
      expected: expected.subarray(at - 20, at + 20).toString('hex'),
    }).toBeUndefined();
  }
  expect(codec.encodeTransient(message).equals(expected)).toBe(true);
  // decode gives back the JSON value: the message itself, but for -0, which JSON writes as 0.
  expect(codec.decode(encoded)).toEqual(JSON.parse(expected.toString('utf8')));
}

describe('encode is byte-identical to Buffer.from(JSON.stringify(x))', () => {
  it('for typia.random orders (and decode round-trips them)', () => {
    for (let i = 0; i < 500; i++) {
      const message = typia.random<OrderEventMessage>();
      expect(codec.validate(message).success).toBe(true);
      expect(stringifyBytes(codec.decode(codec.encode(message))).equals(stringifyBytes(message))).toBe(true);
      expect(codec.decode(codec.encode(message))).toEqual(message);
    }
  });

  it('for orders full of adversarial strings and tricky numbers', () => {
    for (let seed = 1; seed <= 1500; seed++) {
      const message = adversarialOrder(prng(seed));
      expect(codec.is(message)).toBe(true);
      expectEncodesLikeStringify(message, seed);
    }
  });

  it('for every UTF-16 code unit, alone and in sequence', () => {
    let all = '';
    for (let c = 0; c <= 0xffff; c++) all += String.fromCharCode(c);
    expectEncodesLikeStringify(order({ customer_name: all }), 0);
    for (let c = 0; c <= 0xffff; c += 1) {
      const name = `a${String.fromCharCode(c)}b`;
      const bytes = codec.encode(order({ customer_name: name }));
      if (!bytes.equals(stringifyBytes(order({ customer_name: name })))) expect(c.toString(16)).toBe('no mismatch');
    }
  });

  it('for lone and paired surrogates, U+2028/2029, quotes, backslashes and controls', () => {
    const names = [
      '\ud800',
      '\udc00',
      'x\ud83d',
      '\ude00x',
      '\udc00\ud800',
      '😀',
      '\ud83d\ude00\ud83d',
      '\u2028\u2029',
      '"\\"',
      '\u0000\u001f\u007f',
      '\b\f\n\r\t',
    ];
    for (const customer_name of names) {
      const message = order({ customer_name });
      expectEncodesLikeStringify(message, 0);
    }
    expect(codec.encode(order({ customer_name: '\ud800' })).toString('latin1')).toContain('"customer_name":"\\ud800"');
  });

  it('for long strings, with and without something to escape (the native write path)', () => {
    const rng = prng(99);
    const clean = ['a', 'Z', '0', ' ', '~', '\u007f', 'é', 'ß', 'Ж', '中', '\u2028', '\u2029', '\ufeff', '\uffff'];
    const special = ['"', '\\', '\n', '\u0000', '\u001f', '😀', '\ud800', '\udfff'];
    for (let i = 0; i < 400; i++) {
      const length = 60 + Math.floor(rng() * 2000);
      let text = '';
      while (text.length < length) text += pick(rng, clean);
      expectEncodesLikeStringify(order({ customer_name: text }), i);
      const at = Math.floor(rng() * text.length);
      expectEncodesLikeStringify(order({ customer_name: text.slice(0, at) + pick(rng, special) + text.slice(at) }), i);
    }
  });

  it('for numbers: -0, exponents, float noise, huge integers', () => {
    for (const price of TRICKY_AMOUNTS) expectEncodesLikeStringify(orderWithItem({ price }), 0);
    for (const quantity of [1, 9, 10, 99, 100, 2 ** 31, 2 ** 32 - 1])
      expectEncodesLikeStringify(orderWithItem({ quantity }), 0);
    const rng = prng(42);
    for (let i = 0; i < 20000; i++) expectEncodesLikeStringify(order({ total_price: amount(rng) }), i);
  });

  it('writes -0 as 0, like JSON.stringify, and accepts it as not below 0', () => {
    const bytes = codec.encode(order({ total_price: -0 }));
    expect(bytes.toString()).toContain('"total_price":0}');
    expect(Object.is(codec.decode(bytes).total_price, 0)).toBe(true);
  });
});
