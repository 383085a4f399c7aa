import { InvalidOptionsError } from '@herald/errors';
import { describe, expect, it } from 'vitest';
import { ShopifyOrdersGateway } from '../../src/gateways/shopify/index.js';
import type { ShopifyOrdersGatewayOptions } from '../../src/gateways/shopify/index.js';
import { GatewayError } from '../../src/index.js';
import type { OrdersPage } from '../../src/index.js';
import { startFakeShopify } from '../support/fake-shopify.js';
import { shopifyOrder } from '../support/shopify-orders.js';

// Small delays keep retry tests fast; the logic is the same at production values.
function gateway(baseUrl: string, options: Partial<ShopifyOrdersGatewayOptions> = {}): ShopifyOrdersGateway {
  return new ShopifyOrdersGateway({
    baseUrl,
    accessToken: 'shpat_test',
    retryBaseDelayMs: 10,
    retryMaxDelayMs: 2_000,
    requestTimeoutMs: 2_000,
    ...options,
  });
}

async function collect(pages: AsyncIterable<OrdersPage>): Promise<OrdersPage[]> {
  const out: OrdersPage[] = [];
  for await (const page of pages) out.push(page);
  return out;
}

async function failure(pages: AsyncIterable<OrdersPage>, seen: OrdersPage[] = []): Promise<GatewayError> {
  try {
    for await (const page of pages) seen.push(page);
  } catch (error) {
    if (error instanceof GatewayError) return error;
    throw error;
  }
  throw new Error('expected a GatewayError');
}

const ids = (pages: OrdersPage[]) =>
  pages.flatMap((p) => p.orders.map((o) => (o.ok ? o.order.id : `bad:${o.orderId}`)));

describe('ShopifyOrdersGateway', () => {
  it('follows rel="next" cursors across pages with the access token on every request', async () => {
    await using shop = await startFakeShopify((req) => {
      const cursor = req.query.get('page_info');
      if (cursor === null)
        return { body: { orders: [shopifyOrder(1), shopifyOrder(2)] }, headers: { link: shop.link('p2') } };
      if (cursor === 'p2')
        return {
          body: { orders: [shopifyOrder(3)] },
          headers: { link: `${shop.link('p1', 'previous')}, ${shop.link('p3')}` },
        };
      return { body: { orders: [shopifyOrder(4)] }, headers: { link: shop.link('p2', 'previous') } };
    });
    const pages = await collect(
      gateway(shop.baseUrl, { pageSize: 2, query: { created_at_min: '2025-01-01T00:00:00Z' } }).pages(),
    );
    expect(pages.map((p) => p.orders.length)).toEqual([2, 1, 1]);
    expect(ids(pages)).toEqual(['1', '2', '3', '4']);
    expect(shop.requests.map((r) => r.token)).toEqual(['shpat_test', 'shpat_test', 'shpat_test']);
    const first = shop.requests[0]!;
    expect(first.path).toBe('/admin/api/2025-01/orders.json');
    expect(Object.fromEntries(first.query)).toEqual({
      limit: '2',
      status: 'any',
      created_at_min: '2025-01-01T00:00:00Z',
    });
    expect(shop.requests.slice(1).map((r) => r.query.get('page_info'))).toEqual(['p2', 'p3']);
  });

  it('reports orders with missing fields in the page and keeps the rest', async () => {
    const broken = shopifyOrder(2, {
      customer: undefined,
      line_items: [{ id: 20, product_id: 5, title: 'Tea', price: '1.00' }],
    });
    await using shop = await startFakeShopify(() => ({ body: { orders: [shopifyOrder(1), broken, shopifyOrder(3)] } }));
    const [page] = await collect(gateway(shop.baseUrl).pages());
    expect(ids([page!])).toEqual(['1', 'bad:2', '3']);
    const bad = page!.orders[1]!;
    expect(!bad.ok && bad.error.issues.map((i) => i.path)).toEqual(['customer', 'line_items[0].quantity']);
  });

  it('waits as long as Retry-After says on 429, then goes on', async () => {
    await using shop = await startFakeShopify((_, n) =>
      n === 0
        ? { status: 429, headers: { 'retry-after': '0.3' }, body: { errors: 'Exceeded 2 calls per second' } }
        : { body: { orders: [shopifyOrder(1)] } },
    );
    const pages = await collect(gateway(shop.baseUrl, { retryBaseDelayMs: 0 }).pages());
    expect(ids(pages)).toEqual(['1']);
    expect(shop.requests).toHaveLength(2);
    expect(shop.requests[1]!.at - shop.requests[0]!.at).toBeGreaterThanOrEqual(290);
  });

  it('refuses to wait longer than retryMaxDelayMs for a Retry-After', async () => {
    await using shop = await startFakeShopify(() => ({ status: 429, headers: { 'retry-after': '3600' } }));
    const error = await failure(gateway(shop.baseUrl).pages());
    expect(error.code).toBe('GATEWAY_HTTP_STATUS');
    expect(error.status).toBe(429);
    expect(error.retriable).toBe(true);
    expect(error.message).toContain('Retry-After asks for 3600000 ms, more than retryMaxDelayMs (2000)');
    expect(shop.requests).toHaveLength(1);
  });

  it('retries 5xx with growing backoff, then succeeds', async () => {
    await using shop = await startFakeShopify((_, n) =>
      n < 3 ? { status: [500, 502, 503][n]!, body: 'upstream hiccup' } : { body: { orders: [shopifyOrder(7)] } },
    );
    const pages = await collect(gateway(shop.baseUrl, { retryBaseDelayMs: 40, maxAttempts: 4 }).pages());
    expect(ids(pages)).toEqual(['7']);
    const gaps = shop.requests.slice(1).map((r, i) => r.at - shop.requests[i]!.at);
    // Equal jitter: retry k waits between half and all of 40 · 2^(k-1) ms.
    expect(gaps[0]).toBeGreaterThanOrEqual(19);
    expect(gaps[1]).toBeGreaterThanOrEqual(39);
    expect(gaps[2]).toBeGreaterThanOrEqual(79);
  });

  it('gives up after maxAttempts on a persistent 5xx, quoting the body', async () => {
    await using shop = await startFakeShopify(() => ({ status: 503, body: '{"errors":"maintenance"}' }));
    const error = await failure(gateway(shop.baseUrl, { maxAttempts: 3 }).pages());
    expect(error).toMatchObject({ code: 'GATEWAY_HTTP_STATUS', status: 503, attempts: 3, retriable: true });
    expect(error.message).toBe(
      `server error (HTTP 503): {"errors":"maintenance"} (GET ${shop.baseUrl}/admin/api/2025-01/orders.json?limit=250&status=any, 3 attempts)`,
    );
    expect(shop.requests).toHaveLength(3);
  });

  it('does not retry a 401 or follow a redirect', async () => {
    await using shop = await startFakeShopify((_, n) =>
      n === 0
        ? { status: 401, body: '{"errors":"Invalid API key"}' }
        : { status: 302, headers: { location: 'http://evil.example/' } },
    );
    const unauthorized = await failure(gateway(shop.baseUrl).pages());
    expect(unauthorized).toMatchObject({ code: 'GATEWAY_HTTP_STATUS', status: 401, attempts: 1, retriable: false });
    const redirected = await failure(gateway(shop.baseUrl).pages());
    expect(redirected).toMatchObject({ status: 302, retriable: false });
    expect(shop.requests).toHaveLength(2);
  });

  it('times out a request that never answers, retrying up to maxAttempts', async () => {
    await using shop = await startFakeShopify(() => ({ hang: true }));
    const started = performance.now();
    const error = await failure(gateway(shop.baseUrl, { requestTimeoutMs: 150, maxAttempts: 2 }).pages());
    expect(error).toMatchObject({ code: 'GATEWAY_TIMEOUT', attempts: 2, retriable: true });
    expect(error.message).toContain('no complete response within 150 ms');
    expect(shop.requests).toHaveLength(2);
    expect(performance.now() - started).toBeGreaterThanOrEqual(295);
  });

  it('stops at a malformed JSON page after yielding the good ones, without retrying it', async () => {
    await using shop = await startFakeShopify((req) =>
      req.query.get('page_info') === null
        ? { body: { orders: [shopifyOrder(1)] }, headers: { link: shop.link('p2') } }
        : { body: '{"orders": [{"id": 2,' },
    );
    const seen: OrdersPage[] = [];
    const error = await failure(gateway(shop.baseUrl).pages(), seen);
    expect(ids(seen)).toEqual(['1']);
    expect(error).toMatchObject({ code: 'GATEWAY_MALFORMED_PAGE', status: 200, retriable: false });
    expect(error.message).toMatch(/^the page is not valid JSON \(21 bytes\): .*page_info=p2, 1 attempt\)$/);
    expect(error.cause).toBeInstanceOf(SyntaxError);
    expect(shop.requests).toHaveLength(2);
  });

  it('refuses a page without an orders array', async () => {
    await using shop = await startFakeShopify(() => ({ body: { order: [] } }));
    expect((await failure(gateway(shop.baseUrl).pages())).message).toContain('the page has no "orders" array');
  });

  it('never sends the token to another origin, nor loops on the same page', async () => {
    await using shop = await startFakeShopify((_, n) => ({
      body: { orders: [] },
      headers: { link: n === 0 ? '<http://127.0.0.2:1/admin/api/2025-01/orders.json?page_info=x>; rel="next"' : '' },
    }));
    expect((await failure(gateway(shop.baseUrl).pages())).message).toContain(
      "leaves the shop's origin (http://127.0.0.2:1)",
    );
    await using loop = await startFakeShopify(() => ({
      body: { orders: [] },
      headers: { link: `<${loop.baseUrl}/admin/api/2025-01/orders.json?limit=250&status=any>; rel="next"` },
    }));
    expect((await failure(gateway(loop.baseUrl).pages())).message).toContain('points at the same page');
    expect(shop.requests).toHaveLength(1);
  });

  it('retries a refused connection as a network error', async () => {
    // A port that was just in use and is now closed: nothing listens there.
    const closed = await startFakeShopify(() => ({}));
    await closed[Symbol.asyncDispose]();
    const error = await failure(gateway(closed.baseUrl, { maxAttempts: 2 }).pages());
    expect(error).toMatchObject({ code: 'GATEWAY_NETWORK', attempts: 2, retriable: true });
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('stops when the caller aborts, even while waiting to retry', async () => {
    await using shop = await startFakeShopify(() => ({ status: 503 }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('shutting down')), 100);
    const error = await failure(
      gateway(shop.baseUrl, { retryBaseDelayMs: 1_500, retryMaxDelayMs: 5_000 }).pages(controller.signal),
    );
    expect(error).toMatchObject({ code: 'GATEWAY_ABORTED', retriable: false });
    expect(shop.requests).toHaveLength(1);
  });

  it('checks its options up front', () => {
    expect(() => gateway('http://x', { pageSize: 251 })).toThrow('pageSize must be an integer from 1 to 250, got 251');
    expect(() => gateway('ftp://x')).toThrow('baseUrl must be http(s)');
    expect(() => new ShopifyOrdersGateway({ baseUrl: 'http://x', accessToken: '' })).toThrow('accessToken');
    expect(() => gateway('not a url')).toThrow('baseUrl must be an absolute http(s) URL');
    for (const bad of [{ pageSize: 251 }, { maxAttempts: 0 }, { retryBaseDelayMs: -1 }, { requestTimeoutMs: 1.5 }]) {
      expect(() => gateway('http://x', bad)).toThrow(InvalidOptionsError);
    }
    expect(() => gateway('ftp://x')).toThrow(InvalidOptionsError);
    expect(() => gateway('not a url')).toThrow(InvalidOptionsError);
  });
});
