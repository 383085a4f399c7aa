import type { PaymentEvent } from './contracts/payment-event.v1.js';

/** Two payment events: one with every optional and union field filled, one sparse with nulls. */
export function paymentEvents(): { readonly full: PaymentEvent; readonly sparse: PaymentEvent } {
  const full: PaymentEvent = {
    payment_id: 'pay_7c2e4b1a59d34f0e',
    occurred_at: '2025-01-15T10:30:00.123Z',
    status: 'captured',
    amount: 129.9,
    currency: 'EUR',
    customer_id: 'cus_4f0e8a6b2d1c',
    note: 'Split shipment, second parcel',
    method: { type: 'card', brand: 'visa', last4: '4242', three_d_secure: true },
    metadata: { channel: 'web', campaign: 'winter-sale', ab_bucket: 'B' },
  };
  const sparse: PaymentEvent = {
    payment_id: 'pay_0a1b2c3d4e5f6071',
    occurred_at: '2025-01-15T10:31:07Z',
    status: 'authorized',
    amount: 18,
    currency: 'GBP',
    customer_id: null,
    method: { type: 'bank_transfer', iban_last4: '0019', reference: null },
  };
  // Through JSON once, like the orders: flat strings, as from a database driver or an HTTP body.
  return JSON.parse(JSON.stringify({ full, sparse })) as { full: PaymentEvent; sparse: PaymentEvent };
}
