// A team's own event contract (not an order): the TypeScript type is the contract. Generated
// from it by `herald-schemas generate` (see ../herald.contracts.ts): contracts/generated/*.
import type { Amount, Id, IsoDateTime } from '@herald/schemas';

/** Payable within a number of days. */
export interface NetTerms {
  readonly kind: 'net';
  readonly days: 14 | 30 | 60;
}

/** Payable when received. */
export interface DueOnReceipt {
  readonly kind: 'on_receipt';
}

/** An invoice was issued to a customer (version 1). */
export interface InvoiceIssued {
  readonly invoice_id: Id;
  readonly issued_at: string & IsoDateTime;
  readonly customer_id: Id;
  readonly currency: 'EUR' | 'USD' | 'GBP';
  readonly total: Amount;
  readonly terms: NetTerms | DueOnReceipt;
  /** The purchase order the customer quoted, when there was one. */
  readonly purchase_order: string | null;
  readonly memo?: string;
}
