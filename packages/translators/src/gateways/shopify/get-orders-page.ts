import { GatewayError } from '../../errors/gateway-error.js';
import { backoffMs } from '../../internal/backoff.js';
import { sleep } from '../../internal/sleep.js';
import { attemptRequest } from './attempt-request.js';
import type { ResolvedShopifyOptions } from './shopify-orders-gateway-options.js';

/** The raw body and `Link` header of one page. */
export interface RawOrdersPage {
  readonly text: string;
  readonly link: string | null;
  /** The attempt that succeeded, 1 for the first. */
  readonly attempts: number;
}

/**
 * GETs one page, retrying 429 (after `Retry-After` when given), 5xx, timeouts and network errors
 * with exponential backoff and jitter, up to `maxAttempts`. Throws `GatewayError` when it gives up.
 */
export async function getOrdersPage(
  url: string,
  options: ResolvedShopifyOptions,
  signal: AbortSignal | undefined,
): Promise<RawOrdersPage> {
  for (let attempt = 1; ; attempt++) {
    const outcome = await attemptRequest(url, options, attempt, signal);
    if (outcome.kind === 'ok') return { text: outcome.text, link: outcome.link, attempts: attempt };
    if (outcome.kind === 'fail' || attempt >= options.maxAttempts) throw outcome.error;
    const delay = outcome.retryAfterMs ?? backoffMs(attempt, options.retryBaseDelayMs, options.retryMaxDelayMs);
    if (delay > options.retryMaxDelayMs) {
      // Only a server-given Retry-After can exceed the cap: waiting less would just be refused again.
      const message = `HTTP ${outcome.error.status}: Retry-After asks for ${delay} ms, more than retryMaxDelayMs (${options.retryMaxDelayMs})`;
      throw new GatewayError(outcome.error.code, message, {
        url,
        attempts: attempt,
        ...(outcome.error.status === undefined ? {} : { status: outcome.error.status }),
        retriable: true,
        cause: outcome.error,
      });
    }
    try {
      await sleep(delay, signal);
    } catch (cause) {
      throw new GatewayError('GATEWAY_ABORTED', 'aborted by the caller while waiting to retry', {
        url,
        attempts: attempt,
        retriable: false,
        cause,
      });
    }
  }
}
