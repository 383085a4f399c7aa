import type { HeaderValue, Headers } from '@herald/publisher';

/** A header as the `headers` jsonb column holds it: a string, or bytes as `{ "base64": "…" }`. */
export type StoredHeaderValue = string | { readonly base64: string };

/** Headers in the shape of the `headers` column (a JSON object; Kafka header order is not kept). */
export function toStoredHeaders(headers: Headers): Record<string, StoredHeaderValue> {
  const out: Record<string, StoredHeaderValue> = {};
  for (const name of Object.keys(headers)) {
    const value = headers[name] as HeaderValue;
    out[name] = typeof value === 'string' ? value : { base64: value.toString('base64') };
  }
  return out;
}

/**
 * The `headers` column back into record headers. Takes ownership of `stored` (a freshly parsed
 * row value): bytes values are replaced in place, so a row of string headers costs no copy.
 */
export function fromStoredHeaders(stored: Record<string, StoredHeaderValue>): Record<string, HeaderValue> {
  const out = stored as Record<string, HeaderValue | StoredHeaderValue>;
  for (const name of Object.keys(stored)) {
    const value = stored[name] as StoredHeaderValue;
    if (typeof value !== 'string') out[name] = Buffer.from(value.base64, 'base64');
  }
  return out as Record<string, HeaderValue>;
}
