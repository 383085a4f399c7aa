import { availableParallelism } from 'node:os';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { BASELINE, candidates, paymentCandidates } from './candidates.js';
import type { Candidate } from './candidates.js';
import { fixtures, paymentFixtures } from './fixtures.js';
import { measure } from './measure.js';
import { formatTable } from './report.js';
import type { Report, ResultRow } from './report.js';

const HELP = `usage: herald-bench serialize [--json] [--rounds N]

Times validated JSON encoding of an order (1, 3 and 100 line items) and of a
payment event (optional, nullable, enum and union fields; payment-full and
payment-sparse) against Buffer.from(JSON.stringify(message)) measured in the
same rounds.

  --json       print the report as JSON instead of a table
  --rounds N   measured rounds per candidate (default 7, at least 5)`;

/** `herald-bench serialize`: returns the exit code. */
export async function run(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      json: { type: 'boolean', default: false },
      rounds: { type: 'string', default: '7' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 5) {
    console.error('herald-bench serialize: --rounds must be an integer of at least 5');
    return 2;
  }
  if (candidates[0]?.name !== BASELINE || paymentCandidates[0]?.name !== BASELINE)
    throw new Error('the baseline must come first');

  const rows: ResultRow[] = [];
  const suite = async <T>(
    name: string,
    lineItems: number,
    message: T,
    list: readonly Candidate<T>[],
  ): Promise<void> => {
    // Let the progress line reach the terminal before a long synchronous measurement.
    await nextTurn();
    const expected = Buffer.from(JSON.stringify(message));
    const ops = list.map((c) => () => c.encode(message).length);
    if (!values.json) process.stderr.write(`measuring ${name}${lineItems > 0 ? ` (${lineItems} line items)` : ''}…\n`);
    const timings = measure(ops, { rounds, warmupMs: 300, cellMs: 150, batchUs: 200 });
    list.forEach((candidate, i) => {
      const timing = timings[i]!;
      rows.push({
        size: name,
        lineItems,
        bytes: expected.length,
        candidate: candidate.name,
        validates: candidate.validates,
        identical: candidate.encode(message).equals(expected),
        medianNs: timing.medianNs,
        p99Ns: timing.p99Ns,
        ratio: timing.ratio,
      });
    });
  };
  for (const fixture of fixtures) await suite(fixture.name, fixture.lineItems, fixture.message, candidates);
  for (const fixture of paymentFixtures) await suite(fixture.name, 0, fixture.message, paymentCandidates);
  const report: Report = {
    benchmark: 'serialize',
    node: process.versions.node,
    cpus: availableParallelism(),
    rounds,
    rows,
  };
  console.log(values.json ? JSON.stringify(report, null, 2) : formatTable(report));
  return rows.every((r) => r.identical || !r.validates) ? 0 : 1;
}
