/** Options of {@link ShopifyOrdersGateway}. */
export interface ShopifyOrdersGatewayOptions {
  /** The shop's origin, e.g. `https://my-shop.myshopify.com`; requests go to `{baseUrl}/admin/api/{apiVersion}/orders.json`. */
  readonly baseUrl: string | URL;
  /** An Admin API access token, sent as `X-Shopify-Access-Token` (and only to `baseUrl`'s origin). */
  readonly accessToken: string;
  /**
   * The Admin API version.
   * @defaultValue '2025-01'
   */
  readonly apiVersion?: string;
  /**
   * Orders per page, 1 to 250 (Shopify's maximum).
   * @defaultValue 250
   */
  readonly pageSize?: number;
  /**
   * Which orders: Shopify's own default is `open` only.
   * @defaultValue 'any'
   */
  readonly status?: 'any' | 'open' | 'closed' | 'cancelled';
  /** Extra query parameters of the first request, e.g. `{ created_at_min: '2025-01-01T00:00:00Z' }`; later pages follow the `Link` header. */
  readonly query?: Readonly<Record<string, string>>;
  /**
   * Deadline of one request, response body included, in milliseconds.
   * @defaultValue 30000
   */
  readonly requestTimeoutMs?: number;
  /**
   * Attempts per page, the first included, before a 429, 5xx, timeout or network error ends the run.
   * @defaultValue 5
   */
  readonly maxAttempts?: number;
  /**
   * First retry delay; it doubles per retry, with jitter.
   * @defaultValue 1000
   */
  readonly retryBaseDelayMs?: number;
  /**
   * Longest wait before a retry: caps the backoff, and a `Retry-After` asking for more ends the run.
   * @defaultValue 60000
   */
  readonly retryMaxDelayMs?: number;
  /**
   * The `fetch` to use, e.g. one with a proxy dispatcher.
   * @defaultValue globalThis.fetch
   */
  readonly fetch?: typeof globalThis.fetch;
}

/** {@link ShopifyOrdersGatewayOptions} resolved once: the first page's URL and every default applied. */
export interface ResolvedShopifyOptions {
  readonly firstPage: URL;
  readonly accessToken: string;
  readonly requestTimeoutMs: number;
  readonly maxAttempts: number;
  readonly retryBaseDelayMs: number;
  readonly retryMaxDelayMs: number;
  readonly fetch: typeof globalThis.fetch;
}

function integer(name: string, value: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!Number.isSafeInteger(value) || value < min || value > max) throw new RangeError(`${name} must be an integer from ${min} to ${max}, got ${value}`);
  return value;
}

/** Applies defaults and checks every option; throws `RangeError` or `TypeError` for bad ones. */
export function resolveShopifyOptions(options: ShopifyOrdersGatewayOptions): ResolvedShopifyOptions {
  if (typeof options.accessToken !== 'string' || options.accessToken === '') throw new TypeError('accessToken must be a non-empty string');
  const base = new URL(options.baseUrl);
  if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new TypeError(`baseUrl must be http(s), got ${base.protocol}`);
  const apiVersion = options.apiVersion ?? '2025-01';
  // Relative to the base path (kept, with a trailing slash), so a proxy prefix survives.
  const firstPage = new URL(`admin/api/${encodeURIComponent(apiVersion)}/orders.json`, base.href.endsWith('/') ? base : `${base.href}/`);
  firstPage.searchParams.set('limit', String(integer('pageSize', options.pageSize ?? 250, 1, 250)));
  firstPage.searchParams.set('status', options.status ?? 'any');
  for (const [name, value] of Object.entries(options.query ?? {})) firstPage.searchParams.set(name, value);
  return Object.freeze({
    firstPage,
    accessToken: options.accessToken,
    requestTimeoutMs: integer('requestTimeoutMs', options.requestTimeoutMs ?? 30_000, 1),
    maxAttempts: integer('maxAttempts', options.maxAttempts ?? 5, 1),
    retryBaseDelayMs: integer('retryBaseDelayMs', options.retryBaseDelayMs ?? 1_000, 0),
    retryMaxDelayMs: integer('retryMaxDelayMs', options.retryMaxDelayMs ?? 60_000, 0),
    fetch: options.fetch ?? globalThis.fetch,
  });
}
