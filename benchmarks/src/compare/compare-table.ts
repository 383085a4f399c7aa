import { compact, fixed, formatTable } from '../common/format.js';
import { describeSettings } from '../common/settings.js';
import type { ProducerSettings } from '../common/settings.js';
import type { SummaryRow } from './compare-summary.js';

/** The throughput table: median msgs/s, spread over rounds, ratios to Herald and the goal. */
export function formatCompareTable(rows: readonly SummaryRow[]): string {
  const header = [
    'contender',
    'median msgs/s',
    'spread (min–max)',
    'vs Herald',
    'Herald ÷ it',
    'goal',
    'CPU µs/msg',
    'p99 ms',
    'peak RSS MiB',
  ];
  const body = rows.map((r) => {
    if (r.status === 'unavailable' || r.status === 'failed') {
      return [
        r.label,
        r.status,
        r.reasons[0]?.replace(/^(unavailable|failed): /, '').slice(0, 48) ?? '',
        '',
        '',
        r.goal === null ? '' : `≥ ${r.goal}×`,
        '',
        '',
        '',
      ];
    }
    const goal =
      r.goal === null
        ? r.id === 'herald'
          ? 'baseline'
          : 'reference'
        : `≥ ${r.goal}× ${r.goalMet === true ? 'met' : 'MISSED'}`;
    return [
      r.status === 'partial' ? `${r.label} (partial)` : r.label,
      compact(r.msgsPerSec.median),
      `${compact(r.msgsPerSec.min)}–${compact(r.msgsPerSec.max)}`,
      `${fixed(r.vsHerald)}×`,
      `${fixed(r.heraldOver)}×`,
      goal,
      fixed(r.cpuUsPerMsg, 1),
      fixed(r.p99Ms, 0),
      fixed(r.peakRssMiB, 0),
    ];
  });
  return formatTable(header, body);
}

/** What each contender ran with and what it could not match. */
export function formatRanWith(rows: readonly SummaryRow[], settings: ProducerSettings): string {
  const lines = [`asked of every contender: ${describeSettings(settings)}, max.in.flight 5`];
  for (const r of rows) {
    if (r.ranWith === null) continue;
    const w = r.ranWith;
    lines.push(
      `- ${r.label}: acks=${w.acks} idempotence=${w.idempotence ? 'on' : 'off'} ${w.compression} linger=${w.linger} in-flight=${w.maxInFlightRequests}; ${w.batching}; ${w.perMessage}`,
    );
    for (const u of r.unmatched) lines.push(`    cannot match: ${u}`);
  }
  for (const r of rows) for (const reason of r.reasons) lines.push(`- ${r.label}: ${reason}`);
  return lines.join('\n');
}
