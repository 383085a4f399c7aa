/**
 * The fields of a Shopify Admin REST `Order` that the translator reads; everything else is
 * ignored. Money amounts are decimal strings (`"199.00"`), ids numbers, times RFC 3339 with offset.
 * Documentation only: input is parsed as `unknown` and checked field by field.
 */
export interface ShopifyOrderJson {
  readonly id: number | string;
  readonly created_at: string;
  /** ISO 4217 code of every amount in the order. */
  readonly currency: string;
  readonly customer?: { readonly first_name?: string | null; readonly last_name?: string | null } | null;
  /** Used for the customer name when `customer` has none (guest checkout). */
  readonly billing_address?: { readonly name?: string | null } | null;
  /** Sum of `price × quantity` over the lines; checked against the computed total when present. */
  readonly total_line_items_price?: string;
  readonly line_items: ReadonlyArray<{
    readonly id: number | string;
    /** `null` for a custom line item with no product: such an order is refused. */
    readonly product_id: number | string | null;
    readonly title: string;
    readonly quantity: number;
    /** Unit price. */
    readonly price: string;
  }>;
}
