import { InvalidOptionsError } from '@herald/errors';
import { FlushTimeoutError } from '@herald/publisher';
import { InMemoryPublisher } from '@herald/publisher/testing';
import { orderEventMessageV1Codec, parseCloudEventHeaders } from '@herald/schemas';
import type { OrderEventMessage } from '@herald/schemas';
import { describe, expect, it } from 'vitest';
import { FixtureOrdersGateway } from '../../src/gateways/fixture/index.js';
import { ExtractOrdersUseCase, GatewayError, Money } from '../../src/index.js';
import type { ExtractProgress, ExtractReport } from '../../src/index.js';
import { ControlledSink } from '../support/controlled-sink.js';
import { listGateway } from '../support/gateways.js';
import { sampleOrder } from '../support/orders.js';

function publisher(): InMemoryPublisher<OrderEventMessage> {
  return new InMemoryPublisher<OrderEventMessage>({
    topic: 'orders',
    codec: orderEventMessageV1Codec,
    key: (m) => m.order_id,
  });
}

function expectAccountedFor(report: ExtractReport): void {
  expect(report.fetched).toBe(report.published + report.failed.length);
}

describe('ExtractOrdersUseCase', () => {
  it('publishes every order, keyed by order id, with CloudEvents headers, and flushes', async () => {
    const sink = publisher();
    const report = await new ExtractOrdersUseCase(
      new FixtureOrdersGateway({ count: 1200, pageSize: 250 }),
      sink,
    ).execute();
    expect(report).toMatchObject({
      fetched: 1200,
      published: 1200,
      failed: [],
      pages: 5,
      complete: true,
      runFailure: undefined,
    });
    expect(sink.published).toHaveLength(1200);
    const first = sink.published[0]!;
    expect(first.key).toBe('1000000');
    expect(first.event.order_id).toBe('1000000');
    const headers = parseCloudEventHeaders(first.options?.headers as Record<string, string>);
    expect(headers).toMatchObject({
      type: 'com.herald.order.created.v1',
      source: '/herald/extract-orders',
      subject: '1000000',
      time: first.event.created_at,
    });
    expect(new Set(sink.published.map((r) => r.options?.headers?.['ce_id'])).size).toBe(1200);
    expect(report.durationMs).toBeGreaterThan(0);
  });

  it('reports bad orders per order (stage parse) and publishes the rest', async () => {
    const gateway = new FixtureOrdersGateway({ count: 400, badOrderRate: 0.2, pageSize: 100 });
    const report = await new ExtractOrdersUseCase(gateway, publisher()).execute();
    expect(report.complete).toBe(true);
    expect(report.failed).toHaveLength(gateway.badOrderCount());
    expect(report.published).toBe(400 - gateway.badOrderCount());
    expectAccountedFor(report);
    const failure = report.failed[0]!;
    expect(failure).toEqual({
      orderId: String(1_000_000 + failure.position),
      position: failure.position,
      stage: 'parse',
      reason: expect.any(String),
      code: 'DOMAIN_VALIDATION',
    });
    expect(gateway.defectAt(failure.position)).toBeDefined();
  });

  it('reports an order the contract cannot carry (stage translate) without stopping', async () => {
    const huge = sampleOrder({
      id: 'huge',
      lineItems: [{ id: 'l', productId: 'p', title: 'Yacht', quantity: 1, unitPrice: Money.of(2n ** 60n, 'USD') }],
    });
    const report = await new ExtractOrdersUseCase(
      listGateway([[sampleOrder({ id: 'a' }), huge, sampleOrder({ id: 'b' })]]),
      publisher(),
    ).execute();
    expect(report.published).toBe(2);
    expect(report.failed).toEqual([
      {
        orderId: 'huge',
        position: 1,
        stage: 'translate',
        reason: expect.stringMatching(/^order huge: line_items\[0\]\.price: /),
        code: 'TRANSLATION',
      },
    ]);
  });

  it('reports failed publishes (stage publish) with the publisher error code', async () => {
    const sink = publisher();
    sink.failWhen((r) => (r.event.order_id === '1000003' ? 'DELIVERY_TIMEOUT' : undefined));
    const report = await new ExtractOrdersUseCase(new FixtureOrdersGateway({ count: 10 }), sink).execute();
    expect(report.published).toBe(9);
    expect(report.failed).toEqual([
      {
        orderId: '1000003',
        position: 3,
        stage: 'publish',
        reason: expect.stringMatching(/^no ack from orders within message.timeout.ms/),
        code: 'DELIVERY_TIMEOUT',
      },
    ]);
    expect(report.complete).toBe(true);
  });

  it('keeps up to maxInFlight publishes outstanding, no more, and flushes after all settled', async () => {
    const sink = new ControlledSink();
    const orders = Array.from({ length: 35 }, (_, i) => sampleOrder({ id: `o-${i}` }));
    const running = new ExtractOrdersUseCase(listGateway([orders]), sink, { maxInFlight: 10 }).execute();
    const observed: number[] = [];
    for (let round = 0; round < 100 && sink.flushes === 0; round++) {
      await new Promise((resolve) => setImmediate(resolve));
      if (sink.pending.length > 0) observed.push(sink.pending.length);
      sink.settleAll();
    }
    const report = await running;
    // It does not wait for one publish before starting the next: each round fills the cap.
    expect(observed).toEqual([10, 10, 10, 5]);
    expect(report.published).toBe(35);
    expect(sink.maxOutstanding).toBe(10);
    expect(sink.outstandingAtFlush).toBe(0);
    expect(sink.flushes).toBe(1);
  });

  it('bounds outstanding publishes over many orders with an asynchronous publisher', async () => {
    let outstanding = 0;
    let most = 0;
    const sink = {
      publish: () => {
        most = Math.max(most, ++outstanding);
        return new Promise<void>((resolve) => setImmediate(() => (outstanding--, resolve())));
      },
      flush: () => Promise.resolve(),
    };
    const report = await new ExtractOrdersUseCase(new FixtureOrdersGateway({ count: 20_000, pageSize: 2_000 }), sink, {
      maxInFlight: 500,
      headers: null,
    }).execute();
    expect(report.published).toBe(20_000);
    expect(most).toBe(500);
  });

  it('stops at a page failure, reports it, and keeps what was already published', async () => {
    const sink = publisher();
    const broken = new GatewayError('GATEWAY_MALFORMED_PAGE', 'the page is not valid JSON', {
      url: 'http://shop/orders.json?page_info=3',
      attempts: 1,
      retriable: false,
    });
    const gateway = listGateway(
      [[sampleOrder({ id: '1' }), sampleOrder({ id: '2' })], [sampleOrder({ id: '3' })]],
      broken,
    );
    const report = await new ExtractOrdersUseCase(gateway, sink).execute();
    expect(report).toMatchObject({ fetched: 3, published: 3, pages: 2, complete: false });
    expect(report.runFailure).toEqual({
      stage: 'fetch',
      reason: broken.message,
      code: 'GATEWAY_MALFORMED_PAGE',
      error: broken,
    });
    expect(sink.published.map((r) => r.event.order_id)).toEqual(['1', '2', '3']);
  });

  it('stops when the signal aborts, accounting for every order read', async () => {
    const controller = new AbortController();
    const sink = publisher();
    const progress: ExtractProgress[] = [];
    const report = await new ExtractOrdersUseCase(new FixtureOrdersGateway({ count: 100_000, pageSize: 100 }), sink, {
      onProgress: (p) => (
        progress.push(p),
        p.fetched >= 300 ? controller.abort(new Error('operator stop')) : undefined
      ),
    }).execute({ signal: controller.signal });
    expect(report.runFailure).toMatchObject({ stage: 'aborted', reason: 'operator stop' });
    expect(report.fetched).toBe(300);
    expect(report.published).toBe(300);
    expectAccountedFor(report);
  });

  it('reports progress after each page and once at the end', async () => {
    const progress: ExtractProgress[] = [];
    const report = await new ExtractOrdersUseCase(
      new FixtureOrdersGateway({ count: 25, pageSize: 10, badOrderRate: 0.3 }),
      publisher(),
      {
        onProgress: (p) => progress.push(p),
      },
    ).execute();
    expect(progress.map((p) => p.fetched)).toEqual([10, 20, 25, 25]);
    expect(progress.at(-1)).toEqual({
      fetched: 25,
      published: report.published,
      failed: report.failed.length,
      inFlight: 0,
    });
  });

  it('reports a failed final flush', async () => {
    const sink = { publish: () => Promise.resolve(), flush: () => Promise.reject(new FlushTimeoutError(4, 50)) };
    const report = await new ExtractOrdersUseCase(listGateway([[sampleOrder()]]), sink, {
      flushTimeoutMs: 50,
    }).execute();
    expect(report.complete).toBe(false);
    expect(report.runFailure).toMatchObject({ stage: 'flush', code: 'FLUSH_TIMEOUT' });
  });

  it('publishes the event kind asked for, with custom headers or none', async () => {
    const custom = publisher();
    await new ExtractOrdersUseCase(listGateway([[sampleOrder()]]), custom, {
      kind: 'cancelled',
      headers: (e) => ({ 'x-event': e.eventType.type }),
    }).execute();
    expect(custom.published[0]?.options?.headers).toEqual({ 'x-event': 'com.herald.order.cancelled.v1' });
    const bare = publisher();
    await new ExtractOrdersUseCase(listGateway([[sampleOrder()]]), bare, { headers: null }).execute();
    expect(bare.published[0]?.options).toBeUndefined();
  });

  it('refuses invalid options at construction', () => {
    const gateway = listGateway([]);
    expect(() => new ExtractOrdersUseCase(gateway, publisher(), { maxInFlight: 0 })).toThrow(
      'maxInFlight must be a positive integer, got 0',
    );
    expect(() => new ExtractOrdersUseCase(gateway, publisher(), { maxInFlight: 0 })).toThrow(InvalidOptionsError);
    expect(() => new ExtractOrdersUseCase(gateway, publisher(), { source: '' })).toThrow(InvalidOptionsError);
    expect(() => new ExtractOrdersUseCase(gateway, publisher(), { source: '' })).toThrow('source');
  });
});
