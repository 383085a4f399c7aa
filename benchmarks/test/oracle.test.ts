// The oracle's verdict on hand-made logs: each defect it must catch, and what it must allow.
import { describe, expect, it } from 'vitest';
import { isClean, judge, newOutcomes } from '../src/oracle/judge.js';
import type { LoggedEvent, OracleEvent } from '../src/oracle/judge.js';

const ev = (n: number, key = `k-${n % 2}`, seq = Math.floor(n / 2)): OracleEvent => ({ id: `e-${n}`, key, seq });
const at = (event: OracleEvent, partition: number, offset: number): LoggedEvent => ({ event, partition, offset });

function outcomes(acked: number[], failed: number[] = [], unknown: number[] = []) {
  const o = newOutcomes();
  for (const n of acked) o.acked.add(`e-${n}`);
  for (const n of failed) o.failed.add(`e-${n}`);
  for (const n of unknown) o.unknown.add(`e-${n}`);
  return o;
}

describe('judge', () => {
  it('passes a log holding every acked event once, in per-key order, in any read order', () => {
    const log = [at(ev(1), 1, 0), at(ev(0), 0, 0), at(ev(3), 1, 1), at(ev(2), 0, 1)];
    const report = judge(4, outcomes([0, 1, 2, 3]), log);
    expect(report).toMatchObject({
      sent: 4,
      acked: 4,
      unsettled: 0,
      lost: [],
      duplicates: [],
      reordered: [],
      failedButWritten: [],
    });
    expect(isClean(report)).toBe(true);
  });

  it('finds an acked event missing from the log', () => {
    const report = judge(2, outcomes([0, 1]), [at(ev(0), 0, 0)]);
    expect(report.lost).toEqual(['e-1']);
    expect(isClean(report)).toBe(false);
  });

  it('finds a duplicate without also calling its key reordered', () => {
    const report = judge(2, outcomes([0, 2]), [at(ev(0), 0, 0), at(ev(2), 0, 1), at(ev(2), 0, 2)]);
    expect(report.duplicates).toEqual(['e-2']);
    expect(report.reordered).toEqual([]);
  });

  it('finds a key whose sequence steps back in the log', () => {
    const report = judge(2, outcomes([0, 2]), [at(ev(2), 0, 0), at(ev(0), 0, 1)]);
    expect(report.reordered).toEqual(['k-0']);
  });

  it('allows gaps from events not written, but not a "not written" event in the log', () => {
    const gap = judge(3, outcomes([0, 4], [2]), [at(ev(0), 0, 0), at(ev(4), 0, 1)]);
    expect(isClean(gap)).toBe(true);
    const wrong = judge(3, outcomes([0, 4], [2]), [at(ev(0), 0, 0), at(ev(2), 0, 1), at(ev(4), 0, 2)]);
    expect(wrong.failedButWritten).toEqual(['e-2']);
    expect(isClean(wrong)).toBe(false);
  });

  it('counts unknown outcomes found in the log as information, and unsettled publishes as a defect', () => {
    const report = judge(4, outcomes([0], [], [2]), [at(ev(0), 0, 0), at(ev(2), 0, 1)]);
    expect(report).toMatchObject({ unknown: 1, unknownWritten: 1, unsettled: 2 });
    expect(isClean(report)).toBe(false);
  });
});
