// Pure helpers behind the HTTP gateway, tested directly: their edge cases are hard to reach over HTTP.
import { describe, expect, it } from 'vitest';
import { backoffMs } from '../../src/internal/backoff.js';
import { nextLink } from '../../src/internal/link-header.js';
import { retryAfterMs } from '../../src/internal/retry-after.js';

describe('nextLink', () => {
  it('finds rel="next" among other relations, quoted or not', () => {
    const header =
      '<https://s/orders.json?page_info=prev>; rel="previous", <https://s/orders.json?page_info=abc&limit=250>; rel="next"';
    expect(nextLink(header)).toBe('https://s/orders.json?page_info=abc&limit=250');
    expect(nextLink('<https://s/a>; rel=next')).toBe('https://s/a');
    expect(nextLink('<https://s/a>; title="x"; REL="prefetch next"')).toBe('https://s/a');
  });

  it('returns undefined without a next link', () => {
    expect(nextLink(null)).toBeUndefined();
    expect(nextLink('')).toBeUndefined();
    expect(nextLink('<https://s/a>; rel="previous"')).toBeUndefined();
    expect(nextLink('<https://s/a>; rel="nextpage"')).toBeUndefined();
  });
});

describe('retryAfterMs', () => {
  it('reads delay-seconds, including the decimals Shopify sends', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs('2.0')).toBe(2000);
    expect(retryAfterMs(' 0.25 ')).toBe(250);
  });

  it('reads an HTTP-date relative to now, never negative', () => {
    const now = Date.parse('2025-01-15T10:00:00Z');
    expect(retryAfterMs('Wed, 15 Jan 2025 10:00:05 GMT', now)).toBe(5000);
    expect(retryAfterMs('Wed, 15 Jan 2025 09:00:00 GMT', now)).toBe(0);
  });

  it('ignores what it cannot read', () => {
    expect(retryAfterMs(null)).toBeUndefined();
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs('-1')).toBeUndefined();
  });
});

describe('backoffMs', () => {
  it('doubles per retry, caps, and jitters within the upper half', () => {
    expect([1, 2, 3, 4].map((r) => backoffMs(r, 100, 10_000, () => 0))).toEqual([50, 100, 200, 400]);
    expect([1, 2, 3, 4].map((r) => backoffMs(r, 100, 10_000, () => 0.999999))).toEqual([100, 200, 400, 800]);
    expect(backoffMs(30, 100, 1_000, () => 0.5)).toBe(750);
  });
});
