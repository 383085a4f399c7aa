// fast-check arbitraries of domain orders, built through the public factories only.
import fc from 'fast-check';
import { Money, Order } from '../../src/index.js';
import type { LineItemInput } from '../../src/index.js';

/** Currencies covering every exponent: 0, 2, 3 and 4. */
export const currencies = ['USD', 'EUR', 'GBP', 'JPY', 'KRW', 'KWD', 'BHD', 'CLF'] as const;

const id = fc.oneof(
  fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
  fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_:/-]{0,23}$/),
  fc.uuid(),
);

// Any printable text, including emoji and combining marks; the factories trim it.
const text = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 24 })
  .filter((s) => s.trim() !== '' && !/[\u0000-\u001f\u007f-\u009f]/.test(s)); // eslint-disable-line no-control-regex

/** Limits of the generated amounts and counts. */
export interface OrderBounds {
  readonly maxMinor: bigint;
  readonly maxQuantity: number;
  readonly maxLines: number;
}

/** Orders whose every amount a JSON number carries exactly (totals stay well below 10^15 minor units). */
export const modest: OrderBounds = { maxMinor: 10n ** 9n, maxQuantity: 1000, maxLines: 6 };

/** Anything the domain accepts, including totals no JSON number can carry. */
export const extreme: OrderBounds = { maxMinor: 10n ** 20n, maxQuantity: 4_294_967_295, maxLines: 4 };

function lineItem(currency: string, bounds: OrderBounds, index: number): fc.Arbitrary<LineItemInput> {
  return fc.record({
    id: id.map((v) => `${String(v)}-${index}`),
    productId: id,
    title: text,
    quantity: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: bounds.maxQuantity })),
    unitPrice: fc
      .oneof(fc.bigInt({ min: 0n, max: 10_000n }), fc.bigInt({ min: 0n, max: bounds.maxMinor }))
      .map((minor) => Money.of(minor, currency)),
  });
}

/** Random valid domain orders within `bounds`. */
export function orders(bounds: OrderBounds = modest): fc.Arbitrary<Order> {
  return fc.constantFrom(...currencies).chain((currency) =>
    fc
      .record({
        id,
        createdAt: fc.date({
          min: new Date('0001-01-01T00:00:00Z'),
          max: new Date('9999-12-31T23:59:59.999Z'),
          noInvalidDate: true,
        }),
        customerName: text,
        lineItems: fc
          .integer({ min: 1, max: bounds.maxLines })
          .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => lineItem(currency, bounds, i)))),
      })
      .map((input) => Order.create({ ...input, currency })),
  );
}
