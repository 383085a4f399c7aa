import { availableParallelism } from 'node:os';
import {
  choiceOption,
  intListOption,
  intOption,
  listOption,
  UsageError,
  parseOrExitCode,
  strictArgs,
} from '../common/args.js';
import { acquireBroker, benchTopic, createTopic, deleteTopics } from '../common/broker.js';
import { makeOrders } from '../common/orders.js';
import { ProgressBar } from '../common/progress-bar.js';
import type { Compression } from '../common/settings.js';
import { runHeraldLoad } from '../produce/herald-load.js';
import { foldRounds, recommend, sweepGrid } from './recommend.js';
import type { TuneResult, TuneTarget } from './recommend.js';
import { formatTuneTable, recommendationSnippet, reportedResults, separationNote } from './tune-output.js';
import type { TuneReport } from './tune-output.js';

const HELP = `usage: herald-bench tune [options]

Sweeps linger.ms × batch.size × compression (× acks with --allow-acks) through Herald's publisher
on ~500 B orders and recommends settings for a target, with the evidence. Each cell is measured in
--rounds interleaved passes; cells whose spread overlaps the fastest's are tied with it, and the pick
is the least aggressive of the tied (lowest linger.ms, then smallest batch.size).

  --target throughput|latency   maximise msgs/s, or msgs/s under --p99-max-ms (default throughput)
  --p99-max-ms X      latency bound on p99, measured in an open loop at --rate (needed for latency)
  --rate N            open-loop rate for the latency check (default 5000 msgs/s)
  --linger-ms LIST    default 0,5,20,100
  --batch-size LIST   default 16384,131072,1000000
  --compression LIST  none,gzip,snappy,lz4,zstd or all (default none,snappy,lz4,zstd)
  --acks LIST         all,1,0 — only with --allow-acks (default all: Herald's guarantee)
  --allow-acks        let the sweep weaken acks
  --messages N        closed-loop messages per cell (default 30000)
  --rounds N          interleaved passes over the whole grid; each cell reports its median and
                      spread (default 3)
  --window N          in flight in the closed loop (default 10000)
  --partitions N      partitions of the fresh topic (default 6)
  --brokers LIST      bootstrap servers (default: a local broker, started with Java + Maven if none runs)
  --json              print JSON
  --report DIR        also write DIR/tune.md, DIR/tune.json and the heat map (SVG + PNG)
  --quiet             no progress bar`;

const options = {
  target: { type: 'string' },
  'p99-max-ms': { type: 'string' },
  rate: { type: 'string' },
  'linger-ms': { type: 'string' },
  'batch-size': { type: 'string' },
  compression: { type: 'string' },
  acks: { type: 'string' },
  'allow-acks': { type: 'boolean', default: false },
  messages: { type: 'string' },
  rounds: { type: 'string' },
  window: { type: 'string' },
  partitions: { type: 'string' },
  brokers: { type: 'string' },
  json: { type: 'boolean', default: false },
  report: { type: 'string' },
  quiet: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

const COMPRESSIONS: readonly Compression[] = ['none', 'gzip', 'snappy', 'lz4', 'zstd'];

/** The parsed `tune` command line. */
export interface TuneArgs {
  readonly help: boolean;
  readonly target: TuneTarget;
  readonly rate: number;
  readonly linger: number[];
  readonly batch: number[];
  readonly compression: Compression[];
  readonly acks: Array<'all' | 1 | 0>;
  readonly messages: number;
  readonly rounds: number;
  readonly window: number;
  readonly partitions: number;
  readonly brokers: string | undefined;
  readonly json: boolean;
  readonly report: string | undefined;
  readonly quiet: boolean;
}

/** Parses `tune` arguments; throws {@link UsageError}. */
export function parseTuneArgs(argv: readonly string[]): TuneArgs {
  const values = strictArgs(argv, options);
  const kind = choiceOption('target', values.target, ['throughput', 'latency'], 'throughput');
  if (kind === 'latency' && values['p99-max-ms'] === undefined)
    throw new UsageError('--target latency needs --p99-max-ms X');
  if (kind === 'throughput' && values['p99-max-ms'] !== undefined)
    throw new UsageError('--p99-max-ms only goes with --target latency');
  if (values.acks !== undefined && !values['allow-acks'])
    throw new UsageError('--acks weakens delivery guarantees: add --allow-acks to sweep it');
  const acks = listOption('acks', values.acks, ['all', '1', '0'], ['all']).map((a) =>
    a === 'all' ? 'all' : (Number(a) as 1 | 0),
  );
  const p99 = Number(values['p99-max-ms']);
  if (kind === 'latency' && !(p99 > 0))
    throw new UsageError(`--p99-max-ms must be a positive number, got ${JSON.stringify(values['p99-max-ms'])}`);
  return {
    help: values.help,
    target: kind === 'latency' ? { kind, p99MaxMs: p99 } : { kind },
    rate: intOption('rate', values.rate, 5_000, 1),
    linger: intListOption('linger-ms', values['linger-ms'], [0, 5, 20, 100]),
    batch: intListOption('batch-size', values['batch-size'], [16_384, 131_072, 1_000_000]),
    compression: listOption('compression', values.compression, COMPRESSIONS, ['none', 'snappy', 'lz4', 'zstd']),
    acks,
    messages: intOption('messages', values.messages, 30_000, 100),
    rounds: intOption('rounds', values.rounds, 3, 1, 20),
    window: intOption('window', values.window, 10_000, 1),
    partitions: intOption('partitions', values.partitions, 6, 1, 1000),
    brokers: values.brokers,
    json: values.json,
    report: values.report,
    quiet: values.quiet,
  };
}

/** `herald-bench tune`: returns the exit code (1 when nothing met the target). */
export async function run(argv: readonly string[]): Promise<number> {
  const args = parseOrExitCode('tune', HELP, parseTuneArgs, argv);
  if (typeof args === 'number') return args;
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const command = ['herald-bench tune', ...argv].join(' ');
  const broker = await acquireBroker(args.brokers, log);
  const topic = benchTopic('tune');
  try {
    await createTopic(broker.bootstrap, topic, args.partitions);
    const orders = makeOrders('medium', 1024);
    const grid = sweepGrid(args.linger, args.batch, args.compression, args.acks);
    const bar = args.quiet ? undefined : new ProgressBar('tune', grid.length * args.rounds);
    const runs: TuneResult[][] = grid.map(() => []);
    const latencyMessages = Math.min(args.messages, args.rate * 3);
    // Round-major: each pass covers the whole grid, so slow spells of a shared machine spread over all cells.
    for (let round = 0; round < args.rounds; round++) {
      for (const [i, cell] of grid.entries()) {
        const settings = {
          acks: cell.acks,
          idempotence: cell.acks === 'all',
          compression: cell.compression,
          lingerMs: cell.lingerMs,
          batchSize: cell.batchSize,
        };
        const base = { bootstrap: broker.bootstrap, topic, orders, settings };
        const closed = await runHeraldLoad({
          ...base,
          messages: args.messages,
          warmup: Math.min(5_000, args.messages),
          shape: { kind: 'closed', window: args.window },
        });
        const open =
          args.target.kind === 'latency'
            ? await runHeraldLoad({
                ...base,
                messages: latencyMessages,
                warmup: 1_000,
                shape: { kind: 'open', rate: args.rate, maxInFlight: 100_000 },
              })
            : undefined;
        const errors = [closed, open].reduce(
          (sum, m) => sum + Object.values(m?.errors ?? {}).reduce((a, b) => a + b, 0),
          0,
        );
        const msgsPerSec = closed.msgsPerSec;
        runs[i]!.push({
          ...cell,
          msgsPerSec,
          msgsPerSecMin: msgsPerSec,
          msgsPerSecMax: msgsPerSec,
          rounds: 1,
          closedP99Ms: closed.latencyMs?.p99 ?? Number.NaN,
          openP99Ms: open?.latencyMs?.p99 ?? Number.NaN,
          errors,
        });
        bar?.update(round * grid.length + i + 1);
      }
    }
    bar?.finish(grid.length * args.rounds);
    const results = runs.map(foldRounds);
    const rec = recommend(results, args.target);
    const verdict = separationNote(rec);
    const report: TuneReport = {
      benchmark: 'tune',
      command,
      date: new Date().toISOString(),
      cpus: availableParallelism(),
      target: args.target,
      rate: args.rate,
      messages: args.messages,
      rounds: args.rounds,
      best: rec.best ?? null,
      fastest: rec.fastest ?? null,
      separation: rec.separation,
      verdict,
      results: reportedResults(rec),
    };
    if (args.json) console.log(JSON.stringify(report, null, 2));
    else {
      const goal =
        args.target.kind === 'throughput'
          ? 'max throughput'
          : `max throughput with p99 ≤ ${args.target.p99MaxMs} ms at ${args.rate} msgs/s`;
      console.log(
        `$ ${command}\ntarget: ${goal}; ${grid.length} combinations × ${args.messages} messages × ${args.rounds} interleaved rounds (median, min–max), ~500 B orders, Herald publisher\n`,
      );
      console.log(formatTuneTable(report.results, args.target));
      console.log(`\n${verdict}`);
      console.log(
        rec.best === undefined ? 'no combination met the target' : `recommended: ${recommendationSnippet(rec.best)}`,
      );
    }
    if (args.report !== undefined) {
      const { writeTuneReport } = await import('../report/tune-report.js');
      log(`wrote ${(await writeTuneReport(report, args.report)).join(', ')}`);
    }
    return rec.best === undefined ? 1 : 0;
  } finally {
    await deleteTopics(broker.bootstrap, [topic], log);
    await broker.release();
  }
}
