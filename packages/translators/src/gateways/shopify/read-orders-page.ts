import { GatewayError } from '../../errors/gateway-error.js';
import { isJsonObject } from '../../internal/json-shape.js';
import { nextLink } from '../../internal/link-header.js';
import type { RawOrdersPage } from './get-orders-page.js';

/** A page's raw order records and the URL of the next page, if any. */
export interface ParsedOrdersPage {
  readonly records: readonly unknown[];
  readonly next: URL | undefined;
}

function malformed(page: RawOrdersPage, url: URL, message: string, cause?: unknown): GatewayError {
  return new GatewayError('GATEWAY_MALFORMED_PAGE', message, {
    url: url.href,
    attempts: page.attempts,
    status: 200,
    retriable: false,
    cause,
  });
}

/**
 * Reads a fetched page: the body must be JSON with an `orders` array, and a `rel="next"` link must
 * stay on the shop's origin (the access token goes with every request) and move forward. Throws
 * `GatewayError` (`GATEWAY_MALFORMED_PAGE`) otherwise: such a page cannot be attributed to orders.
 */
export function readOrdersPage(page: RawOrdersPage, url: URL): ParsedOrdersPage {
  let body: unknown;
  try {
    body = JSON.parse(page.text);
  } catch (cause) {
    throw malformed(
      page,
      url,
      `the page is not valid JSON (${page.text.length} bytes): ${(cause as Error).message}`,
      cause,
    );
  }
  const records = isJsonObject(body) ? body['orders'] : undefined;
  if (!Array.isArray(records)) throw malformed(page, url, 'the page has no "orders" array');
  const link = nextLink(page.link);
  if (link === undefined) return { records, next: undefined };
  let next: URL;
  try {
    next = new URL(link, url);
  } catch (cause) {
    throw malformed(page, url, `the rel="next" link is not a URL: ${link}`, cause);
  }
  if (next.origin !== url.origin)
    throw malformed(
      page,
      url,
      `the rel="next" link leaves the shop's origin (${next.origin}); the access token is not sent there`,
    );
  if (next.href === url.href)
    throw malformed(page, url, 'the rel="next" link points at the same page: following it would never end');
  return { records, next };
}
