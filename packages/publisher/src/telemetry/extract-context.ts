import { propagation, ROOT_CONTEXT } from '@opentelemetry/api';
import type { Context, TextMapGetter } from '@opentelemetry/api';

/** Record headers as consumers see them: KafkaJS-style objects or the native client's list. */
export type ConsumedHeaders =
  | Readonly<Record<string, string | Buffer | ReadonlyArray<string | Buffer> | undefined>>
  | ReadonlyArray<Readonly<Record<string, string | Buffer>>>;

function flatten(headers: ConsumedHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  const put = (name: string, value: unknown) => {
    const first = Array.isArray(value) ? (value as unknown[])[0] : value;
    if (typeof first === 'string') out[name.toLowerCase()] ??= first;
    else if (Buffer.isBuffer(first)) out[name.toLowerCase()] ??= first.toString('utf8');
  };
  if (Array.isArray(headers)) {
    for (const header of headers as ReadonlyArray<Record<string, string | Buffer>>) for (const name in header) put(name, header[name]);
  } else {
    for (const [name, value] of Object.entries(headers as Record<string, unknown>)) put(name, value);
  }
  return out;
}

const getter: TextMapGetter<Record<string, string>> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => carrier[key.toLowerCase()],
};

/**
 * For consumers: the trace context a Herald publisher injected into a record's headers
 * (`traceparent`, `tracestate`, `baggage`), extracted with the global propagator. Start the
 * processing span with it as parent (or link) to continue the producer's trace.
 */
export function extractTraceContext(headers: ConsumedHeaders | undefined, base: Context = ROOT_CONTEXT): Context {
  return headers === undefined ? base : propagation.extract(base, flatten(headers), getter);
}
