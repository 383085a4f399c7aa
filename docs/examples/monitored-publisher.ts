// Monitored publisher: OpenTelemetry spans and metrics to the console, winston logs injected.
// Register the SDK before creating the publisher (metrics providers are read at creation).
import { context, metrics, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { ConsoleMetricExporter, MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, ConsoleSpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { createPublisher } from '@herald/publisher';
import { eventType, orderEventMessageV1Codec, withCloudEvents } from '@herald/schemas';
import type { OrderEventMessage } from '@herald/schemas';
import winston from 'winston';
import { brokers, ensureTopic } from './support/kafka.js';
import { sampleOrder } from './support/orders.js';

context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
propagation.setGlobalPropagator(new W3CTraceContextPropagator());
trace.setGlobalTracerProvider(
  new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(new ConsoleSpanExporter())] }),
);
const meterProvider = new MeterProvider({
  readers: [new PeriodicExportingMetricReader({ exporter: new ConsoleMetricExporter(), exportIntervalMillis: 60_000 })],
});
metrics.setGlobalMeterProvider(meterProvider);

const logger = winston.createLogger({
  level: 'info',
  format: winston.format.json(),
  transports: [new winston.transports.Console()],
});
const topic = 'herald-example-monitored';
await ensureTopic(topic, 3);
const publisher = createPublisher<OrderEventMessage>({
  brokers,
  topic,
  codec: withCloudEvents(orderEventMessageV1Codec, {
    source: '/examples/monitored',
    type: eventType('order.created', 1),
  }),
  key: (order) => order.order_id,
  logger, // state changes at info: connecting, connected (with the redacted config), closing, closed
  kafka: { statisticsIntervalMs: 1_000 },
});

const tracer = trace.getTracer('example');
await tracer.startActiveSpan('checkout', async (span) => {
  await Promise.all([1, 2, 3].map((i) => publisher.publish(sampleOrder(i))));
  span.end();
});
await publisher.close();
await meterProvider.forceFlush(); // prints messaging.client.sent.messages, ...operation.duration, gauges
await meterProvider.shutdown();
