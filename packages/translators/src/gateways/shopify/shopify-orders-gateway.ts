import type { OrdersGateway, OrdersPage } from '../orders-gateway.js';
import { getOrdersPage } from './get-orders-page.js';
import { parseShopifyOrder } from './parse-shopify-order.js';
import { readOrdersPage } from './read-orders-page.js';
import { resolveShopifyOptions } from './shopify-orders-gateway-options.js';
import type { ResolvedShopifyOptions, ShopifyOrdersGatewayOptions } from './shopify-orders-gateway-options.js';

/**
 * Reads orders from a Shopify-style Admin REST API: `GET {baseUrl}/admin/api/{version}/orders.json`
 * with cursor pagination through `Link: <…page_info=…>; rel="next"`, one page in memory at a time.
 * Retries 429 (honouring `Retry-After`), 5xx, timeouts and network errors with backoff; maps each
 * order into the domain with {@link parseShopifyOrder}, reporting the ones that are not valid.
 */
export class ShopifyOrdersGateway implements OrdersGateway {
  readonly #options: ResolvedShopifyOptions;

  /** Throws `InvalidOptionsError` (of `@herald/errors`) naming an invalid option. */
  constructor(options: ShopifyOrdersGatewayOptions) {
    this.#options = resolveShopifyOptions(options);
  }

  /** The orders page by page; ends with a `GatewayError` when a page cannot be fetched or read. */
  async *pages(signal?: AbortSignal): AsyncGenerator<OrdersPage, void, undefined> {
    let url: URL | undefined = this.#options.firstPage;
    while (url !== undefined) {
      const page = readOrdersPage(await getOrdersPage(url.href, this.#options, signal), url);
      yield { orders: page.records.map(parseShopifyOrder) };
      url = page.next;
    }
  }
}
