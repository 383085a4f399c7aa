import { availableParallelism } from 'node:os';
import { choiceOption, intOption, listOption, settingsFromFlags, parseOrExitCode, strictArgs } from '../common/args.js';
import { acquireBroker, benchTopic, createTopic, deleteTopics } from '../common/broker.js';
import { makeOrders, ORDER_SIZES } from '../common/orders.js';
import type { LoadShape } from '../common/pacer.js';
import { ProgressBar } from '../common/progress-bar.js';
import { runHeraldLoad } from './herald-load.js';
import { formatProduceReport } from './produce-report.js';
import type { ProduceReport, ProduceRow } from './produce-report.js';

const HELP = `usage: herald-bench produce [options]

Publishes synthetic order events through @herald/publisher to a real broker (the local one,
started when none is running, unless --brokers is given) and reports throughput, delivery
latency (publish call -> delivery report), CPU per message, peak RSS and errors by code.

  --messages N        measured events per size (default 100000)
  --warmup N          events before the clock starts (default messages/10, at most 10000)
  --size LIST         small (~100 B), medium (~500 B), large (~5 KB), or all (default medium)
  --rate N            open loop at N events/s (latency); without it, closed loop (throughput)
  --window N          events in flight in the closed loop (default 10000)
  --preset NAME       reliable | lowLatency | highThroughput (default reliable)
  --acks all|1|0, --idempotence on|off, --compression none|gzip|snappy|lz4|zstd,
  --linger-ms N, --batch-size N        override the preset
  --partitions N      partitions of the fresh topic (default 6)
  --transport NAME    native | ckjs | auto: the publisher's transport (default auto)
  --brokers LIST      bootstrap servers (default: a local broker, started with Java + Maven if none runs)
  --json              print JSON instead of the table
  --quiet             no progress bar`;

const options = {
  messages: { type: 'string' },
  warmup: { type: 'string' },
  size: { type: 'string' },
  rate: { type: 'string' },
  window: { type: 'string' },
  preset: { type: 'string' },
  acks: { type: 'string' },
  idempotence: { type: 'string' },
  compression: { type: 'string' },
  'linger-ms': { type: 'string' },
  'batch-size': { type: 'string' },
  partitions: { type: 'string' },
  transport: { type: 'string' },
  brokers: { type: 'string' },
  json: { type: 'boolean', default: false },
  quiet: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** The parsed `produce` command line. */
export interface ProduceArgs {
  readonly help: boolean;
  readonly messages: number;
  readonly warmup: number;
  readonly sizes: ReturnType<typeof listOption<'small' | 'medium' | 'large'>>;
  readonly shape: LoadShape;
  readonly settings: ReturnType<typeof settingsFromFlags>;
  readonly partitions: number;
  readonly transport: 'auto' | 'native' | 'ckjs';
  readonly brokers: string | undefined;
  readonly json: boolean;
  readonly quiet: boolean;
}

/** Parses `produce` arguments; throws `UsageError` on bad input. */
export function parseProduceArgs(argv: readonly string[]): ProduceArgs {
  const values = strictArgs(argv, options);
  const messages = intOption('messages', values.messages, 100_000, 1);
  const window = intOption('window', values.window, 10_000, 1);
  const rate = values.rate === undefined ? undefined : intOption('rate', values.rate, 0, 1);
  return {
    help: values.help,
    messages,
    warmup: intOption('warmup', values.warmup, Math.min(10_000, Math.floor(messages / 10))),
    sizes: listOption('size', values.size, ORDER_SIZES, ['medium']),
    shape:
      rate === undefined ? { kind: 'closed', window } : { kind: 'open', rate, maxInFlight: Math.max(window, 100_000) },
    settings: settingsFromFlags(values),
    partitions: intOption('partitions', values.partitions, 6, 1, 1000),
    transport: choiceOption('transport', values.transport, ['auto', 'native', 'ckjs'] as const, 'auto'),
    brokers: values.brokers,
    json: values.json,
    quiet: values.quiet,
  };
}

/** `herald-bench produce`: returns the exit code. */
export async function run(argv: readonly string[]): Promise<number> {
  const args = parseOrExitCode('produce', HELP, parseProduceArgs, argv);
  if (typeof args === 'number') return args;
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const broker = await acquireBroker(args.brokers, log);
  const topics: string[] = [];
  try {
    const rows: ProduceRow[] = [];
    for (const size of args.sizes) {
      const topic = benchTopic(`produce-${size}`);
      topics.push(topic);
      await createTopic(broker.bootstrap, topic, args.partitions);
      const orders = makeOrders(size, 1024);
      const bar = args.quiet ? undefined : new ProgressBar(`produce ${size}`, args.messages);
      const measurement = await runHeraldLoad({
        bootstrap: broker.bootstrap,
        topic,
        orders,
        messages: args.messages,
        warmup: args.warmup,
        settings: args.settings,
        shape: args.shape,
        transport: args.transport,
        ...(bar === undefined ? {} : { onProgress: (n: number) => bar.update(n) }),
      });
      bar?.finish(measurement.messages);
      const bytes = orders.reduce((sum, o) => sum + Buffer.byteLength(JSON.stringify(o)), 0) / orders.length;
      rows.push({ size, bytes, measurement });
    }
    const mode =
      args.shape.kind === 'closed'
        ? `closed loop, ${args.shape.window} in flight`
        : `open loop at ${args.shape.rate}/s`;
    const report: ProduceReport = {
      benchmark: 'produce',
      node: process.versions.node,
      cpus: availableParallelism(),
      bootstrap: broker.bootstrap,
      mode,
      transport: args.transport,
      settings: args.settings,
      rows,
    };
    console.log(args.json ? JSON.stringify(report, null, 2) : formatProduceReport(report));
    return rows.every((r) => Object.keys(r.measurement.errors).length === 0) ? 0 : 1;
  } finally {
    await deleteTopics(broker.bootstrap, topics, log);
    await broker.release();
  }
}
