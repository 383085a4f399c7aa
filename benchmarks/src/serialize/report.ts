/** One row of the serialize benchmark's result. */
export interface ResultRow {
  readonly size: string;
  readonly lineItems: number;
  readonly bytes: number;
  readonly candidate: string;
  readonly validates: boolean;
  /** Whether its bytes equal `Buffer.from(JSON.stringify(message))`. */
  readonly identical: boolean;
  readonly medianNs: number;
  readonly p99Ns: number;
  readonly ratio: number;
}

/** The whole run, as `--json` prints it. */
export interface Report {
  readonly benchmark: 'serialize';
  readonly node: string;
  readonly cpus: number;
  readonly rounds: number;
  readonly rows: readonly ResultRow[];
}

function pad(cells: readonly string[], widths: readonly number[], right: ReadonlySet<number>): string {
  return cells.map((c, i) => (right.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
}

/** The report as an aligned text table. */
export function formatTable(report: Report): string {
  const header = [
    'size',
    'items',
    'bytes',
    'candidate',
    'validates',
    'identical',
    'median ns/op',
    'p99 ns/op',
    'ratio',
  ];
  const rows = report.rows.map((r) => [
    r.size,
    String(r.lineItems),
    String(r.bytes),
    r.candidate,
    r.validates ? 'yes' : 'no',
    r.identical ? 'yes' : 'NO',
    r.medianNs.toFixed(0),
    r.p99Ns.toFixed(0),
    r.ratio.toFixed(2),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const right = new Set([1, 2, 6, 7, 8]);
  const title = `herald-bench serialize: node ${report.node}, ${report.cpus} CPUs, ${report.rounds} rounds; ratio = median of per-round (candidate / baseline)`;
  return [
    title,
    '',
    pad(header, widths, right),
    pad(
      widths.map((w) => '-'.repeat(w)),
      widths,
      right,
    ),
    ...rows.map((r) => pad(r, widths, right)),
  ].join('\n');
}
