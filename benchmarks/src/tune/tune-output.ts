// What `tune` says: the report it prints as JSON or writes with --report, the evidence table, the
// pick as code and the plain-words verdict on how far the measurement can be trusted. Shared by the
// command and the Markdown report.
import { compact, fixed, formatTable } from '../common/format.js';
import type { Recommendation, Separation, TuneResult, TuneTarget } from './recommend.js';

/** One result as reported: its rank, and whether it is excluded, tied with the fastest or the pick. */
export type ReportedTuneResult = TuneResult & {
  readonly rank: number;
  readonly excluded: string | null;
  readonly tied: boolean;
  readonly recommended: boolean;
};

/** What `tune --json` prints and `--report` writes. */
export interface TuneReport {
  readonly benchmark: 'tune';
  readonly command: string;
  readonly date: string;
  readonly cpus: number;
  readonly target: TuneTarget;
  readonly rate: number;
  readonly messages: number;
  readonly rounds: number;
  readonly best: TuneResult | null;
  readonly fastest: TuneResult | null;
  readonly separation: Separation;
  /** {@link separationNote} of the run. */
  readonly verdict: string;
  readonly results: readonly ReportedTuneResult[];
}

/** Each ranked result with its rank and flags, as the report lists them. */
export function reportedResults(rec: Recommendation): ReportedTuneResult[] {
  return rec.ranked.map((r, i) => ({
    ...r,
    rank: i + 1,
    excluded: rec.excluded.get(r) ?? null,
    tied: rec.tied.includes(r),
    recommended: r === rec.best,
  }));
}

/** `48.1k (41.0k–50.9k)`: the median and the spread over the rounds. */
export function throughputCell(r: TuneResult): string {
  return r.rounds > 1
    ? `${compact(r.msgsPerSec)} (${compact(r.msgsPerSecMin)}–${compact(r.msgsPerSecMax)})`
    : compact(r.msgsPerSec);
}

/** The verdict column: the pick, tied with the fastest, or why excluded. */
export function verdictCell(r: ReportedTuneResult): string {
  if (r.recommended) return 'RECOMMENDED';
  if (r.excluded !== null) return r.excluded;
  return r.tied ? 'tied' : '';
}

/** The evidence table's columns; the open-loop p99 only for a latency target. */
export function tuneColumns(latency: boolean): string[] {
  return [
    '#',
    'linger.ms',
    'batch.size',
    'compression',
    'acks',
    'msgs/s median (min–max)',
    'p99 ms (closed)',
    ...(latency ? ['p99 ms (open)'] : []),
    'verdict',
  ];
}

/** One row of the evidence table; `verdict` renders the last cell. */
export function tuneCells(r: ReportedTuneResult, latency: boolean, verdict = verdictCell): string[] {
  return [
    String(r.rank),
    String(r.lingerMs),
    String(r.batchSize),
    r.compression,
    String(r.acks),
    throughputCell(r),
    fixed(r.closedP99Ms, 0),
    ...(latency ? [fixed(r.openP99Ms, 1)] : []),
    verdict(r),
  ];
}

/** The evidence table, fastest first. */
export function formatTuneTable(results: readonly ReportedTuneResult[], target: TuneTarget): string {
  const latency = target.kind === 'latency';
  return formatTable(
    tuneColumns(latency),
    results.map((r) => tuneCells(r, latency)),
  );
}

/** The pick as publisher options a team can paste. */
export function recommendationSnippet(best: TuneResult): string {
  return `createPublisher({ ..., preset: 'reliable', kafka: { lingerMs: ${best.lingerMs}, batchSize: ${best.batchSize}, compression: '${best.compression}'${best.acks === 'all' ? '' : `, acks: ${best.acks}, idempotence: false`} } })`;
}

/** In plain words: how far the measurement separates the cells, and so what the pick means. */
export function separationNote(rec: Recommendation): string {
  const eligible = rec.ranked.length - rec.excluded.size;
  switch (rec.separation) {
    case 'one-round':
      return 'One round: no spread was measured, so the ranking may be noise. Run with --rounds 3 or more before acting on it.';
    case 'clear':
      return rec.best === undefined
        ? 'No combination met the target.'
        : "Clear: no other cell's spread overlaps the fastest's, so the fastest is the pick.";
    case 'tied':
      return `${rec.tied.length} cells are tied with the fastest (their spreads over the rounds overlap): the pick is the least aggressive of them (lowest linger.ms, then smallest batch.size).`;
    case 'too-noisy':
      return `Too noisy to separate: ${rec.tied.length} of ${eligible} eligible cells overlap the fastest's spread, so this machine cannot rank them. The pick is only the least aggressive of those, not a measured winner; use more --rounds or --messages, or a quieter machine.`;
  }
}
