// Spans, metrics and trace-context headers against the real broker, read from in-memory exporters.
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Histogram } from '@opentelemetry/sdk-metrics';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createPublisher, extractTraceContext } from '../../src/index.js';
import type { EventPublisher } from '../../src/index.js';
import { brokers } from '../../../../test-support/brokers.js';
import { consumeAll, createTopic, uniqueTopic } from '../../../../test-support/kafka-admin.js';
import { jsonCodec, memoryLogger } from '../support/fake-transport.js';
import { transportUnderTest } from '../support/transport-under-test.js';
import { installTestOtel } from '../support/otel.js';

const otel = installTestOtel();
const open: Array<EventPublisher<{ id: string }>> = [];
function publisherFor(topic: string, route?: (e: { id: string }) => string) {
  const publisher = createPublisher<{ id: string }>({
    transport: transportUnderTest(),
    brokers: brokers().single,
    ...(route === undefined ? { topic } : { route }),
    codec: jsonCodec,
    key: (e) => e.id,
    clientId: 'telemetry-test',
    logger: memoryLogger(),
    tracerProvider: otel.tracerProvider,
    meterProvider: otel.meterProvider,
  });
  open.push(publisher);
  return publisher;
}
beforeEach(() => otel.exporter.reset());
afterAll(async () => {
  await Promise.all(open.map((p) => p.close()));
});

describe('tracing and metrics on a real broker', () => {
  it('ends one PRODUCER span per message at the delivery report, child of the active span', async () => {
    const topic = uniqueTopic('herald-trace');
    await createTopic(brokers().single, { topic, partitions: 2 });
    const publisher = publisherFor(topic);
    const parent = otel.tracerProvider.getTracer('test').startSpan('handle request');
    const report = await context.with(trace.setSpan(context.active(), parent), () => publisher.publish({ id: 'o-1' }));
    parent.end();

    const span = otel.exporter.getFinishedSpans().find((s) => s.name === `send ${topic}`);
    expect(span).toBeDefined();
    expect(span!.kind).toBe(SpanKind.PRODUCER);
    expect(span!.parentSpanContext?.spanId).toBe(parent.spanContext().spanId);
    expect(span!.spanContext().traceId).toBe(parent.spanContext().traceId);
    expect(span!.status.code).not.toBe(SpanStatusCode.ERROR);
    expect(span!.attributes).toEqual({
      'messaging.system': 'kafka',
      'messaging.operation.name': 'send',
      'messaging.operation.type': 'send',
      'messaging.destination.name': topic,
      'messaging.kafka.message.key': 'o-1',
      'messaging.client.id': 'telemetry-test',
      'server.address': '127.0.0.1',
      'server.port': Number(brokers().single.split(':')[1]),
      'messaging.destination.partition.id': String(report.partition),
      'messaging.kafka.offset': report.offset,
    });

    // The record carries the span's context, and a consumer continues the same trace.
    const [record] = await consumeAll(brokers().single, topic, 1);
    expect(record?.headers['traceparent']).toBe(`00-${span!.spanContext().traceId}-${span!.spanContext().spanId}-01`);
    const consumerParent = extractTraceContext(record!.headers);
    const processing = otel.tracerProvider.getTracer('consumer').startSpan('process', {}, consumerParent);
    expect(processing.spanContext().traceId).toBe(parent.spanContext().traceId);
    processing.end();
  });

  it('marks a failed publish (unknown topic) with error.type and status ERROR, and counts it', async () => {
    const topic = uniqueTopic('herald-trace-missing');
    const publisher = publisherFor(topic);
    await expect(publisher.publish({ id: 'x' })).rejects.toMatchObject({ code: 'UNKNOWN_TOPIC' });
    const span = otel.exporter.getFinishedSpans().find((s) => s.name === `send ${topic}`);
    expect(span?.status.code).toBe(SpanStatusCode.ERROR);
    expect(span?.status.message).toMatch(/does not exist/);
    expect(span?.attributes['error.type']).toBe('UNKNOWN_TOPIC');
    const failed = (await otel.points('messaging.client.sent.messages')).filter(
      (p) => p.attributes['messaging.destination.name'] === topic,
    );
    expect(failed).toEqual([
      expect.objectContaining({ value: 1, attributes: expect.objectContaining({ 'error.type': 'UNKNOWN_TOPIC' }) }),
    ]);
  }, 30_000);

  it('parents a create span per message to one send span for publishBatch', async () => {
    const topic = uniqueTopic('herald-trace-batch');
    await createTopic(brokers().single, { topic });
    const publisher = publisherFor(topic);
    const outcomes = await publisher.publishBatch([{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
    expect(outcomes.every((o) => o.status === 'acked')).toBe(true);
    const spans = otel.exporter.getFinishedSpans();
    const batch = spans.find((s) => s.name === `send ${topic}`);
    const creates = spans.filter((s) => s.name === `create ${topic}`);
    expect(batch?.attributes['messaging.batch.message_count']).toBe(3);
    expect(creates).toHaveLength(3);
    for (const create of creates) {
      expect(create.parentSpanContext?.spanId).toBe(batch?.spanContext().spanId);
      expect(create.attributes['messaging.operation.type']).toBe('create');
    }
  });

  it('counts acked messages and records delivery durations in seconds with the conventions buckets', async () => {
    const topic = uniqueTopic('herald-metrics');
    await createTopic(brokers().single, { topic });
    const publisher = publisherFor(topic);
    await Promise.all([publisher.publish({ id: '1' }), publisher.publish({ id: '2' })]);
    const sent = (await otel.points('messaging.client.sent.messages')).filter(
      (p) => p.attributes['messaging.destination.name'] === topic,
    );
    expect(sent).toEqual([expect.objectContaining({ value: 2 })]);
    expect(sent[0]?.attributes['error.type']).toBeUndefined();
    const [duration] = (await otel.points('messaging.client.operation.duration')).filter(
      (p) => p.attributes['messaging.destination.name'] === topic,
    );
    const histogram = duration?.value as Histogram;
    expect(histogram.count).toBe(2);
    expect(histogram.max).toBeGreaterThan(0);
    expect(histogram.max).toBeLessThan(10);
    expect(histogram.buckets.boundaries).toEqual([
      0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10,
    ]);
    const pending = await otel.points('herald.publisher.pending');
    expect(pending.some((p) => p.attributes['messaging.client.id'] === 'telemetry-test')).toBe(true);
  });
});
