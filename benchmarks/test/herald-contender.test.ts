// The Herald contender reports what it ran with as observed, not restated: the header count it
// prints is the count on the records it wrote, the in-flight limit is the reliable preset's.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { presets } from '@herald/publisher';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consumeAll } from '../../test-support/kafka-admin.js';
import { acquireBroker, benchTopic, createTopic, deleteTopics } from '../src/common/broker.js';
import type { Broker } from '../src/common/broker.js';
import { makeOrders } from '../src/common/orders.js';
import { RELIABLE, rdkafkaConfig } from '../src/common/settings.js';
import { contender as herald } from '../src/compare/contenders/herald.js';
import type { Workload } from '../src/compare/workload.js';

let broker: Broker;
let topic: string;
const dir = mkdtempSync(join(tmpdir(), 'herald-bench-contender-'));
const log = () => undefined;

beforeAll(async () => {
  broker = await acquireBroker(process.env['KAFKA_BROKERS'], log);
  topic = benchTopic('herald-contender');
  await createTopic(broker.bootstrap, topic, 1);
}, 180_000);

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  if (broker !== undefined) {
    await deleteTopics(broker.bootstrap, [topic], log);
    await broker.release();
  }
}, 60_000);

describe('the Herald contender', () => {
  it('reports the header count its records carry and the preset in-flight limit', async () => {
    const ordersFile = join(dir, 'orders.jsonl');
    writeFileSync(
      ordersFile,
      `${makeOrders('medium', 16)
        .map((o) => JSON.stringify(o))
        .join('\n')}\n`,
    );
    const workload: Workload = {
      bootstrap: broker.bootstrap,
      topic,
      ordersFile,
      messages: 200,
      warmup: 0,
      window: 50,
      batch: 50,
      settings: RELIABLE,
      rdkafka: rdkafkaConfig(RELIABLE),
    };
    const outcome = await herald.run(workload);
    expect(outcome.measurement).toMatchObject({ messages: 200, acked: 200, errors: {} });
    const [record] = await consumeAll(broker.bootstrap, topic, 1);
    const written = Object.keys(record!.headers).length;
    expect(written).toBeGreaterThan(0);
    expect(outcome.ranWith?.perMessage).toContain(`${written} CloudEvents headers`);
    expect(outcome.ranWith?.maxInFlightRequests).toBe(
      String(presets.reliable['max.in.flight.requests.per.connection']),
    );
  }, 60_000);
});
