import type { LineItemEventMessage, OrderEventMessage } from '@herald/schemas';
import type { PaymentEvent } from './contracts/payment-event.v1.js';
import { paymentEvents } from './payment-fixtures.js';

/** One benchmark input: an order of a given shape. */
export interface Fixture {
  readonly name: 'small' | 'typical' | 'large';
  readonly lineItems: number;
  readonly message: OrderEventMessage;
}

/** One input of the payment contract: `payment-full` (every optional and union field set) or `payment-sparse`. */
export interface PaymentFixture {
  readonly name: 'payment-full' | 'payment-sparse';
  readonly message: PaymentEvent;
}

function lineItem(i: number): LineItemEventMessage {
  return {
    line_item_id: `li_${String(7_000_000 + i)}`,
    product_id: `SKU-${String(40000 + i * 7)}`,
    product_title:
      i % 3 === 0 ? `Darjeeling first flush ${i}, 100 g` : i % 3 === 1 ? 'Ceramic teapot – 0.8 l' : 'Café au lait mug',
    quantity: 1 + (i % 4),
    price: [4.99, 34.5, 12, 0.99][i % 4]!,
  };
}

function order(lineItems: number): OrderEventMessage {
  const items = Array.from({ length: lineItems }, (_, i) => lineItem(i));
  const total = Math.round(items.reduce((sum, item) => sum + item.price * item.quantity * 100, 0)) / 100;
  const message: OrderEventMessage = {
    order_id: '7c2e4b1a-59d3-4f0e-8a6b-2d1c3e4f5a6b',
    created_at: '2025-01-15T10:30:00.123Z',
    customer_name: 'Ada Lovelace',
    line_items: items,
    total_price: total,
  };
  // Through JSON once: strings become flat, as they are when they come from a database driver or
  // an HTTP body, rather than the rope strings template literals build.
  return JSON.parse(JSON.stringify(message)) as OrderEventMessage;
}

/** Small (1 line item), typical (3, about 500 bytes) and large (100) orders. */
export const fixtures: readonly Fixture[] = [
  { name: 'small', lineItems: 1, message: order(1) },
  { name: 'typical', lineItems: 3, message: order(3) },
  { name: 'large', lineItems: 100, message: order(100) },
];

const payments = paymentEvents();

/** The payment contract's inputs. */
export const paymentFixtures: readonly PaymentFixture[] = [
  { name: 'payment-full', message: payments.full },
  { name: 'payment-sparse', message: payments.sparse },
];
