// A local HTTP server that plays the Shopify Admin REST orders endpoint, scripted per test.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the server saw of one request. */
export interface SeenRequest {
  readonly path: string;
  readonly query: URLSearchParams;
  readonly token: string | undefined;
  /** `performance.now()` at arrival. */
  readonly at: number;
}

/** How to answer one request. `hang` never answers; `body` objects are sent as JSON. */
export interface Reply {
  readonly status?: number;
  readonly headers?: Record<string, string>;
  readonly body?: string | object;
  readonly hang?: boolean;
}

/** The running server: its base URL, the requests it saw, and `await using` cleanup. */
export interface FakeShopify extends AsyncDisposable {
  readonly baseUrl: string;
  readonly requests: SeenRequest[];
  /** A `Link` header value with a next link to `page_info=cursor`. */
  link(cursor: string, rel?: string): string;
}

/** Starts a fake Shopify on 127.0.0.1 (random port); `reply` is called once per request (0-based `n`). */
export async function startFakeShopify(reply: (request: SeenRequest, n: number) => Reply): Promise<FakeShopify> {
  const requests: SeenRequest[] = [];
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const token = req.headers['x-shopify-access-token'];
    const seen = {
      path: url.pathname,
      query: url.searchParams,
      token: typeof token === 'string' ? token : undefined,
      at: performance.now(),
    };
    requests.push(seen);
    const answer = reply(seen, requests.length - 1);
    if (answer.hang === true) return;
    const body = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body ?? {});
    res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers });
    res.end(body);
  };
  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    requests,
    link: (cursor, rel = 'next') =>
      `<${baseUrl}/admin/api/2025-01/orders.json?limit=250&page_info=${cursor}>; rel="${rel}"`,
    async [Symbol.asyncDispose]() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
