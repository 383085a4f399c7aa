// The whole inbound path: a local HTTP server playing Shopify, the HTTP gateway, the translator and
// the in-memory publisher double, with the contract's codec validating every published message.
import { InMemoryPublisher } from '@herald/publisher/testing';
import { orderEventMessageV1Codec } from '@herald/schemas';
import type { OrderEventMessage } from '@herald/schemas';
import { describe, expect, it } from 'vitest';
import { ShopifyOrdersGateway } from '../../src/gateways/shopify/index.js';
import { ExtractOrdersUseCase, GatewayError } from '../../src/index.js';
import { startFakeShopify } from '../support/fake-shopify.js';
import { shopifyOrder } from '../support/shopify-orders.js';

describe('extracting orders from a Shopify-style API', () => {
  it('publishes the good orders, reports the bad one and the malformed last page', async () => {
    await using shop = await startFakeShopify((req, n) => {
      const cursor = req.query.get('page_info');
      if (cursor === null)
        return { body: { orders: [shopifyOrder(1), shopifyOrder(2)] }, headers: { link: shop.link('b') } };
      if (cursor === 'b' && n === 1) return { status: 503 };
      if (cursor === 'b')
        return {
          body: { orders: [shopifyOrder(3, { line_items: [] }), shopifyOrder(4)] },
          headers: { link: shop.link('c') },
        };
      return { body: '<html>Bad gateway</html>' };
    });
    const publisher = new InMemoryPublisher<OrderEventMessage>({
      codec: orderEventMessageV1Codec,
      key: (m) => m.order_id,
    });
    const gateway = new ShopifyOrdersGateway({ baseUrl: shop.baseUrl, accessToken: 'shpat_test', retryBaseDelayMs: 5 });
    const report = await new ExtractOrdersUseCase(gateway, publisher).execute();

    expect(publisher.published.map((r) => [r.key, r.event.total_price])).toEqual([
      ['1', 39.98],
      ['2', 39.98],
      ['4', 39.98],
    ]);
    expect(report).toMatchObject({ fetched: 4, published: 3, pages: 2, complete: false });
    expect(report.failed).toEqual([
      {
        orderId: '3',
        position: 2,
        stage: 'parse',
        reason: 'lineItems: an order has at least one line item',
        code: 'DOMAIN_VALIDATION',
      },
    ]);
    expect(report.runFailure).toMatchObject({ stage: 'fetch', code: 'GATEWAY_MALFORMED_PAGE' });
    expect(report.runFailure?.error).toBeInstanceOf(GatewayError);
    expect(report.runFailure?.reason).toContain('page_info=c');
    expect(shop.requests).toHaveLength(4);
  });
});
