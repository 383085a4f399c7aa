// Small in-test gateways: pages given up front, optionally ending in an error.
import type { FetchedOrder, Order, OrdersGateway, OrdersPage } from '../../src/index.js';

/** A gateway that yields `pages` (orders or ready-made fetch results), then throws `error` if given. */
export function listGateway(pages: ReadonlyArray<ReadonlyArray<Order | FetchedOrder>>, error?: Error): OrdersGateway {
  return {
    async *pages(): AsyncGenerator<OrdersPage> {
      for (const page of pages) {
        yield { orders: page.map((o) => ('ok' in o ? o : { ok: true as const, order: o })) };
        await Promise.resolve();
      }
      if (error !== undefined) throw error;
    },
  };
}
