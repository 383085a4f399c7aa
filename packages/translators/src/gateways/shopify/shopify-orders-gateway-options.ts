import { integerOption, InvalidOptionsError } from '@herald/errors';
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

function baseUrlOf(value: unknown): URL {
  let base: URL;
  try {
    base = new URL(String(value));
  } catch (error) {
    throw new InvalidOptionsError(
      'baseUrl',
      `baseUrl must be an absolute http(s) URL, got ${JSON.stringify(value)}`,
      error,
    );
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:')
    throw new InvalidOptionsError('baseUrl', `baseUrl must be http(s), got ${base.protocol}`);
  return base;
}

/** Applies defaults and checks every option; throws `InvalidOptionsError` naming a bad one. */
export function resolveShopifyOptions(options: ShopifyOrdersGatewayOptions): ResolvedShopifyOptions {
  if (typeof options.accessToken !== 'string' || options.accessToken === '')
    throw new InvalidOptionsError('accessToken', 'accessToken must be a non-empty string');
  const base = baseUrlOf(options.baseUrl);
  const apiVersion = options.apiVersion ?? '2025-01';
  // Relative to the base path (kept, with a trailing slash), so a proxy prefix survives.
  const firstPage = new URL(
    `admin/api/${encodeURIComponent(apiVersion)}/orders.json`,
    base.href.endsWith('/') ? base : `${base.href}/`,
  );
  firstPage.searchParams.set('limit', String(integerOption('pageSize', options.pageSize, 250, { max: 250 })));
  firstPage.searchParams.set('status', options.status ?? 'any');
  for (const [name, value] of Object.entries(options.query ?? {})) firstPage.searchParams.set(name, value);
  return Object.freeze({
    firstPage,
    accessToken: options.accessToken,
    requestTimeoutMs: integerOption('requestTimeoutMs', options.requestTimeoutMs, 30_000),
    maxAttempts: integerOption('maxAttempts', options.maxAttempts, 5),
    retryBaseDelayMs: integerOption('retryBaseDelayMs', options.retryBaseDelayMs, 1_000, { min: 0 }),
    retryMaxDelayMs: integerOption('retryMaxDelayMs', options.retryMaxDelayMs, 60_000, { min: 0 }),
    fetch: options.fetch ?? globalThis.fetch,
  });
}
