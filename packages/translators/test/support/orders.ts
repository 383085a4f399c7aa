// Hand-built domain orders for unit tests.
import { Money, Order } from '../../src/index.js';
import type { OrderInput } from '../../src/index.js';

/** A valid order input: 2 × 19.99 + 1 × 5.00 USD, created 2025-01-15T10:30:00-05:00. */
export function orderInput(overrides: Partial<OrderInput> = {}): OrderInput {
  return {
    id: '1001',
    createdAt: '2025-01-15T10:30:00-05:00',
    customerName: 'Ada Lovelace',
    currency: 'USD',
    lineItems: [
      { id: 'l-1', productId: 'p-1', title: 'Tea', quantity: 2, unitPrice: Money.parse('19.99', 'USD') },
      { id: 'l-2', productId: 'p-2', title: 'Mug', quantity: 1, unitPrice: Money.parse('5.00', 'USD') },
    ],
    ...overrides,
  };
}

/** {@link orderInput} as an {@link Order}. */
export function sampleOrder(overrides: Partial<OrderInput> = {}): Order {
  return Order.create(orderInput(overrides));
}
