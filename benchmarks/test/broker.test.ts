// A tiny real run against the local broker (started when none is running): the loops that the
// commands time must deliver every message and measure something sane.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireBroker, benchTopic, createTopic, deleteTopics } from '../src/common/broker.js';
import type { Broker } from '../src/common/broker.js';
import { makeOrders } from '../src/common/orders.js';
import { RELIABLE, rdkafkaConfig } from '../src/common/settings.js';
import { contender as naive } from '../src/compare/contenders/native-naive.js';
import type { Workload } from '../src/compare/workload.js';
import { runHeraldLoad } from '../src/produce/herald-load.js';

let broker: Broker;
let topic: string;
const dir = mkdtempSync(join(tmpdir(), 'herald-bench-test-'));
const orders = makeOrders('medium', 64);
const log = () => undefined;

beforeAll(async () => {
  broker = await acquireBroker(process.env['KAFKA_BROKERS'], log);
  topic = benchTopic('test');
  await createTopic(broker.bootstrap, topic, 3);
}, 180_000);

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  if (broker !== undefined) {
    await deleteTopics(broker.bootstrap, [topic], log);
    await broker.release();
  }
}, 60_000);

describe('against the local broker', () => {
  it('Herald closed loop delivers every message and measures throughput, latency, CPU and RSS', async () => {
    const seen: number[] = [];
    const m = await runHeraldLoad({
      bootstrap: broker.bootstrap,
      topic,
      orders,
      messages: 2_000,
      warmup: 200,
      settings: RELIABLE,
      shape: { kind: 'closed', window: 500 },
      onProgress: (n) => seen.push(n),
    });
    expect(m).toMatchObject({ messages: 2_000, acked: 2_000, errors: {} });
    expect(m.msgsPerSec).toBeGreaterThan(100);
    expect(m.latencyMs!.count).toBe(2_000);
    expect(m.latencyMs!.p50).toBeLessThanOrEqual(m.latencyMs!.p99);
    expect(m.latencyMs!.p99).toBeLessThanOrEqual(m.latencyMs!.max);
    expect(m.cpuUsPerMsg).toBeGreaterThan(0);
    expect(m.peakRssMiB).toBeGreaterThan(10);
    expect(seen.at(-1)).toBe(2_000);
  }, 30_000);

  it('Herald open loop keeps to the rate', async () => {
    const m = await runHeraldLoad({
      bootstrap: broker.bootstrap,
      topic,
      orders,
      messages: 1_000,
      warmup: 0,
      settings: RELIABLE,
      shape: { kind: 'open', rate: 2_000, maxInFlight: 10_000 },
    });
    expect(m.acked).toBe(1_000);
    // 1 000 messages at 2 000/s take about half a second; a closed loop would take far less.
    expect(m.seconds).toBeGreaterThan(0.4);
    expect(m.msgsPerSec).toBeLessThan(2_600);
  }, 30_000);

  it('the naive native loop contender reports what it ran with', async () => {
    const ordersFile = join(dir, 'orders.jsonl');
    writeFileSync(ordersFile, `${orders.map((o) => JSON.stringify(o)).join('\n')}\n`);
    const workload: Workload = {
      bootstrap: broker.bootstrap,
      topic,
      ordersFile,
      messages: 2_000,
      warmup: 200,
      window: 500,
      batch: 100,
      settings: RELIABLE,
      rdkafka: rdkafkaConfig(RELIABLE),
    };
    const outcome = await naive.run(workload);
    expect(outcome.measurement).toMatchObject({ messages: 2_000, acked: 2_000, errors: {} });
    expect(outcome.ranWith).toMatchObject({
      acks: 'all',
      idempotence: true,
      compression: 'snappy',
      linger: '5 ms',
      maxInFlightRequests: '5',
    });
  }, 30_000);
});
