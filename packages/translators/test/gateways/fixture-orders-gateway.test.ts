import { InvalidOptionsError } from '@herald/errors';
import { describe, expect, it } from 'vitest';
import { FIXTURE_DEFECTS, FixtureOrdersGateway } from '../../src/gateways/fixture/index.js';
import { toOrderEventMessage } from '../../src/index.js';
import type { OrdersPage } from '../../src/index.js';

async function all(gateway: FixtureOrdersGateway): Promise<OrdersPage[]> {
  const pages: OrdersPage[] = [];
  for await (const page of gateway.pages()) pages.push(page);
  return pages;
}

const messages = (pages: OrdersPage[]) =>
  pages.flatMap((p) => p.orders.flatMap((o) => (o.ok ? [toOrderEventMessage(o.order)] : [])));

describe('FixtureOrdersGateway', () => {
  it('yields count orders in pages of pageSize, with consecutive ids', async () => {
    const pages = await all(new FixtureOrdersGateway({ count: 1001, pageSize: 250, firstOrderId: 5000 }));
    expect(pages.map((p) => p.orders.length)).toEqual([250, 250, 250, 250, 1]);
    const ids = messages(pages).map((m) => m.order_id);
    expect(ids).toHaveLength(1001);
    expect(ids[0]).toBe('5000');
    expect(ids.at(-1)).toBe('6000');
  });

  it('is deterministic per seed and differs across seeds', async () => {
    const a = messages(await all(new FixtureOrdersGateway({ count: 50, seed: 7, currencies: ['USD', 'JPY', 'KWD'] })));
    const b = messages(await all(new FixtureOrdersGateway({ count: 50, seed: 7, currencies: ['USD', 'JPY', 'KWD'] })));
    const c = messages(await all(new FixtureOrdersGateway({ count: 50, seed: 8, currencies: ['USD', 'JPY', 'KWD'] })));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
  });

  it('breaks about badOrderRate of the orders, every defect kind, each reported and none silently', async () => {
    const gateway = new FixtureOrdersGateway({ count: 2000, badOrderRate: 0.1, pageSize: 500 });
    const fetched = (await all(gateway)).flatMap((p) => p.orders);
    const bad = fetched.filter((o) => !o.ok);
    expect(bad.length).toBe(gateway.badOrderCount());
    expect(bad.length).toBeGreaterThan(150);
    expect(bad.length).toBeLessThan(250);
    const defects = new Set(Array.from({ length: 2000 }, (_, i) => gateway.defectAt(i)).filter((d) => d !== undefined));
    expect([...defects].sort()).toEqual([...FIXTURE_DEFECTS].sort());
    // A position is bad exactly when defectAt says so.
    fetched.forEach((o, i) => expect(o.ok).toBe(gateway.defectAt(i) === undefined));
  });

  it('generates lazily: the first page of a million orders comes at once', async () => {
    const gateway = new FixtureOrdersGateway({ count: 1_000_000, pageSize: 100 });
    const started = performance.now();
    const heapBefore = process.memoryUsage().heapUsed;
    let pages = 0;
    for await (const page of gateway.pages()) {
      expect(page.orders).toHaveLength(100);
      if (++pages === 3) break;
    }
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(20e6);
    expect(gateway.rawOrder(999_999)['id']).toBe(1_999_999);
  });

  it('prices orders in the currencies asked for, with their decimals', async () => {
    const pages = await all(new FixtureOrdersGateway({ count: 200, currencies: ['JPY', 'KWD'] }));
    const currencies = new Set(pages.flatMap((p) => p.orders.flatMap((o) => (o.ok ? [o.order.currency] : []))));
    expect([...currencies].sort()).toEqual(['JPY', 'KWD']);
  });

  it('checks its options', () => {
    expect(() => new FixtureOrdersGateway({ count: -1 })).toThrow('count');
    expect(() => new FixtureOrdersGateway({ count: 1, pageSize: 0 })).toThrow('pageSize');
    expect(() => new FixtureOrdersGateway({ count: 1, badOrderRate: 1.5 })).toThrow('badOrderRate');
    expect(() => new FixtureOrdersGateway({ count: 1, currencies: ['XYZ'] })).toThrow('ISO 4217');
    for (const bad of [
      { count: -1 },
      { count: 1, pageSize: 0 },
      { count: 1, badOrderRate: 1.5 },
      { count: 1, currencies: [] },
      { count: 1, currencies: ['XYZ'] },
      { count: 1, start: 'soon' },
    ]) {
      expect(() => new FixtureOrdersGateway(bad)).toThrow(InvalidOptionsError);
    }
  });
});
