// Every span Herald starts, it ends: an SDK that counts live spans sees none left once publishes
// settle, however often the publisher connects, and never a span other than the publishes' own.
import { propagation, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import { createPublisher } from '../../src/index.js';
import { fakeTransports, jsonCodec, memoryLogger } from '../support/fake-transport.js';

class LiveSpans implements SpanProcessor {
  readonly live = new Set<string>();
  readonly started: string[] = [];
  onStart(span: Span): void {
    this.started.push(span.name);
    this.live.add(span.spanContext().spanId);
  }
  onEnd(span: ReadableSpan): void {
    this.live.delete(span.spanContext().spanId);
  }
  forceFlush(): Promise<void> {
    return Promise.resolve();
  }
  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

const tick = () => new Promise((r) => setImmediate(r));

describe('span lifecycle', () => {
  it('leaves no span open after connects, publishes and a fatal-error reconnect', async () => {
    const spans = new LiveSpans();
    const transports = fakeTransports();
    const publisher = createPublisher<{ id: string }>({
      brokers: '127.0.0.1:9092',
      topic: 't',
      codec: jsonCodec,
      logger: memoryLogger(),
      transport: transports.factory,
      tracerProvider: new BasicTracerProvider({ spanProcessors: [spans] }),
    });
    await publisher.connect();
    const first = publisher.publish({ id: 'a' });
    await tick();
    expect(spans.live.size).toBe(1);
    transports.last.ack();
    await first;
    transports.last.fatal(); // replaces the producer: a second connect
    await tick();
    const batch = publisher.publishBatch([{ id: 'b' }, { id: 'c' }]);
    await tick();
    transports.last.ack();
    await batch;
    await publisher.close();
    expect(spans.live.size).toBe(0);
    expect(spans.started).toEqual(['send t', 'send t', 'create t', 'create t']);
  });

  it('detects a tracing SDK registered after the publisher was created, at the next connect', async () => {
    const transports = fakeTransports();
    const publisher = createPublisher<{ id: string }>({
      brokers: '127.0.0.1:9092',
      topic: 't',
      codec: jsonCodec,
      logger: memoryLogger(),
      transport: transports.factory,
    });
    const before = publisher.publish({ id: 'a' });
    await tick();
    transports.last.ack();
    await before;
    const spans = new LiveSpans();
    trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [spans] }));
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    try {
      transports.last.fatal(); // the publisher reconnects, and looks at the tracer again
      await tick();
      const after = publisher.publish({ id: 'b' });
      await tick();
      expect(spans.started).toEqual(['send t']);
      expect(Object.keys(Object.assign({}, ...(transports.last.produced[0]?.headers ?? [])) as object)).toContain(
        'traceparent',
      );
      transports.last.ack();
      await after;
      await publisher.close();
      expect(spans.live.size).toBe(0);
    } finally {
      trace.disable();
      propagation.disable();
    }
  });
});
