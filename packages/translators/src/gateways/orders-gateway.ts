import type { Order } from '../domain/order.js';
import type { DomainValidationError } from '../errors/domain-validation-error.js';

/**
 * One order as a gateway read it: a domain {@link Order}, or a record the source sent that is not
 * a valid order. Rejections travel with the page so that the use case reports them per order
 * instead of a gateway dropping them silently.
 */
export type FetchedOrder =
  | { readonly ok: true; readonly order: Order }
  | {
      readonly ok: false;
      /** The record's id, when it had a usable one. */
      readonly orderId: string | undefined;
      /** Why it is not a valid order: every issue found. */
      readonly error: DomainValidationError;
    };

/** One page of orders, in source order. */
export interface OrdersPage {
  readonly orders: readonly FetchedOrder[];
}

/**
 * The port the order-extraction use case reads from: any source of orders, page by page, so
 * memory stays bounded for any number of orders. Adapters translate their source's records into
 * the domain (the inbound side of the anti-corruption layer) and report the ones they cannot.
 */
export interface OrdersGateway {
  /**
   * The orders, one page at a time. A failure to fetch or read a page (not an order) ends the
   * iteration with an error, typically a `GatewayError`. `signal` stops it early.
   */
  pages(signal?: AbortSignal): AsyncIterable<OrdersPage>;
}
