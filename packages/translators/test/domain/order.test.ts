import { describe, expect, it } from 'vitest';
import { DomainValidationError, Instant, LineItem, Money, Order } from '../../src/index.js';
import { orderInput, sampleOrder } from '../support/orders.js';

function issuesOf(build: () => unknown): Array<{ path: string; message: string }> {
  try {
    build();
  } catch (error) {
    if (error instanceof DomainValidationError) return [...error.issues];
    throw error;
  }
  throw new Error('expected a DomainValidationError');
}

describe('Order.create', () => {
  it('validates, brands and computes the total as the sum of the line totals', () => {
    const order = sampleOrder();
    expect(order.id).toBe('1001');
    expect(order.createdAt).toBe(Instant.of('2025-01-15T15:30:00Z'));
    expect(order.lineItems.map((l) => l.total.toString())).toEqual(['39.98 USD', '5.00 USD']);
    expect(order.total.toString()).toBe('44.98 USD');
  });

  it('is deeply immutable', () => {
    const order = sampleOrder();
    expect(Object.isFrozen(order)).toBe(true);
    expect(Object.isFrozen(order.lineItems)).toBe(true);
    expect(Object.isFrozen(order.lineItems[0])).toBe(true);
    expect(() => (order.lineItems as LineItem[]).push(order.lineItems[0]!)).toThrow(TypeError);
  });

  it('accepts ready-made line items and value objects', () => {
    const line = LineItem.of({ id: 7, productId: 8n, title: ' Tea ', quantity: 3, unitPrice: Money.of(100, 'JPY') });
    const order = Order.create({
      id: 1,
      createdAt: new Date(0),
      customerName: 'Ken',
      currency: 'JPY',
      lineItems: [line],
    });
    expect(order.lineItems[0]).toStrictEqual(line);
    expect(line.title).toBe('Tea');
    expect(order.total.toString()).toBe('300 JPY');
  });

  it('reports every broken rule at once, by path', () => {
    const issues = issuesOf(() =>
      Order.create(
        orderInput({
          id: '',
          createdAt: '2025-02-30T00:00:00Z',
          customerName: ' ',
          lineItems: [
            { id: 'l-1', productId: 'p-1', title: 'Tea', quantity: 0, unitPrice: Money.parse('1', 'USD') },
            { id: 'l-1', productId: '', title: 'Mug', quantity: 1, unitPrice: Money.parse('1', 'USD') },
          ],
        }),
      ),
    );
    expect(issues.map((i) => i.path)).toEqual([
      'id',
      'createdAt',
      'customerName',
      'lineItems[0].quantity',
      'lineItems[1].productId',
    ]);
  });

  it('keeps one currency per order', () => {
    const issues = issuesOf(() =>
      Order.create(
        orderInput({
          lineItems: [{ id: 'l-1', productId: 'p', title: 'Tea', quantity: 1, unitPrice: Money.parse('1', 'EUR') }],
        }),
      ),
    );
    expect(issues).toEqual([
      { path: 'lineItems[0].unitPrice', message: 'is in EUR, the order is in USD: one currency per order' },
    ]);
  });

  it('refuses duplicate line ids and an order with no lines', () => {
    const line = { id: 'l-1', productId: 'p', title: 'Tea', quantity: 1, unitPrice: Money.parse('1', 'USD') };
    expect(issuesOf(() => Order.create(orderInput({ lineItems: [line, line] })))).toEqual([
      { path: 'lineItems[1].id', message: 'duplicates line item id "l-1"' },
    ]);
    expect(issuesOf(() => Order.create(orderInput({ lineItems: [] })))).toEqual([
      { path: 'lineItems', message: 'an order has at least one line item' },
    ]);
  });

  it('says what is wrong in the message, first issues first', () => {
    expect(() => Order.create(orderInput({ currency: 'usd' }))).toThrow(
      /^currency: CurrencyCode must be an ISO 4217 code/,
    );
  });

  it('refuses a unit price that is not a Money', () => {
    const issues = issuesOf(() =>
      LineItem.of({ id: 'l', productId: 'p', title: 't', quantity: 1, unitPrice: { minor: 1n } as unknown as Money }),
    );
    expect(issues).toEqual([{ path: 'unitPrice', message: 'must be a Money (see Money.of and Money.parse)' }]);
  });
});
