// Integration with the use case: ExtractOrdersUseCase reads pages of orders, translates each through
// the anti-corruption layer and publishes it; bad orders are reported and skipped, never dropped.
import { createPublisher } from '@herald/publisher';
import { orderEventMessageV1Codec } from '@herald/schemas';
import type { OrderEventMessage } from '@herald/schemas';
import { ExtractOrdersUseCase } from '@herald/translators';
import { FixtureOrdersGateway } from '@herald/translators/fixtures';
import { brokers, ensureTopic } from './support/kafka.js';

const topic = 'herald-example-extracted-orders';
await ensureTopic(topic, 3);
const publisher = createPublisher<OrderEventMessage>({
  brokers,
  topic,
  codec: orderEventMessageV1Codec,
  key: (o) => o.order_id,
});

// 500 Shopify-shaped orders, 1 in 50 deliberately broken (missing fields, bad prices, …).
const gateway = new FixtureOrdersGateway({ count: 500, seed: 7, pageSize: 100, badOrderRate: 0.02 });
const report = await new ExtractOrdersUseCase(gateway, publisher, {
  kind: 'created',
  source: '/examples/use-case',
}).execute();
await publisher.close();

console.log(
  `use case: fetched ${report.fetched}, published ${report.published}, failed ${report.failed.length}, complete ${report.complete}`,
);
console.log(`bad orders expected from the fixture: ${gateway.badOrderCount()}`);
