import { describe, expect, it } from 'vitest';
import type { RunMeasurement } from '../src/common/meter.js';
import { summarize } from '../src/compare/compare-summary.js';
import type { RoundResult } from '../src/compare/compare-summary.js';
import type { ContenderId, ContenderOutcome } from '../src/compare/contender.js';
import { interleave } from '../src/compare/schedule.js';

function ok(msgsPerSec: number, cpu = 10): ContenderOutcome {
  const measurement: RunMeasurement = {
    messages: 1000,
    acked: 1000,
    seconds: 1000 / msgsPerSec,
    msgsPerSec,
    mibPerSec: 1,
    cpuUsPerMsg: cpu,
    peakRssMiB: 100,
    latencyMs: { count: 1000, p50: 1, p95: 2, p99: 3, p999: 4, max: 5 },
    errors: {},
  };
  const ranWith = {
    acks: 'all',
    idempotence: true,
    compression: 'snappy',
    linger: '5 ms',
    maxInFlightRequests: '5',
    batching: 'x',
    perMessage: 'y',
  };
  return { status: 'ok', measurement, ranWith, unmatched: [] };
}

function rounds(id: ContenderId, outcomes: ContenderOutcome[]): RoundResult[] {
  return outcomes.map((outcome, round) => ({ round, position: 0, id, outcome }));
}

describe('summarize', () => {
  const results = [
    ...rounds('herald', [ok(100), ok(120), ok(110)]),
    ...rounds('native-naive', [ok(100), ok(90), ok(80)]),
    ...rounds('kafkajs', [ok(50), ok(30), ok(40)]),
    ...rounds('java', [ok(400), { status: 'failed', reason: 'no summary line' }, ok(300)]),
    ...rounds('python', [{ status: 'unavailable', reason: 'pip install failed' }]),
  ];
  const rows = summarize(results, ['herald', 'native-naive', 'kafkajs', 'java', 'python']);
  const row = (id: ContenderId) => rows.find((r) => r.id === id)!;

  it('reports median and spread over rounds, and ratios both ways', () => {
    expect(row('herald').msgsPerSec).toEqual({ n: 3, median: 110, min: 100, max: 120 });
    expect(row('native-naive').vsHerald).toBeCloseTo(90 / 110);
    expect(row('native-naive').heraldOver).toBeCloseTo(110 / 90);
  });

  it('judges each goal as Herald ≥ goal × contender', () => {
    expect(row('native-naive')).toMatchObject({ goal: 2, goalMet: false }); // 110 / 90 = 1.22
    expect(row('kafkajs')).toMatchObject({ goal: 3, goalMet: false }); // 110 / 40 = 2.75
    expect(row('java')).toMatchObject({ goal: 0.8, goalMet: false }); // 110 / 350 = 0.31
    expect(row('herald')).toMatchObject({ goal: null, goalMet: null, vsHerald: 1 });
  });

  it('marks failed rounds as partial and a contender that never ran as unavailable', () => {
    expect(row('java')).toMatchObject({ status: 'partial', reasons: ['failed: no summary line'] });
    expect(row('java').msgsPerSec.median).toBe(350);
    expect(row('python')).toMatchObject({
      status: 'unavailable',
      goalMet: null,
      reasons: ['unavailable: pip install failed'],
    });
    expect(row('python').vsHerald).toBeNaN();
  });
});

describe('interleave', () => {
  it('runs every contender once per round and rotates who goes first', () => {
    const slots = interleave(['a', 'b', 'c'], 4);
    expect(slots).toHaveLength(12);
    const firsts = slots.filter((s) => s.position === 0).map((s) => s.item);
    expect(firsts).toEqual(['a', 'b', 'c', 'a']);
    for (let round = 0; round < 4; round++) {
      expect(
        slots
          .filter((s) => s.round === round)
          .map((s) => s.item)
          .sort(),
      ).toEqual(['a', 'b', 'c']);
    }
  });
});
