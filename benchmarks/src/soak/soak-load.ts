import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createPublisher } from '@herald/publisher';
import type { OrderEventMessage } from '@herald/schemas';
import { makeOrders } from '../common/orders.js';
import { nearestRank } from '../common/percentiles.js';
import { benchCodec } from '../produce/herald-load.js';
import type { SoakSample } from './heap-slope.js';

/** How a soak runs. */
export interface SoakOptions {
  readonly bootstrap: string;
  readonly topic: string;
  readonly minutes: number;
  /** Events per second, open loop. */
  readonly rate: number;
  /** Seconds between samples. */
  readonly sampleSeconds: number;
  readonly onSample?: (sample: SoakSample) => void;
}

/** `global.gc`, made available at runtime (no `--expose-gc` flag needed on the command line). */
function fullGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/**
 * Publishes medium order events through `@herald/publisher` at a steady rate for `minutes`, and
 * every `sampleSeconds` forces a full GC and records the heap left, RSS, event-loop delay p99 and
 * delivery p99. Keeps only the current window's latencies, so the harness itself holds no growing state.
 */
export async function runSoak(options: SoakOptions): Promise<SoakSample[]> {
  const gc = fullGc();
  const orders = makeOrders('medium', 1024);
  const publisher = createPublisher<OrderEventMessage>({
    brokers: options.bootstrap,
    topic: options.topic,
    codec: benchCodec(),
    key: (e) => e.order_id,
  });
  await publisher.connect();
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  let latencies: number[] = [];
  let failed = 0;
  let sent = 0;
  const samples: SoakSample[] = [];
  const started = performance.now();
  let windowStart = started;
  const publishOne = () => {
    const at = performance.now();
    publisher.publish(orders[sent++ % orders.length]!).then(
      () => void latencies.push(performance.now() - at),
      () => void (failed += 1),
    );
  };
  const pump = setInterval(() => {
    const due = Math.floor(((performance.now() - started) * options.rate) / 1000);
    while (sent < due) publishOne();
  }, 5);
  const sample = () => {
    const window = latencies.sort((a, b) => a - b);
    latencies = [];
    const failedNow = failed;
    failed = 0;
    gc();
    const memory = process.memoryUsage();
    const s: SoakSample = {
      minute: (performance.now() - started) / 60_000,
      heapMiB: memory.heapUsed / 1048576,
      rssMiB: memory.rss / 1048576,
      loopDelayP99Ms: loop.percentile(99) / 1e6,
      deliveryP99Ms: window.length === 0 ? null : nearestRank(window, 0.99),
      acked: window.length,
      failed: failedNow,
    };
    loop.reset();
    windowStart = performance.now();
    samples.push(s);
    options.onSample?.(s);
  };
  const sampler = setInterval(sample, options.sampleSeconds * 1000);
  await new Promise((resolve) => setTimeout(resolve, options.minutes * 60_000));
  clearInterval(pump);
  clearInterval(sampler);
  if (performance.now() - windowStart > 1_000) sample();
  loop.disable();
  await publisher.close({ timeoutMs: 30_000 });
  return samples;
}
