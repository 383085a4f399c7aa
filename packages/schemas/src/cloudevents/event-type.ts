import { integerOption, InvalidOptionsError } from '@herald/errors';

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
 * The version is the payload contract's, so consumers can route on it. Throws `InvalidOptionsError`
 * (of `@herald/errors`) naming a bad name, prefix or version.
 */
export function eventType(name: string, version: number, options: EventTypeOptions = {}): string {
  const prefix = options.prefix ?? 'com.herald';
  if (!SEGMENTS.test(name))
    throw new InvalidOptionsError('name', `event name must be dot-separated words, got ${JSON.stringify(name)}`);
  if (prefix !== '' && !SEGMENTS.test(prefix))
    throw new InvalidOptionsError('prefix', `prefix must be dot-separated words, got ${JSON.stringify(prefix)}`);
  integerOption('version', version ?? null, 1); // required: null, not undefined, so a missing one is refused
  return `${prefix === '' ? '' : `${prefix}.`}${name}.v${version}`;
}
