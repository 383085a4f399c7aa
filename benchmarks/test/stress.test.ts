// The CI-sized run of `herald-bench stress`: random sizes, keys and headers through the native
// transport on the mock cluster. A leak of even 100 bytes per message would show as ~10 MiB per
// 100k; the bounds below leave room for GC and allocator noise on a shared machine.
import { describe, expect, it } from 'vitest';
import { slope } from '../src/common/slope.js';
import { growthPer100k } from '../src/stress/memory-slope.js';
import { runStress } from '../src/stress/stress-load.js';

describe('stress (CI variant)', () => {
  it('fits a least-squares slope', () => {
    expect(
      slope([
        [0, 1],
        [1, 3],
        [2, 5],
      ]),
    ).toBeCloseTo(2);
    expect(
      growthPer100k(
        [
          { settled: 0, heapUsed: 0, rss: 0 },
          { settled: 100_000, heapUsed: 5, rss: 7 },
          { settled: 200_000, heapUsed: 10, rss: 14 },
        ],
        'rss',
      ),
    ).toBeCloseTo(7);
  });

  it('keeps post-GC heap and RSS flat over 60 000 random publishes on the native transport', async () => {
    const result = await runStress({ messages: 60_000, transport: 'native', window: 5_000, samples: 12, seed: 7 });
    expect(result).toMatchObject({ messages: 60_000, acked: 60_000, failed: 0 });
    expect(growthPer100k(result.samples, 'heapUsed')).toBeLessThan(8 * 1024 * 1024);
    expect(growthPer100k(result.samples, 'rss')).toBeLessThan(48 * 1024 * 1024);
  }, 120_000);
});
