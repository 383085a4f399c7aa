import { readHeaders } from '@herald/headers';
import type { ConsumedHeaders } from '@herald/headers';
import { propagation, ROOT_CONTEXT } from '@opentelemetry/api';
import type { Context, TextMapGetter } from '@opentelemetry/api';

export type { ConsumedHeaders } from '@herald/headers';

const getter: TextMapGetter<Map<string, string>> = {
  keys: (carrier) => [...carrier.keys()],
  get: (carrier, key) => carrier.get(key),
};

/**
 * For consumers: the trace context a Herald publisher injected into a record's headers
 * (`traceparent`, `tracestate`, `baggage`), extracted with the global propagator. Headers are read
 * by Herald's one rule (`@herald/headers`: names as sent, the last of a repeated header wins).
 * Start the processing span with it as parent (or link) to continue the producer's trace.
 */
export function extractTraceContext(headers: ConsumedHeaders | undefined, base: Context = ROOT_CONTEXT): Context {
  return headers === undefined ? base : propagation.extract(base, readHeaders(headers), getter);
}
