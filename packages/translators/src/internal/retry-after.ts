/**
 * Milliseconds to wait according to a `Retry-After` header: delay-seconds (Shopify sends decimals
 * such as `2.0`) or an HTTP-date; `undefined` when absent or unreadable, so the caller falls back
 * to its own backoff.
 */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text) * 1000);
  // HTTP-dates name a weekday and month; without the check `Date.parse('-1')` reads a year.
  if (!/[a-z]{3}/i.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
