import { describe, expect, it } from 'vitest';
import { medianResult, recommendationSnippet } from '../src/tune/tune-command.js';
import { recommend, sweepGrid } from '../src/tune/recommend.js';
import type { TuneResult } from '../src/tune/recommend.js';

function cell(lingerMs: number, msgsPerSec: number, openP99Ms: number, errors = 0): TuneResult {
  return { lingerMs, batchSize: 131_072, compression: 'lz4', acks: 'all', msgsPerSec, closedP99Ms: 100, openP99Ms, errors };
}

describe('recommend', () => {
  const results = [cell(0, 40_000, 4), cell(5, 60_000, 9), cell(20, 80_000, 30), cell(100, 95_000, 120, 3)];

  it('picks the fastest combination without errors for throughput', () => {
    const rec = recommend(results, { kind: 'throughput' });
    expect(rec.best?.lingerMs).toBe(20);
    expect(rec.excluded.get(results[3]!)).toBe('3 errors');
    expect(rec.ranked.at(-1)?.lingerMs).toBe(100);
  });

  it('honours the p99 bound for the latency target', () => {
    const rec = recommend(results, { kind: 'latency', p99MaxMs: 10 });
    expect(rec.best?.lingerMs).toBe(5);
    expect(rec.excluded.get(results[2]!)).toMatch(/p99 30.0 ms > 10 ms/);
    expect(recommend(results, { kind: 'latency', p99MaxMs: 1 }).best).toBeUndefined();
  });

  it('breaks near-ties (within 1%) by the lower p99', () => {
    const rec = recommend([cell(5, 50_000, 20), cell(20, 50_300, 40)], { kind: 'latency', p99MaxMs: 100 });
    expect(rec.best?.lingerMs).toBe(5);
  });
});

describe('sweep helpers', () => {
  it('builds the full grid', () => {
    const grid = sweepGrid([0, 5], [16_384, 1_000_000], ['none', 'lz4', 'zstd'], ['all']);
    expect(grid).toHaveLength(12);
    expect(new Set(grid.map((g) => `${g.lingerMs}/${g.batchSize}/${g.compression}`)).size).toBe(12);
  });

  it('folds rounds into medians and sums errors', () => {
    const folded = medianResult([cell(5, 10, 3, 1), cell(5, 30, 1), cell(5, 20, 2)]);
    expect(folded).toMatchObject({ msgsPerSec: 20, openP99Ms: 2, errors: 1 });
  });

  it('prints the pick as publisher options', () => {
    expect(recommendationSnippet(cell(20, 1, 1))).toBe("createPublisher({ ..., preset: 'reliable', kafka: { lingerMs: 20, batchSize: 131072, compression: 'lz4' } })");
  });
});
