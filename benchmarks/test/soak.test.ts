// The short soak CI runs: 5 minutes at 1,000 events/s through @herald/publisher on the local broker,
// asserting a flat post-GC heap (slope below DEFAULT_MAX_HEAP_SLOPE MiB/min after the first minute)
// and no failed publish. The long run is `herald-bench soak --minutes 60` (docs/reliability.md).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireBroker, benchTopic, createTopic, deleteTopics } from '../src/common/broker.js';
import type { Broker } from '../src/common/broker.js';
import { DEFAULT_MAX_HEAP_SLOPE, soakReport } from '../src/soak/soak-command.js';
import { runSoak } from '../src/soak/soak-load.js';

const MINUTES = 5;
let broker: Broker;
let topic: string;
beforeAll(async () => {
  broker = await acquireBroker(undefined, () => undefined);
  topic = benchTopic('soak-ci');
  await createTopic(broker.bootstrap, topic, 6);
}, 180_000);
afterAll(async () => {
  await deleteTopics(broker.bootstrap, [topic], () => undefined);
  await broker.release();
});

describe('soak', () => {
  it(
    `keeps the post-GC heap flat over ${MINUTES} minutes at 1,000 events/s`,
    async () => {
      const samples = await runSoak({
        bootstrap: broker.bootstrap,
        topic,
        minutes: MINUTES,
        rate: 1_000,
        sampleSeconds: 10,
      });
      const report = soakReport(
        { minutes: MINUTES, rate: 1_000, warmupMinutes: 1, maxHeapSlope: DEFAULT_MAX_HEAP_SLOPE },
        samples,
      );
      expect(report.failed).toBe(0);
      // Every event offered was acked (a stalled publisher would also look "flat").
      expect(report.acked).toBeGreaterThan(MINUTES * 60 * 1_000 * 0.95);
      expect(report.heapSlopeMiBPerMin).toBeLessThan(DEFAULT_MAX_HEAP_SLOPE);
      expect(report.pass).toBe(true);
    },
    (MINUTES + 3) * 60_000,
  );
});
