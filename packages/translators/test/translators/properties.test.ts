// Property tests over random domain orders: every translation passes the contract, and every
// amount on the wire is exactly the domain's, never a float approximation.
import { orderEventMessageV1Codec, validateOrderEventMessageV1 } from '@herald/schemas';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Money, TranslationError, toOrderEventMessage } from '../../src/index.js';
import type { Order } from '../../src/index.js';
import { extreme, modest, orders } from '../support/arbitraries.js';

// The reference conversion the issue describes: decimal string of the minor units, then Number.
function viaDecimalString(money: Money): number {
  return Number(money.toDecimalString());
}

function expectExactAmounts(
  order: Order,
  wire: { line_items: ReadonlyArray<{ price: number }>; total_price: number },
): void {
  expect(Money.parse(wire.total_price, order.currency).equals(order.total)).toBe(true);
  expect(wire.total_price).toBe(viaDecimalString(order.total));
  order.lineItems.forEach((line, i) => {
    const price = wire.line_items[i]?.price ?? Number.NaN;
    expect(Money.parse(price, order.currency).equals(line.unitPrice)).toBe(true);
    expect(price).toBe(viaDecimalString(line.unitPrice));
  });
}

describe('toOrderEventMessage over random orders', () => {
  it('always passes the contract validator and the codec, and decodes to itself', () => {
    fc.assert(
      fc.property(orders(modest), (order) => {
        const message = toOrderEventMessage(order);
        const validation = validateOrderEventMessageV1(message);
        expect(validation.success, JSON.stringify(validation.success ? [] : validation.errors)).toBe(true);
        const bytes = orderEventMessageV1Codec.encode(message);
        expect(bytes.toString()).toBe(JSON.stringify(message));
        expect(orderEventMessageV1Codec.decode(bytes)).toEqual(message);
      }),
      { numRuns: 500 },
    );
  });

  it('carries every amount exactly: the wire number reads back as the same minor units', () => {
    fc.assert(
      fc.property(orders(modest), (order) => {
        const message = toOrderEventMessage(order);
        expectExactAmounts(order, message);
        expect(message.order_id).toBe(order.id);
        expect(Date.parse(message.created_at)).toBe(order.createdAt);
        expect(message.created_at.endsWith('Z')).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('at any size, either carries amounts exactly or fails with a TranslationError naming the order', () => {
    let failures = 0;
    fc.assert(
      fc.property(orders(extreme), (order) => {
        try {
          const message = toOrderEventMessage(order);
          expect(orderEventMessageV1Codec.is(message)).toBe(true);
          expectExactAmounts(order, message);
        } catch (error) {
          if (!(error instanceof TranslationError)) throw error;
          failures++;
          expect(error.orderId).toBe(order.id);
          expect(error.field).toMatch(/^(total_price|line_items\[\d+\]\.price)$/);
          const money =
            error.field === 'total_price'
              ? order.total
              : order.lineItems[Number(/\d+/.exec(error.field)?.[0])]!.unitPrice;
          // Only amounts past what a double keeps exactly may fail.
          expect(money.minor >= 10n ** 15n).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
    // The bounds are wide enough that both outcomes happen: the property checked something.
    expect(failures).toBeGreaterThan(0);
  });
});
