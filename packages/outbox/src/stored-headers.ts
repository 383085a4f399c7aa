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

/** The `headers` column back into record headers. */
export function fromStoredHeaders(stored: Readonly<Record<string, StoredHeaderValue>>): Record<string, HeaderValue> {
  const out: Record<string, HeaderValue> = {};
  for (const name of Object.keys(stored)) {
    const value = stored[name] as StoredHeaderValue;
    out[name] = typeof value === 'string' ? value : Buffer.from(value.base64, 'base64');
  }
  return out;
}
