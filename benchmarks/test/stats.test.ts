import { describe, expect, it } from 'vitest';
import { nearestRank, summarizeLatency } from '../src/common/percentiles.js';
import { ratio, spreadOf } from '../src/common/spread.js';

describe('summarizeLatency', () => {
  it('reports nearest-rank percentiles of unsorted samples', () => {
    const samples = Array.from({ length: 1000 }, (_, i) => 1000 - i); // 1000..1
    expect(summarizeLatency(samples)).toEqual({ count: 1000, p50: 500, p95: 950, p99: 990, p999: 999, max: 1000 });
  });

  it('does not sort the caller’s array', () => {
    const samples = new Float64Array([3, 1, 2]);
    summarizeLatency(samples);
    expect([...samples]).toEqual([3, 1, 2]);
  });

  it('is NaN for no samples and exact for one', () => {
    expect(summarizeLatency([]).p50).toBeNaN();
    expect(summarizeLatency([7])).toMatchObject({ p50: 7, p999: 7, max: 7 });
    expect(nearestRank([1, 2, 3, 4], 0.5)).toBe(2);
  });
});

describe('spreadOf and ratio', () => {
  it('takes the middle value of an odd count and the mean of the middle two of an even count', () => {
    expect(spreadOf([5, 1, 3])).toEqual({ n: 3, median: 3, min: 1, max: 5 });
    expect(spreadOf([4, 1, 3, 2])).toEqual({ n: 4, median: 2.5, min: 1, max: 4 });
  });

  it('ignores values that were not measured', () => {
    expect(spreadOf([Number.NaN, 10, Number.POSITIVE_INFINITY, 20])).toEqual({ n: 2, median: 15, min: 10, max: 20 });
    expect(spreadOf([]).median).toBeNaN();
  });

  it('divides by a positive baseline only', () => {
    expect(ratio(150, 100)).toBe(1.5);
    expect(ratio(1, 0)).toBeNaN();
    expect(ratio(Number.NaN, 3)).toBeNaN();
  });
});
