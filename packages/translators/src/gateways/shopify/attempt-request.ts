import { GatewayError } from '../../errors/gateway-error.js';
import { retryAfterMs } from '../../internal/retry-after.js';
import type { ResolvedShopifyOptions } from './shopify-orders-gateway-options.js';

/** What one HTTP attempt produced: a body, a failure worth retrying, or a final failure. */
export type AttemptOutcome =
  | { readonly kind: 'ok'; readonly text: string; readonly link: string | null }
  | { readonly kind: 'retry'; readonly error: GatewayError; readonly retryAfterMs: number | undefined }
  | { readonly kind: 'fail'; readonly error: GatewayError };

/** Longest excerpt of an error response body quoted in the message (Shopify explains itself there). */
const BODY_EXCERPT = 200;

async function excerpt(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  return text.length > BODY_EXCERPT ? `${text.slice(0, BODY_EXCERPT)}…` : text;
}

function statusOutcome(response: Response, url: string, attempt: number, body: string): AttemptOutcome {
  const { status } = response;
  const init = { url, attempts: attempt, status };
  const said = body === '' ? '' : `: ${body}`;
  if (status === 429) {
    const error = new GatewayError('GATEWAY_HTTP_STATUS', `rate limited (HTTP 429)${said}`, {
      ...init,
      retriable: true,
    });
    return { kind: 'retry', error, retryAfterMs: retryAfterMs(response.headers.get('retry-after')) };
  }
  // 501 Not Implemented and 505 will not change on a retry; other 5xx are the server's bad moment.
  if (status >= 500 && status !== 501 && status !== 505) {
    const error = new GatewayError('GATEWAY_HTTP_STATUS', `server error (HTTP ${status})${said}`, {
      ...init,
      retriable: true,
    });
    return { kind: 'retry', error, retryAfterMs: retryAfterMs(response.headers.get('retry-after')) };
  }
  // Redirects are not followed: the access token header must not travel to wherever they point.
  return {
    kind: 'fail',
    error: new GatewayError('GATEWAY_HTTP_STATUS', `unexpected HTTP ${status}${said}`, { ...init, retriable: false }),
  };
}

/**
 * One GET of `url` with the access token, bounded by `requestTimeoutMs` for the whole exchange
 * (headers and body). Classifies the result; never throws.
 */
export async function attemptRequest(
  url: string,
  options: ResolvedShopifyOptions,
  attempt: number,
  signal: AbortSignal | undefined,
): Promise<AttemptOutcome> {
  const timeout = AbortSignal.timeout(options.requestTimeoutMs);
  const combined = signal === undefined ? timeout : AbortSignal.any([signal, timeout]);
  try {
    const response = await options.fetch(url, {
      headers: { 'X-Shopify-Access-Token': options.accessToken, accept: 'application/json' },
      redirect: 'manual',
      signal: combined,
    });
    if (response.status !== 200) return statusOutcome(response, url, attempt, await excerpt(response));
    return { kind: 'ok', text: await response.text(), link: response.headers.get('link') };
  } catch (cause) {
    const init = { url, attempts: attempt, cause };
    if (signal?.aborted === true)
      return {
        kind: 'fail',
        error: new GatewayError('GATEWAY_ABORTED', 'aborted by the caller', { ...init, retriable: false }),
      };
    if (timeout.aborted) {
      const error = new GatewayError('GATEWAY_TIMEOUT', `no complete response within ${options.requestTimeoutMs} ms`, {
        ...init,
        retriable: true,
      });
      return { kind: 'retry', error, retryAfterMs: undefined };
    }
    const reason =
      cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : String(cause);
    return {
      kind: 'retry',
      error: new GatewayError('GATEWAY_NETWORK', `network error: ${reason}`, { ...init, retriable: true }),
      retryAfterMs: undefined,
    };
  }
}
