import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { intOption, listOption, parseOrExitCode, strictArgs } from '../common/args.js';
import { acquireBroker, benchTopic, createTopic, deleteTopics } from '../common/broker.js';
import { makeOrders } from '../common/orders.js';
import { ProgressBar } from '../common/progress-bar.js';
import { RELIABLE, rdkafkaConfig } from '../common/settings.js';
import { outcomeFromChild, runChild } from './child-process.js';
import { summarize } from './compare-summary.js';
import type { RoundResult, SummaryRow } from './compare-summary.js';
import { formatCompareTable, formatRanWith } from './compare-table.js';
import { CONTENDER_IDS, CONTENDERS } from './contender.js';
import type { ContenderId, ContenderOutcome } from './contender.js';
import { ensureJavaEnv, runJava } from './contenders/java.js';
import type { JavaEnv } from './contenders/java.js';
import { runPython } from './contenders/python.js';
import { CONTENDER_CHILD } from './paths.js';
import { ensurePythonEnv } from './python-env.js';
import type { PythonEnv } from './python-env.js';
import { interleave } from './schedule.js';
import { meanBytes } from './workload.js';
import type { Workload } from './workload.js';

const HELP = `usage: herald-bench compare [options]

Herald against the other ways to produce the same ~500 B orders, on the same broker in the same
run: interleaved rounds (order rotated each round), every contender in its own process, all at
acks=all, idempotence on, snappy, linger.ms 5. Prints median msgs/s, spread and ratios to Herald.

  --messages N       measured messages per contender per round (default 100000)
  --warmup N         messages before the clock starts (default messages/10, at most 10000)
  --rounds N         rounds (default 5)
  --contenders LIST  comma-separated subset of: ${CONTENDER_IDS.join(', ')} (default all)
  --window N         messages in flight at most (default 10000)
  --batch N          messages per send() for the batch APIs (default 100)
  --partitions N     partitions of the fresh topic (default 6)
  --timeout-s N      per contender run (default 180)
  --brokers LIST     bootstrap servers (default: a local broker, started with Java + Maven if none runs)
  --json             print the full report as JSON
  --report DIR       also write DIR/compare.md, DIR/compare.json and charts (SVG + PNG)
  --quiet            no progress bar`;

const options = {
  messages: { type: 'string' },
  warmup: { type: 'string' },
  rounds: { type: 'string' },
  contenders: { type: 'string' },
  window: { type: 'string' },
  batch: { type: 'string' },
  partitions: { type: 'string' },
  'timeout-s': { type: 'string' },
  brokers: { type: 'string' },
  json: { type: 'boolean', default: false },
  report: { type: 'string' },
  quiet: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** The parsed `compare` command line. */
export interface CompareArgs {
  readonly help: boolean;
  readonly messages: number;
  readonly warmup: number;
  readonly rounds: number;
  readonly contenders: ContenderId[];
  readonly window: number;
  readonly batch: number;
  readonly partitions: number;
  readonly timeoutMs: number;
  readonly brokers: string | undefined;
  readonly json: boolean;
  readonly report: string | undefined;
  readonly quiet: boolean;
}

/** Parses `compare` arguments (Herald is always included: it is the baseline); throws `UsageError`. */
export function parseCompareArgs(argv: readonly string[]): CompareArgs {
  const values = strictArgs(argv, options);
  const messages = intOption('messages', values.messages, 100_000, 100);
  const chosen = listOption('contenders', values.contenders, CONTENDER_IDS, CONTENDER_IDS);
  return {
    help: values.help,
    messages,
    warmup: intOption('warmup', values.warmup, Math.min(10_000, Math.floor(messages / 10))),
    rounds: intOption('rounds', values.rounds, 5, 1, 100),
    contenders: CONTENDER_IDS.filter((id) => id === 'herald' || chosen.includes(id)),
    window: intOption('window', values.window, 10_000, 1),
    batch: intOption('batch', values.batch, 100, 1, 100_000),
    partitions: intOption('partitions', values.partitions, 6, 1, 1000),
    timeoutMs: intOption('timeout-s', values['timeout-s'], 180, 5) * 1000,
    brokers: values.brokers,
    json: values.json,
    report: values.report,
    quiet: values.quiet,
  };
}

/** What `compare --json` prints and `--report` writes. */
export interface CompareReport {
  readonly benchmark: 'compare';
  readonly command: string;
  readonly date: string;
  readonly machine: { readonly node: string; readonly cpus: number; readonly cpuModel: string };
  readonly workload: Omit<Workload, 'ordersFile' | 'bootstrap' | 'topic'> & {
    readonly payloadBytes: number;
    readonly rounds: number;
  };
  readonly summary: readonly SummaryRow[];
  readonly results: readonly RoundResult[];
}

/** The runtimes of the non-Node contenders, checked once before the rounds. */
interface Runtimes {
  readonly python: PythonEnv | undefined;
  readonly java: JavaEnv | undefined;
}

async function runOne(
  id: ContenderId,
  workload: Workload,
  workloadFile: string,
  payloadBytes: number,
  { python, java }: Runtimes,
  timeoutMs: number,
): Promise<ContenderOutcome> {
  const kind = CONTENDERS.find((c) => c.id === id)?.kind;
  if (kind === 'java')
    return java?.ok === false
      ? { status: 'unavailable', reason: java.reason }
      : runJava(workload, payloadBytes, timeoutMs);
  if (kind === 'python')
    return runPython(python ?? { ok: false, reason: 'no Python environment' }, workloadFile, timeoutMs);
  return outcomeFromChild(await runChild(process.execPath, [CONTENDER_CHILD, id, workloadFile], timeoutMs));
}

/** `herald-bench compare`: returns the exit code (1 when a goal was missed or a contender failed). */
export async function run(argv: readonly string[]): Promise<number> {
  const args = parseOrExitCode('compare', HELP, parseCompareArgs, argv);
  if (typeof args === 'number') return args;
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const command = ['herald-bench compare', ...argv].join(' ');
  const broker = await acquireBroker(args.brokers, log);
  const dir = mkdtempSync(join(tmpdir(), 'herald-bench-'));
  const topic = benchTopic('compare');
  try {
    await createTopic(broker.bootstrap, topic, args.partitions);
    const orders = makeOrders('medium', 1024);
    const ordersFile = join(dir, 'orders.jsonl');
    writeFileSync(ordersFile, `${orders.map((o) => JSON.stringify(o)).join('\n')}\n`);
    const settings = RELIABLE;
    const workload: Workload = {
      bootstrap: broker.bootstrap,
      topic,
      ordersFile,
      messages: args.messages,
      warmup: args.warmup,
      window: args.window,
      batch: args.batch,
      settings,
      rdkafka: rdkafkaConfig(settings),
    };
    const workloadFile = join(dir, 'workload.json');
    writeFileSync(workloadFile, JSON.stringify(workload));
    const payloadBytes = meanBytes(orders);
    // Python and Java are optional: without their runtime the contender is skipped, with the reason.
    const python = args.contenders.includes('python') ? await ensurePythonEnv(log) : undefined;
    if (python?.ok === false) log(`python contender skipped: ${python.reason}`);
    const java = args.contenders.includes('java') ? await ensureJavaEnv() : undefined;
    if (java?.ok === false) log(`java contender skipped: ${java.reason}`);
    const runtimes: Runtimes = { python, java };

    const slots = interleave(args.contenders, args.rounds);
    const bar = args.quiet ? undefined : new ProgressBar('compare', slots.length);
    const results: RoundResult[] = [];
    for (const [n, slot] of slots.entries()) {
      if (!args.quiet) log(`round ${slot.round + 1}/${args.rounds}: ${slot.item}`);
      const outcome = await runOne(slot.item, workload, workloadFile, payloadBytes, runtimes, args.timeoutMs);
      if (outcome.status !== 'ok' && !args.quiet) log(`  ${slot.item} ${outcome.status}: ${outcome.reason}`);
      if (outcome.status === 'ok' && !args.quiet)
        log(`  ${slot.item}: ${Math.round(outcome.measurement.msgsPerSec)} msgs/s`);
      results.push({ round: slot.round, position: slot.position, id: slot.item, outcome });
      bar?.update(n + 1);
    }
    bar?.finish(slots.length);

    const summary = summarize(results, args.contenders);
    const { ordersFile: _o, bootstrap: _b, topic: _t, ...shape } = workload;
    const report: CompareReport = {
      benchmark: 'compare',
      command,
      date: new Date().toISOString(),
      machine: { node: process.versions.node, cpus: availableParallelism(), cpuModel: cpus()[0]?.model ?? 'unknown' },
      workload: { ...shape, payloadBytes, rounds: args.rounds },
      summary,
      results,
    };
    if (args.json) console.log(JSON.stringify(report, null, 2));
    else {
      console.log(`$ ${command}`);
      console.log(
        `${args.rounds} rounds × ${args.messages} messages of ~${Math.round(payloadBytes)} B; Node ${report.machine.node}, ${report.machine.cpus} cores\n`,
      );
      console.log(formatCompareTable(summary));
      console.log(`\n${formatRanWith(summary, settings)}`);
    }
    if (args.report !== undefined) {
      mkdirSync(args.report, { recursive: true });
      const { writeCompareReport } = await import('../report/compare-report.js');
      const files = await writeCompareReport(report, args.report);
      log(`wrote ${files.join(', ')}`);
    }
    const missed = summary.some((r) => r.goalMet === false || r.status === 'failed' || r.status === 'partial');
    return missed ? 1 : 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await deleteTopics(broker.bootstrap, [topic], log);
    await broker.release();
  }
}
