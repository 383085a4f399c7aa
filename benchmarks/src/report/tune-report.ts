import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { recommendationSnippet, tuneCells, tuneColumns, verdictCell } from '../tune/tune-output.js';
import type { TuneReport } from '../tune/tune-output.js';
import { tuneHeatmap } from './charts.js';
import { markdownTable } from './markdown.js';
import { writeChart } from './render-chart.js';

/** The Markdown of a tune report; `image` is the heat map's relative path. */
export function tuneMarkdown(report: TuneReport, image: string): string {
  const latency = report.target.kind === 'latency';
  const rows = report.results.map((r) =>
    tuneCells(r, latency, (x) => (x.recommended ? '**recommended**' : verdictCell(x))),
  );
  const target =
    report.target.kind === 'latency'
      ? `max throughput with p99 ≤ ${report.target.p99MaxMs} ms at ${report.rate} msgs/s (open loop)`
      : 'max throughput';
  return [
    '```',
    `$ ${report.command}`,
    '```',
    '',
    `${report.date.slice(0, 10)}, ${report.cpus} cores; target: ${target}; ${report.messages} messages per combination, median and spread (min–max) of ${report.rounds} interleaved round(s).`,
    '',
    report.verdict,
    '',
    report.best === null ? 'No combination met the target.' : `Recommended: \`${recommendationSnippet(report.best)}\``,
    '',
    markdownTable(tuneColumns(latency), rows),
    '',
    `![tuning heat map](${image})`,
    '',
  ].join('\n');
}

/** Writes tune.md, tune.json and the heat map (SVG + PNG) into `dir`. */
export async function writeTuneReport(report: TuneReport, dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const cells = report.results.map((r) => ({
    lingerMs: r.lingerMs,
    batchSize: r.batchSize,
    compression: r.compression,
    acks: String(r.acks),
    msgsPerSec: r.msgsPerSec,
    p99Ms: report.target.kind === 'latency' ? r.openP99Ms : r.closedP99Ms,
    recommended: r.recommended,
  }));
  const title = `Herald throughput by linger.ms × batch.size (${report.cpus} cores; outlined: recommended)`;
  const files = await writeChart(dir, 'tune-heatmap', tuneHeatmap(title, cells));
  writeFileSync(join(dir, 'tune.json'), JSON.stringify(report, null, 2));
  writeFileSync(join(dir, 'tune.md'), tuneMarkdown(report, 'tune-heatmap.png'));
  return [...files, 'tune.json', 'tune.md'].map((f) => join(dir, f));
}
