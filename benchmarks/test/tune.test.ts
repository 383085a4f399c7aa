import { describe, expect, it } from 'vitest';
import { foldRounds, recommend, sweepGrid } from '../src/tune/recommend.js';
import type { TuneResult } from '../src/tune/recommend.js';
import { formatTuneTable, recommendationSnippet, reportedResults, separationNote } from '../src/tune/tune-output.js';

/** One round of one cell. */
function round(lingerMs: number, msgsPerSec: number, openP99Ms = 5, errors = 0, batchSize = 131_072): TuneResult {
  return {
    lingerMs,
    batchSize,
    compression: 'lz4',
    acks: 'all',
    msgsPerSec,
    msgsPerSecMin: msgsPerSec,
    msgsPerSecMax: msgsPerSec,
    rounds: 1,
    closedP99Ms: 100,
    openP99Ms,
    errors,
  };
}

/** A cell measured over several rounds: median and spread from `samples`. */
function cell(
  lingerMs: number,
  samples: number[],
  { batchSize = 131_072, openP99Ms = 5, errors = 0 } = {},
): TuneResult {
  return foldRounds(samples.map((s) => round(lingerMs, s, openP99Ms, errors, batchSize)));
}

describe('recommend', () => {
  it('picks the fastest when no other spread overlaps it, and says the result is clear', () => {
    const results = [
      cell(0, [40_000, 41_000, 42_000]),
      cell(5, [60_000, 61_000, 62_000]),
      cell(20, [80_000, 81_000, 83_000]),
    ];
    const rec = recommend(results, { kind: 'throughput' });
    expect(rec.best).toBe(results[2]);
    expect(rec.separation).toBe('clear');
    expect(rec.tied).toEqual([results[2]]);
  });

  it('treats cells whose spreads overlap the fastest as tied and picks the least aggressive of them', () => {
    // The case: linger 50 / 1 MB at 50.9k beside linger 50 / 128 KB at 33.0k in one run; with rounds the spreads overlap.
    const big = cell(50, [33_000, 50_900, 44_000], { batchSize: 1_000_000 });
    const small = cell(50, [36_000, 33_000, 47_000], { batchSize: 131_072 });
    const slow = cell(5, [20_000, 21_000, 22_000], { batchSize: 16_384 });
    const lowLinger = cell(20, [30_000, 35_000, 34_000], { batchSize: 1_000_000 });
    const rec = recommend([big, small, slow, lowLinger], { kind: 'throughput' });
    expect(rec.fastest).toBe(big);
    expect(new Set(rec.tied)).toEqual(new Set([big, small, lowLinger]));
    expect(rec.best).toBe(lowLinger); // lowest linger among the tied
    const sameLinger = recommend([big, small, slow], { kind: 'throughput' });
    expect(sameLinger.best).toBe(small); // same linger: the smaller batch
    expect(sameLinger.separation).toBe('tied');
    expect(separationNote(sameLinger)).toMatch(/2 cells are tied with the fastest/);
  });

  it('says plainly when most cells overlap: too noisy to separate', () => {
    const results = [0, 5, 20, 100].map((linger, i) => cell(linger, [30_000 + i * 1_000, 45_000, 60_000 - i * 1_000]));
    const rec = recommend(results, { kind: 'throughput' });
    expect(rec.separation).toBe('too-noisy');
    expect(rec.best?.lingerMs).toBe(0);
    expect(separationNote(rec)).toMatch(/^Too noisy to separate: 4 of 4 eligible cells/);
  });

  it('says that one round measures no spread', () => {
    const rec = recommend([round(0, 40_000), round(20, 41_000)], { kind: 'throughput' });
    expect(rec.separation).toBe('one-round');
    expect(rec.best?.lingerMs).toBe(20);
    expect(separationNote(rec)).toMatch(/no spread was measured/);
  });

  it('never picks a cell with errors, and honours the p99 bound for the latency target', () => {
    const results = [
      cell(0, [40_000, 40_500]),
      cell(5, [60_000, 60_500], { openP99Ms: 9 }),
      cell(20, [80_000, 80_500], { openP99Ms: 30 }),
      cell(100, [95_000, 95_500], { errors: 3 }),
    ];
    const throughput = recommend(results, { kind: 'throughput' });
    expect(throughput.best?.lingerMs).toBe(20);
    expect(throughput.excluded.get(results[3]!)).toBe('6 errors');
    expect(throughput.ranked.at(-1)?.lingerMs).toBe(100);
    const latency = recommend(results, { kind: 'latency', p99MaxMs: 10 });
    expect(latency.best?.lingerMs).toBe(5);
    expect(latency.excluded.get(results[2]!)).toMatch(/p99 30.0 ms > 10 ms/);
    const none = recommend(results, { kind: 'latency', p99MaxMs: 1 });
    expect(none.best).toBeUndefined();
    expect(separationNote(none)).toBe('No combination met the target.');
  });
});

describe('sweep helpers', () => {
  it('builds the full grid', () => {
    const grid = sweepGrid([0, 5], [16_384, 1_000_000], ['none', 'lz4', 'zstd'], ['all']);
    expect(grid).toHaveLength(12);
    expect(new Set(grid.map((g) => `${g.lingerMs}/${g.batchSize}/${g.compression}`)).size).toBe(12);
  });

  it('folds rounds into medians and the spread, and sums errors', () => {
    const folded = foldRounds([round(5, 10, 3, 1), round(5, 30, 1), round(5, 20, 2)]);
    expect(folded).toMatchObject({
      msgsPerSec: 20,
      msgsPerSecMin: 10,
      msgsPerSecMax: 30,
      rounds: 3,
      openP99Ms: 2,
      errors: 1,
    });
  });

  it('shows the spread and marks the pick and the tied cells in the table', () => {
    const rec = recommend(
      [cell(50, [33_000, 50_900, 44_000], { batchSize: 1_000_000 }), cell(50, [36_000, 33_000, 47_000])],
      { kind: 'throughput' },
    );
    const table = formatTuneTable(reportedResults(rec), { kind: 'throughput' });
    expect(table).toMatch(/44\.0k \(33\.0k–50\.9k\)\s+100\s+tied/);
    expect(table).toMatch(/36\.0k \(33\.0k–47\.0k\)\s+100\s+RECOMMENDED/);
  });

  it('prints the pick as publisher options', () => {
    expect(recommendationSnippet(round(20, 1))).toBe(
      "createPublisher({ ..., preset: 'reliable', kafka: { lingerMs: 20, batchSize: 131072, compression: 'lz4' } })",
    );
  });
});
