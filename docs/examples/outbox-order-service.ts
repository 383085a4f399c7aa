// Transactional outbox: the order service writes its order row and its `order.created` event in
// one PostgreSQL transaction; a relay publishes committed events to Kafka. A rolled-back order
// (here: a duplicate order id) leaves neither a row nor an event.
import pg from 'pg';
import { createOutbox, createOutboxRelay, createRelayPublisher, migrate } from '@herald/outbox';
import { eventType, orderEventMessageV1Codec, withCloudEvents } from '@herald/schemas';
import type { OrderEventMessage } from '@herald/schemas';
import { brokers, countRecords, ensureTopic } from './support/kafka.js';
import { sampleOrder } from './support/orders.js';

const databaseUrl = process.env['DATABASE_URL'] ?? 'postgres://herald@127.0.0.1:55432/herald';
const topic = `herald-example-outbox-orders-${Date.now()}`; // a fresh topic per run, so the read-back counts this run only
const table = 'herald_example_outbox';
await ensureTopic(topic, 3);

const pool = new pg.Pool({ connectionString: databaseUrl });
pool.on('error', (error) => console.error('idle PostgreSQL connection failed:', error.message));
await migrate(pool, { table }); // or: herald-outbox migrate --url … --table herald_example_outbox
await pool.query(
  'CREATE TABLE IF NOT EXISTS example_orders (order_id text PRIMARY KEY, customer text NOT NULL, total numeric NOT NULL)',
);
await pool.query(`TRUNCATE example_orders, ${table}`);

// The same record options a publisher takes: the row holds exactly the record it would send.
const outbox = createOutbox<OrderEventMessage>({
  table,
  topic,
  codec: withCloudEvents(orderEventMessageV1Codec, {
    source: '/examples/order-service',
    type: eventType('order.created', 1),
    subject: (o) => o.order_id,
  }),
  key: (order) => order.order_id,
  aggregate: (order) => ({ type: 'order', id: order.order_id }),
});

/** The order service's use case: the order row and its event commit together or not at all. */
async function placeOrder(order: OrderEventMessage): Promise<boolean> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('INSERT INTO example_orders (order_id, customer, total) VALUES ($1, $2, $3)', [
      order.order_id,
      order.customer_name,
      order.total_price,
    ]);
    await outbox.enqueue(client, order);
    await client.query('COMMIT');
    return true;
  } catch (error) {
    await client.query('ROLLBACK');
    console.log(`order ${order.order_id} rolled back: ${(error as Error).message}`);
    return false;
  } finally {
    client.release();
  }
}

const placed = [];
for (const order of [sampleOrder(1), sampleOrder(2), sampleOrder(3), sampleOrder(2)])
  placed.push(await placeOrder(order));
const committed = placed.filter(Boolean).length;

// The relay: usually its own process (`herald-outbox relay`), here in the same one.
const publisher = createRelayPublisher({ brokers });
const relay = createOutboxRelay({ pool, publisher, table });
relay.start();
while (relay.stats.published < committed) await new Promise((r) => setTimeout(r, 50));
await relay.stop();
await publisher.close();

const { rows } = await pool.query<{ orders: number }>('SELECT count(*)::int AS orders FROM example_orders');
console.log(
  `outbox: ${committed} orders committed, ${placed.length - committed} rolled back, ${rows[0]?.orders} order rows, ${relay.stats.published} events published`,
);
console.log(`read back ${await countRecords(topic, committed, 30_000)} records from ${topic}`);
await pool.end();
