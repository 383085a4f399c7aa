// Ownership of the returned bytes, buffer growth, and 1 MB messages.
import { describe, expect, it } from 'vitest';
import { orderEventMessageV1Codec as codec } from '../src/index.js';
import { lineItem, order, stringifyBytes } from './support/orders.js';

/** An order whose line items alone take at least `bytes` of JSON. */
function bigOrder(bytes: number): ReturnType<typeof order> {
  const items = [];
  for (let size = 0; size < bytes;) {
    const item = lineItem({ line_item_id: `li-${items.length}`, product_title: `Item ${items.length} ✓` });
    items.push(item);
    size += stringifyBytes(item).length + 1;
  }
  return order({ line_items: items });
}

describe('encode', () => {
  it('returns buffers the caller owns: later encodes never touch earlier bytes', () => {
    const first = codec.encode(order({ customer_name: 'first' }));
    const copy = Buffer.from(first);
    for (let i = 0; i < 200; i++) codec.encode(order({ customer_name: `other ${i}` }));
    expect(first.equals(copy)).toBe(true);
  });

  it('keeps every message of a run of mixed sizes intact (slabs sized to the traffic)', () => {
    const sizes = [200, 40_000, 300, 15_000, 40_000, 40_000, 5_000, 90_000, 100, 40_000];
    const messages = Array.from({ length: 60 }, (_, i) =>
      order({ customer_name: `${i}:${'n'.repeat(sizes[i % sizes.length]!)}` }),
    );
    const encoded = messages.map((m) => codec.encode(m));
    encoded.forEach((bytes, i) => expect(bytes.equals(stringifyBytes(messages[i]))).toBe(true));
  });

  it('handles a 1 MB line-item list, byte-identical and round-tripping', () => {
    const message = bigOrder(1024 * 1024);
    const bytes = codec.encode(message);
    expect(bytes.length).toBeGreaterThan(1024 * 1024);
    expect(bytes.equals(stringifyBytes(message))).toBe(true);
    expect(codec.decode(bytes)).toEqual(message);
  });

  it('gives a grown message an exact-size buffer and keeps small messages right after it', () => {
    const big = codec.encode(order({ customer_name: 'x'.repeat(300_000) }));
    expect(big.buffer.byteLength).toBe(big.length);
    const small = codec.encode(order());
    expect(small.equals(stringifyBytes(order()))).toBe(true);
    expect(big.equals(stringifyBytes(order({ customer_name: 'x'.repeat(300_000) })))).toBe(true);
  });

  it('does not leave later messages pinning the buffer an invalid large message grew', () => {
    codec.encode(order()); // recent traffic is small: pooled slabs are small
    const big = bigOrder(2 * 1024 * 1024);
    // Broken at the very end, so the encoder has grown its buffer to megabytes before it finds out.
    const invalid = { ...big, line_items: [...big.line_items.slice(0, -1), lineItem({ quantity: 0 })] };
    expect(() => codec.encode(invalid)).toThrow(/quantity/);
    const a = codec.encode(order());
    const b = codec.encode(order());
    expect(a.equals(stringifyBytes(order())) && b.equals(stringifyBytes(order()))).toBe(true);
    // Both carved back to back from one fresh small slab (not copied, not in the grown buffer).
    expect(a.buffer.byteLength).toBeLessThan(64 * 1024);
    expect(b.buffer).toBe(a.buffer);
    expect(b.byteOffset).toBe(a.byteOffset + a.length);
  });

  it('reports every violation of a 1 MB message', () => {
    const message = bigOrder(1024 * 1024);
    const items = message.line_items.map((item, i) => (i % 1000 === 0 ? { ...item, quantity: 0 } : item));
    const result = codec.validate({ ...message, line_items: items });
    expect(result.success ? 0 : result.issues.length).toBe(Math.ceil(items.length / 1000));
  });
});

describe('encodeTransient', () => {
  it('returns the same bytes as encode, in a buffer reused by the next call', () => {
    const a = codec.encodeTransient(order({ customer_name: 'aaaa' }));
    expect(a.equals(stringifyBytes(order({ customer_name: 'aaaa' })))).toBe(true);
    const b = codec.encodeTransient(order({ customer_name: 'bbbb' }));
    expect(b.buffer).toBe(a.buffer);
    expect(a.toString()).toContain('"customer_name":"bbbb"');
  });

  it('is not disturbed by is() or validate() in between', () => {
    const bytes = codec.encodeTransient(order({ customer_name: 'kept' }));
    const copy = Buffer.from(bytes);
    expect(codec.is(order({ customer_name: 'other' }))).toBe(true);
    codec.validate(order({ customer_name: 'another' }));
    expect(bytes.equals(copy)).toBe(true);
  });

  it('grows for a large message and still encodes small ones after it', () => {
    const message = bigOrder(2 * 1024 * 1024);
    expect(codec.encodeTransient(message).equals(stringifyBytes(message))).toBe(true);
    expect(codec.encodeTransient(order()).equals(stringifyBytes(order()))).toBe(true);
  });
});
