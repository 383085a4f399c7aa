// One trace context per record: a record that already carries one (an outbox row's creation
// context) keeps it and its span links to it; otherwise the span's own context is the only one.
import { propagation } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublisher } from '../../src/index.js';
import type { WireHeaders } from '../../src/index.js';
import { fakeTransports, jsonCodec, memoryLogger } from '../support/fake-transport.js';

const tick = () => new Promise((r) => setImmediate(r));
const CREATION = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

/** Every value of header `name`, in order. */
const all = (headers: WireHeaders | undefined, name: string): string[] =>
  (headers ?? []).flatMap((h) => (name in h ? [String(h[name])] : []));

beforeAll(() => {
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
});
afterAll(() => {
  propagation.disable();
});

async function publishOne(headers?: Record<string, string>) {
  const exporter = new InMemorySpanExporter();
  const transports = fakeTransports();
  const publisher = createPublisher<{ id: string }>({
    brokers: '127.0.0.1:9092',
    topic: 't',
    codec: jsonCodec,
    logger: memoryLogger(),
    transport: transports.factory,
    tracerProvider: new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }),
  });
  const done = publisher.publish({ id: 'a' }, headers === undefined ? undefined : { headers });
  await tick();
  const sent = transports.last.produced[0]?.headers;
  transports.last.ack();
  await done;
  await publisher.close();
  const [span] = exporter.getFinishedSpans();
  return { sent, span: span! };
}

describe('trace context headers', () => {
  it('keeps a valid trace context the record carries, once, and links the send span to it', async () => {
    const { sent, span } = await publishOne({ traceparent: CREATION, tracestate: 'herald=1' });
    expect(all(sent, 'traceparent')).toEqual([CREATION]);
    expect(all(sent, 'tracestate')).toEqual(['herald=1']);
    expect(span.links.map((l) => [l.context.traceId, l.context.spanId])).toEqual([
      ['0af7651916cd43dd8448eb211c80319c', 'b7ad6b7169203331'],
    ]);
  });

  it("replaces an unusable traceparent with the span's own: still one", async () => {
    const { sent, span } = await publishOne({ traceparent: 'not-a-trace-context' });
    const { traceId, spanId } = span.spanContext();
    expect(all(sent, 'traceparent')).toEqual([`00-${traceId}-${spanId}-01`]);
    expect(span.links).toEqual([]);
  });

  it("injects the span's own context when the record carries none", async () => {
    const { sent, span } = await publishOne();
    const { traceId, spanId } = span.spanContext();
    expect(all(sent, 'traceparent')).toEqual([`00-${traceId}-${spanId}-01`]);
  });
});
