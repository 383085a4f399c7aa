// The README's demo: the order-extraction use case (a fixture order source -> the anti-corruption
// layer -> Herald) against Kafka, then the topic is read back and its count confirmed.
// `node docs/examples/dist/demo.js [--orders 10000] [--bad-rate 0.001] [--topic NAME]`
import { parseArgs } from 'node:util';
import { createPublisher } from '@herald/publisher';
import { orderEventMessageV1Codec } from '@herald/schemas';
import type { OrderEventMessage } from '@herald/schemas';
import { ExtractOrdersUseCase } from '@herald/translators';
import { FixtureOrdersGateway } from '@herald/translators/fixtures';
import type { OrderEventSink } from '@herald/translators';
import { brokers, countRecords, ensureTopic } from './support/kafka.js';

const { values } = parseArgs({
  options: {
    orders: { type: 'string', default: '10000' },
    'bad-rate': { type: 'string', default: '0.001' },
    topic: { type: 'string', default: `herald-demo-orders-${Date.now()}` },
  },
});
const total = Number(values.orders);
const topic = values.topic;

const partitions = await ensureTopic(topic, 6);
const publisher = createPublisher<OrderEventMessage>({
  brokers,
  topic,
  codec: orderEventMessageV1Codec,
  key: (order) => order.order_id, // one order's events stay on one partition, in order
});

// The use case publishes through a two-method port; this one also times each delivery.
const latencies: number[] = [];
const timedSink: OrderEventSink = {
  publish(message, options) {
    const t0 = performance.now();
    return publisher.publish(message, options).then((report) => {
      latencies.push(performance.now() - t0);
      return report;
    });
  },
  flush: (timeoutMs) => publisher.flush(timeoutMs),
};

const gateway = new FixtureOrdersGateway({
  count: total,
  seed: 42,
  pageSize: 250,
  badOrderRate: Number(values['bad-rate']),
});
let lastDraw = 0;
const useCase = new ExtractOrdersUseCase(gateway, timedSink, {
  source: '/herald/demo',
  onProgress: ({ fetched, published, failed }) => {
    if (!process.stderr.isTTY || performance.now() - lastDraw < 100) return;
    lastDraw = performance.now();
    const width = 30;
    const done = Math.round((fetched / total) * width);
    process.stderr.write(
      `\r[${'#'.repeat(done)}${'.'.repeat(width - done)}] fetched ${fetched}/${total}, published ${published}, failed ${failed}`,
    );
  },
});

console.log(
  `extracting ${total} orders from the fixture source into ${topic} (${partitions} partitions) on ${brokers}`,
);
const report = await useCase.execute();
await publisher.close();
if (process.stderr.isTTY) process.stderr.write('\n');

latencies.sort((a, b) => a - b);
const pct = (p: number) =>
  (latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0).toFixed(1);
const seconds = report.durationMs / 1000;
console.log(
  `fetched ${report.fetched}, published ${report.published}, failed ${report.failed.length} in ${seconds.toFixed(2)} s (${Math.round(report.published / seconds)} orders/s)`,
);
console.log(`delivery latency p50 ${pct(50)} ms, p99 ${pct(99)} ms`);
for (const failure of report.failed.slice(0, 5))
  console.log(`  skipped order ${failure.orderId ?? `#${failure.position}`} at ${failure.stage}: ${failure.reason}`);
if (report.failed.length > 5) console.log(`  … and ${report.failed.length - 5} more`);

const readBack = await countRecords(topic, report.published);
console.log(`read back ${readBack} records from ${topic}`);
const consistent =
  report.complete &&
  readBack === report.published &&
  report.fetched === total &&
  report.published + report.failed.length === total;
console.log(consistent ? 'demo OK' : 'demo FAILED: the topic does not hold exactly what was reported published');
process.exitCode = consistent ? 0 : 1;
