import { formatTable } from '../common/format.js';
import type { ScenarioResult } from './run-scenario.js';

/** The catalogue's columns, in the order the issue and docs/reliability.md name them. */
export const CHAOS_COLUMNS = [
  'scenario',
  'variant',
  's',
  'sent',
  'acked',
  'not-written',
  'unknown',
  'lost',
  'duplicates',
  'reordered keys',
  'unsettled',
  'recovery s',
  'verdict',
] as const;

/** One result as table cells. */
export function chaosCells(r: ScenarioResult): string[] {
  return [
    r.scenario,
    r.variant,
    r.seconds.toFixed(0),
    String(r.sent),
    String(r.acked),
    String(r.notWritten),
    String(r.unknown),
    String(r.lost),
    String(r.duplicates),
    String(r.reorderedKeys),
    String(r.unsettled),
    r.recoveryMs === null ? 'never' : (r.recoveryMs / 1000).toFixed(1),
    r.pass ? 'PASS' : 'FAIL',
  ];
}

/** The plain-text table for stdout, with every failure's reasons below it. */
export function formatChaosTable(results: readonly ScenarioResult[]): string {
  const table = formatTable(CHAOS_COLUMNS, results.map(chaosCells));
  const why = results.filter((r) => !r.pass).map((r) => `${r.scenario} (${r.variant}): ${r.problems.join('; ')}`);
  return why.length === 0 ? table : `${table}\n\n${why.join('\n')}`;
}
