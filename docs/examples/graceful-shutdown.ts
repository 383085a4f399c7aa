// Graceful shutdown: on SIGTERM/SIGINT close within a deadline; exit 0 only if nothing was lost.
// This example sends itself SIGTERM after a moment so it can run unattended.
import { createPublisher, installGracefulShutdown } from '@herald/publisher';
import { orderEventMessageV1Codec } from '@herald/schemas';
import type { OrderEventMessage } from '@herald/schemas';
import { brokers, ensureTopic } from './support/kafka.js';
import { sampleOrder } from './support/orders.js';

const topic = 'herald-example-shutdown';
await ensureTopic(topic, 3);
const publisher = createPublisher<OrderEventMessage>({
  brokers,
  topic,
  codec: orderEventMessageV1Codec,
  key: (o) => o.order_id,
});
let acked = 0;
installGracefulShutdown(publisher, {
  timeoutMs: 10_000,
  onClosed: (report) => console.log(`closed after SIGTERM: ${acked} acked, ${report.undelivered} undelivered`),
});

setTimeout(() => process.kill(process.pid, 'SIGTERM'), 1_000);
for (let i = 0; !publisher.closed; i++) {
  await publisher.publish(sampleOrder(i)).then(
    () => void (acked += 1),
    (error: unknown) => void (publisher.closed || console.error(error)),
  );
}
