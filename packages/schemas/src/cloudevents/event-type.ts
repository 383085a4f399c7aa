/** Options of {@link eventType}. */
export interface EventTypeOptions {
  /**
   * Reverse-DNS prefix naming the producer organisation; empty for none.
   * @defaultValue 'com.herald'
   */
  readonly prefix?: string;
}

const SEGMENTS = /^[a-z0-9]+(?:[-_][a-z0-9]+)*(?:\.[a-z0-9]+(?:[-_][a-z0-9]+)*)*$/i;

/**
 * A versioned CloudEvents `type`: `eventType('order.created', 1)` is `com.herald.order.created.v1`.
 * The version is the payload contract's, so consumers can route on it.
 */
export function eventType(name: string, version: number, options: EventTypeOptions = {}): string {
  const prefix = options.prefix ?? 'com.herald';
  if (!SEGMENTS.test(name)) throw new RangeError(`event name must be dot-separated words, got ${JSON.stringify(name)}`);
  if (prefix !== '' && !SEGMENTS.test(prefix)) throw new RangeError(`prefix must be dot-separated words, got ${JSON.stringify(prefix)}`);
  if (!Number.isSafeInteger(version) || version < 1) throw new RangeError(`version must be a positive integer, got ${version}`);
  return `${prefix === '' ? '' : `${prefix}.`}${name}.v${version}`;
}
