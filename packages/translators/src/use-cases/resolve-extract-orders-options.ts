import { integerOption, InvalidOptionsError } from '@herald/errors';
import { orderEventHeaders } from '../translators/order-event-headers.js';
import type { OrderEvent } from '../translators/to-order-event.js';
import type { ExtractOrdersOptions, ResolvedExtractOrdersOptions } from './extract-orders-options.js';

/** Applies the defaults once and refuses nonsense early, at construction rather than mid-run. */
export function resolveExtractOrdersOptions(options: ExtractOrdersOptions): ResolvedExtractOrdersOptions {
  const source = options.source ?? '/herald/extract-orders';
  if (source === '') throw new InvalidOptionsError('source', 'source must not be empty');
  const kind = options.kind ?? 'created';
  if (kind !== 'created' && kind !== 'updated' && kind !== 'cancelled') {
    throw new InvalidOptionsError('kind', `kind must be created, updated or cancelled, got ${JSON.stringify(kind)}`);
  }
  return Object.freeze({
    kind,
    headers: options.headers === undefined ? (event: OrderEvent) => orderEventHeaders(event, source) : options.headers,
    maxInFlight: integerOption('maxInFlight', options.maxInFlight, 1000),
    flushTimeoutMs: integerOption('flushTimeoutMs', options.flushTimeoutMs, 30_000),
    onProgress: options.onProgress,
  });
}
