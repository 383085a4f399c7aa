/** One header value as Kafka clients hand them out (a Buffer is a Uint8Array). */
export type ConsumedHeaderValue = string | Uint8Array;

/**
 * Record headers as consumers receive them: a record (KafkaJS style, a repeated header as an
 * array) or a list of single-entry records (the native `@confluentinc/kafka-javascript` style).
 */
export type ConsumedHeaders =
  | Readonly<Record<string, ConsumedHeaderValue | readonly ConsumedHeaderValue[] | undefined>>
  | ReadonlyArray<Readonly<Record<string, ConsumedHeaderValue>>>;

const utf8 = new TextDecoder();

function text(value: ConsumedHeaderValue): string {
  return typeof value === 'string' ? value : utf8.decode(value);
}

/**
 * The headers of a consumed record by name, by Herald's one rule:
 *
 * - names are kept exactly as sent: Kafka header names are case-sensitive;
 * - a name that occurs more than once (repeated in the list, or an array value) takes its **last**
 *   value, like Kafka's own `Headers.lastHeader`;
 * - values are decoded as UTF-8 (a malformed sequence becomes U+FFFD); an `undefined` value is skipped.
 */
export function readHeaders(headers: ConsumedHeaders): Map<string, string> {
  const out = new Map<string, string>();
  const records: ReadonlyArray<Readonly<Record<string, unknown>>> = Array.isArray(headers) ? headers : [headers];
  for (const record of records) {
    for (const name of Object.keys(record)) {
      const value = record[name];
      const last: unknown = Array.isArray(value) ? value[value.length - 1] : value;
      if (typeof last === 'string' || last instanceof Uint8Array) out.set(name, text(last));
    }
  }
  return out;
}
