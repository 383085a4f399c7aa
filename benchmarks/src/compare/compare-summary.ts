import { ratio, spreadOf } from '../common/spread.js';
import type { Spread } from '../common/spread.js';
import { CONTENDERS, goalOf } from './contender.js';
import type { ContenderId, ContenderOutcome, RanWith } from './contender.js';

/** One contender's outcome in one round. */
export interface RoundResult {
  readonly round: number;
  readonly position: number;
  readonly id: ContenderId;
  readonly outcome: ContenderOutcome;
}

/** One line of the compare table. */
export interface SummaryRow {
  readonly id: ContenderId;
  readonly label: string;
  /** ok: every round measured; partial: some rounds failed; unavailable / failed: none measured. */
  readonly status: 'ok' | 'partial' | 'unavailable' | 'failed';
  readonly msgsPerSec: Spread;
  /** Median throughput relative to Herald's median (Herald = 1). */
  readonly vsHerald: number;
  /** Herald's median divided by this contender's: what the goals are stated in. */
  readonly heraldOver: number;
  /** "Herald ≥ goal × this contender"; null for reference-only contenders. */
  readonly goal: number | null;
  readonly goalMet: boolean | null;
  readonly cpuUsPerMsg: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly peakRssMiB: number;
  readonly ranWith: RanWith | null;
  readonly unmatched: readonly string[];
  /** Why rounds were not measured, deduplicated. */
  readonly reasons: readonly string[];
}

/** Median and spread per contender over the rounds, with ratios to Herald (`herald` must be among them). */
export function summarize(results: readonly RoundResult[], ids: readonly ContenderId[]): SummaryRow[] {
  const rows = ids.map((id) => {
    const mine = results.filter((r) => r.id === id).map((r) => r.outcome);
    const ok = mine.flatMap((o) => (o.status === 'ok' ? [o] : []));
    const reasons = [...new Set(mine.flatMap((o) => (o.status === 'ok' ? [] : [`${o.status}: ${o.reason}`])))];
    const median = (pick: (o: (typeof ok)[number]) => number | null | undefined) =>
      spreadOf(ok.map((o) => pick(o) ?? Number.NaN)).median;
    const status: SummaryRow['status'] =
      ok.length === 0
        ? mine.some((o) => o.status === 'unavailable')
          ? 'unavailable'
          : 'failed'
        : ok.length < mine.length
          ? 'partial'
          : 'ok';
    return {
      id,
      label: CONTENDERS.find((c) => c.id === id)?.label ?? id,
      status,
      msgsPerSec: spreadOf(ok.map((o) => o.measurement.msgsPerSec)),
      cpuUsPerMsg: median((o) => o.measurement.cpuUsPerMsg),
      p50Ms: median((o) => o.measurement.latencyMs?.p50),
      p99Ms: median((o) => o.measurement.latencyMs?.p99),
      peakRssMiB: spreadOf(ok.map((o) => o.measurement.peakRssMiB ?? Number.NaN)).max,
      ranWith: ok[0]?.ranWith ?? null,
      unmatched: ok[0]?.unmatched ?? [],
      reasons,
    };
  });
  const herald = rows.find((r) => r.id === 'herald')?.msgsPerSec.median ?? Number.NaN;
  return rows.map((row) => {
    const goal = row.id === 'herald' ? null : goalOf(row.id);
    const heraldOver = ratio(herald, row.msgsPerSec.median);
    return {
      ...row,
      vsHerald: ratio(row.msgsPerSec.median, herald),
      heraldOver,
      goal,
      goalMet: goal === null || !Number.isFinite(heraldOver) ? null : heraldOver >= goal,
    };
  });
}
