// One measurement of `herald-bench trace-overhead`, in a process of its own so that a registered
// OpenTelemetry SDK cannot leak into the next variant. Prints one JSON line.
import { createPublisher } from '@herald/publisher';
import type { DeliveryReport } from '@herald/publisher';
import { eventType, orderEventMessageV1Codec, withCloudEvents } from '@herald/schemas';
import { makeOrder } from '../common/orders.js';
import { installTracing } from './variants.js';
import type { TracingVariant } from './variants.js';

const [variant, brokers, topic, messagesArg] = process.argv.slice(2) as [TracingVariant, string, string, string];
const messages = Number(messagesArg);
const flushSpans = installTracing(variant);
const mock = brokers === 'mock';
const publisher = createPublisher({
  brokers: mock ? '127.0.0.1:9092' : brokers,
  topic,
  codec: withCloudEvents(orderEventMessageV1Codec, { source: '/herald/bench', type: eventType('order.created', 1) }),
  key: (o) => o.order_id,
  // librdkafka's built-in mock cluster: no broker CPU in the measurement, only the client's.
  ...(mock ? { rdkafka: { 'test.mock.num.brokers': 1, 'allow.auto.create.topics': true } } : {}),
});
const orders = Array.from({ length: 1_000 }, (_, i) => makeOrder('medium', i));
await publisher.connect();
// Warm-up, so every variant is measured with optimised code.
await Promise.all(orders.map((o) => publisher.publish(o)));
const cpu0 = process.cpuUsage();
const t0 = performance.now();
let last: Promise<DeliveryReport> | undefined;
const all: Array<Promise<DeliveryReport>> = [];
for (let i = 0; i < messages; i++) {
  last = publisher.publish(orders[i % orders.length]!);
  all.push(last);
  if (i % 10_000 === 9_999) await last;
}
await Promise.all(all);
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
await publisher.close();
const spans = await flushSpans();
process.stdout.write(
  `${JSON.stringify({ variant, messages, seconds, rate: messages / seconds, cpuMicrosPerMessage: (cpu.user + cpu.system) / messages, spans })}\n`,
);
