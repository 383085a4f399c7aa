import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ensureKafka } from '@herald/local-kafka';
import type { KafkaHandle } from '@herald/local-kafka';
import { intOption, parseOrExitCode, UsageError } from '../common/args.js';
import { CATALOGUE, scenarioNamed } from './catalogue.js';
import { formatChaosTable } from './chaos-table.js';
import { ClusterControl } from './cluster-control.js';
import { writeReliabilityDoc } from './reliability-doc.js';
import type { ChaosRun } from './reliability-doc.js';
import { runScenario } from './run-scenario.js';
import type { ScenarioResult } from './run-scenario.js';
import type { Scenario } from './scenario.js';
import { VARIANTS, variantNamed } from './variants.js';
import type { Variant } from './variants.js';

const HELP = `usage: herald-bench chaos [scenario ...] [options]

Runs the reliability catalogue: each scenario publishes oracle events (id, key, per-key sequence)
at a steady rate with the reliable preset while it kills, bounces, pauses or reassigns brokers of
the local 'chaos' cluster (3 nodes, 127.0.0.1:19392,29392,39392) or the single 'fault' node
(127.0.0.1:9292), then reads the topic back with a fresh read_committed consumer to the high-water
marks and judges it: lost, duplicates, reordered keys and unsettled must be 0. Brokers are started
when not running (and stopped again). Run it under flock /tmp/herald-fault.lock.

  scenario ...        names from --list (default: every scenario)
  --ci                the CI subset: one scenario per failure class
  --list              list the scenarios and exit
  --variant LIST      publisher variants, comma-separated, or all (default: default); known: ${VARIANTS.map((v) => v.name).join(', ')}
  --rate N            events per second (default 1000)
  --json              print the run as JSON instead of the table
  --out FILE          also write the run as JSON to FILE
  --write-doc FILE    rewrite the generated table of FILE (docs/reliability.md) from this run
  --from FILE[,FILE]  do not run: take the results from JSON files written by --out (merged in order)`;

const options = {
  ci: { type: 'boolean', default: false },
  list: { type: 'boolean', default: false },
  variant: { type: 'string' },
  rate: { type: 'string' },
  json: { type: 'boolean', default: false },
  out: { type: 'string' },
  'write-doc': { type: 'string' },
  from: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** The parsed `chaos` command line. */
export interface ChaosArgs {
  readonly help: boolean;
  readonly list: boolean;
  readonly scenarios: readonly Scenario[];
  readonly variants: readonly Variant[];
  readonly rate: number;
  readonly json: boolean;
  readonly out: string | undefined;
  readonly writeDoc: string | undefined;
  readonly from: string | undefined;
}

/** Parses `chaos` arguments; throws `UsageError` on bad input. */
export function parseChaosArgs(argv: readonly string[]): ChaosArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.ci && positionals.length > 0) throw new UsageError('give scenario names or --ci, not both');
  const named = (f: () => Scenario | Variant) => {
    try {
      return f();
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  };
  const scenarios = values.ci
    ? CATALOGUE.filter((s) => s.ci)
    : positionals.length > 0
      ? positionals.map((n) => named(() => scenarioNamed(n)) as Scenario)
      : CATALOGUE;
  const variantList =
    values.variant === undefined
      ? ['default']
      : values.variant === 'all'
        ? VARIANTS.map((v) => v.name)
        : values.variant.split(',');
  return {
    help: values.help,
    list: values.list,
    scenarios,
    variants: variantList.map((n) => named(() => variantNamed(n.trim())) as Variant),
    rate: intOption('rate', values.rate, 1_000, 1, 100_000),
    json: values.json,
    out: values.out,
    writeDoc: values['write-doc'],
    from: values.from,
  };
}

/** How to run a set of scenarios: progress lines go to `log`. */
export interface CatalogueOptions {
  readonly rate: number;
  readonly log: (line: string) => void;
}

/**
 * Runs every scenario with every variant, starting the brokers it needs (chaos cluster, fault
 * node) unless they run already, and stopping those it started.
 */
export async function runCatalogue(
  scenarios: readonly Scenario[],
  variants: readonly Variant[],
  opts: CatalogueOptions,
): Promise<ScenarioResult[]> {
  const handles = new Map<Scenario['mode'], KafkaHandle>();
  const results: ScenarioResult[] = [];
  try {
    for (const scenario of scenarios) {
      let handle = handles.get(scenario.mode);
      if (handle === undefined) {
        handle = await ensureKafka({ mode: scenario.mode, log: (m: string) => opts.log(`[kafka] ${m}`) });
        handles.set(scenario.mode, handle);
      }
      if (handle.external)
        throw new Error('the chaos catalogue needs the local brokers of scripts/kafka (unset KAFKA_BROKERS)');
      const control = new ClusterControl(
        scenario.mode,
        handle.bootstrap,
        handle.nodes.map((n) => n.id),
      );
      for (const variant of variants) {
        opts.log(`${scenario.name} (${variant.name}): ${scenario.title}`);
        const result = await runScenario(scenario, variant, control, { rate: opts.rate, log: opts.log });
        opts.log(`${scenario.name} (${variant.name}): ${result.pass ? 'PASS' : `FAIL: ${result.problems.join('; ')}`}`);
        results.push(result);
      }
    }
  } finally {
    for (const handle of handles.values()) await handle.stop();
  }
  return results;
}

/** Several runs' results as one (e.g. the cluster scenarios and the fault-node ones, run apart). */
function mergeRuns(runs: readonly ChaosRun[]): ChaosRun {
  return {
    startedAt: runs.map((r) => r.startedAt).join(', '),
    command: runs.map((r) => r.command).join('` and `'),
    node: [...new Set(runs.map((r) => r.node))].join(', '),
    results: runs.flatMap((r) => r.results),
  };
}

/** The command line of a run without its output flags, for the record. */
function describeRun(argv: readonly string[]): string {
  const kept: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (['--out', '--write-doc', '--json'].includes(argv[i]!)) i += argv[i] === '--json' ? 0 : 1;
    else if (!/^--(out|write-doc)=/.test(argv[i]!)) kept.push(argv[i]!);
  }
  return ['herald-bench chaos', ...kept].join(' ');
}

function listScenarios(): string {
  return CATALOGUE.map((s) => `${s.name.padEnd(26)} ${s.mode.padEnd(6)} ${s.ci ? 'ci ' : '   '} ${s.title}`).join('\n');
}

/** `herald-bench chaos`: exit code 0 when every scenario passed, 1 otherwise, 2 on bad usage. */
export async function run(argv: readonly string[]): Promise<number> {
  const args = parseOrExitCode('chaos', HELP, parseChaosArgs, argv);
  if (typeof args === 'number') return args;
  if (args.list) {
    console.log(listScenarios());
    return 0;
  }
  const chaosRun: ChaosRun =
    args.from !== undefined
      ? mergeRuns(args.from.split(',').map((file) => JSON.parse(readFileSync(file.trim(), 'utf8')) as ChaosRun))
      : {
          startedAt: new Date().toISOString(),
          command: describeRun(argv),
          node: process.version,
          results: await runCatalogue(args.scenarios, args.variants, {
            rate: args.rate,
            log: (line) => console.error(line),
          }),
        };
  if (args.out !== undefined) writeFileSync(args.out, `${JSON.stringify(chaosRun, null, 2)}\n`);
  if (args.writeDoc !== undefined) writeReliabilityDoc(args.writeDoc, chaosRun);
  console.log(args.json ? JSON.stringify(chaosRun, null, 2) : formatChaosTable(chaosRun.results));
  return chaosRun.results.every((r) => r.pass) ? 0 : 1;
}
