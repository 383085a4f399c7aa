// Version 1 of the order event contract. Once published, never edit this file: add
// order-event.v2.ts instead (docs/schemas.md, "Defining a new message version").
import type { Amount, Count, Id, IsoDateTime } from '../tags.js';

/** One line of an order as it travels on the wire (version 1). Field names are the wire names. */
export interface LineItemEventMessage {
  readonly line_item_id: Id;
  readonly product_id: Id;
  readonly product_title: string;
  /** Units ordered: a whole number from 1 to 2^32 - 1. */
  readonly quantity: Count;
  /** Unit price as a decimal number in the order's currency. */
  readonly price: Amount;
}

/**
 * An order as it travels on the wire (version 1): the payload of order created, updated and
 * cancelled events, which share it; the CloudEvents `ce_type` header names which one it is.
 */
export interface OrderEventMessage {
  readonly order_id: Id;
  /** When the order was created, RFC 3339 with an explicit offset, e.g. `2025-01-15T10:30:00Z`. */
  readonly created_at: string & IsoDateTime;
  readonly customer_name: string;
  readonly line_items: ReadonlyArray<LineItemEventMessage>;
  /** Order total as a decimal number in the order's currency. */
  readonly total_price: Amount;
}
