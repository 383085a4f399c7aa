// herald-bench outbox: enqueue cost vs a plain INSERT, relay throughput vs the publisher alone,
// and commit -> ack lag at fixed rates, against the local PostgreSQL and Kafka.
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { eventType, orderEventMessageV1Codec, withCloudEvents } from '@herald/schemas';
import type { OrderEventMessage } from '@herald/schemas';
import { ensurePostgres } from '../../../scripts/postgres/postgres.mjs';
import { intListOption, intOption, parseOrExitCode, strictArgs } from '../common/args.js';
import { acquireBroker, benchTopic, createTopic, deleteTopics } from '../common/broker.js';
import { fixed, formatTable } from '../common/format.js';
import { makeOrders } from '../common/orders.js';
import { runEnqueueBench } from './enqueue-bench.js';
import { runRelayBench } from './relay-bench.js';

const HELP = `usage: herald-bench outbox [options]

Measures @herald/outbox on the local PostgreSQL (started when none runs, unless --url or
HERALD_PG_URL names one) and Kafka (unless --brokers): enqueue cost inside a transaction against a
plain INSERT of the same bytes, relay throughput against the publisher alone on the same records
(draining a backlog, marking rows and with retention 0 deleting them),
and commit -> ack lag with writers at fixed rates and flat out. Medium (~500 B) order events with
CloudEvents headers.

  --events N          events per throughput phase and per enqueue round (default 20000)
  --rates LIST        fixed writer rates in events/s (default 1000,10000)
  --duration-s N      seconds per fixed-rate phase (default 5)
  --per-transaction N enqueues per transaction in the enqueue benchmark (default 10)
  --rounds N          enqueue rounds and drain rounds, medians reported (default 3)
  --url URL           PostgreSQL (default: HERALD_PG_URL or the local server of scripts/postgres)
  --brokers LIST      bootstrap servers (default: local broker via scripts/kafka)
  --json              print JSON instead of the tables
  --report DIR        also write DIR/outbox.md (the tables under the command line) and DIR/outbox.json`;

const options = {
  events: { type: 'string' },
  rates: { type: 'string' },
  'duration-s': { type: 'string' },
  'per-transaction': { type: 'string' },
  rounds: { type: 'string' },
  url: { type: 'string' },
  brokers: { type: 'string' },
  json: { type: 'boolean', default: false },
  report: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

function parse(argv: readonly string[]) {
  const v = strictArgs(argv, options);
  return {
    help: v.help,
    events: intOption('events', v.events, 20_000, 100),
    rates: intListOption('rates', v.rates, [1000, 10_000]),
    durationS: intOption('duration-s', v['duration-s'], 5, 1),
    perTransaction: intOption('per-transaction', v['per-transaction'], 10, 1),
    rounds: intOption('rounds', v.rounds, 3, 1),
    url: v.url,
    brokers: v.brokers,
    json: v.json,
    report: v.report,
  };
}

export async function run(argv: readonly string[]): Promise<number> {
  const args = parseOrExitCode('outbox', HELP, parse, argv);
  if (typeof args === 'number') return args;
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const server = args.url === undefined ? await ensurePostgres({ log: (m) => log(`[postgres] ${m}`) }) : undefined;
  const pool = new pg.Pool({ connectionString: args.url ?? server!.url, max: 8 });
  pool.on('error', () => undefined);
  const broker = await acquireBroker(args.brokers, log);
  const topic = benchTopic('outbox');
  const table = `bench_outbox_${randomBytes(4).toString('hex')}`;
  try {
    await createTopic(broker.bootstrap, topic, 6);
    const record = {
      topic,
      codec: withCloudEvents(orderEventMessageV1Codec, {
        source: '/bench/outbox',
        type: eventType('order.created', 1),
      }),
      key: (o: OrderEventMessage) => o.order_id,
    };
    const events = makeOrders('medium', args.events);
    log('enqueue benchmark…');
    const enqueue = await runEnqueueBench({
      pool,
      table,
      record,
      events,
      perTransaction: args.perTransaction,
      rounds: args.rounds,
    });
    log('relay benchmark…');
    const relay = await runRelayBench({
      pool,
      brokers: broker.bootstrap,
      table,
      record,
      events,
      rates: args.rates,
      durationS: args.durationS,
      rounds: args.rounds,
      log,
    });
    const alone = relay[0]!.eventsPerSec;
    const vsPublisher = (r: (typeof relay)[number]): number => r.vsPublisher ?? r.eventsPerSec / alone;
    const summary = {
      enqueueVsPlain: enqueue[1]!.vsPlain,
      relayVsPublisher: vsPublisher(relay[1]!),
      relayDeletingVsPublisher: vsPublisher(relay[2]!),
    };
    const { rows: version } = await pool.query<{ v: string }>("SELECT current_setting('server_version') AS v");
    const machine = {
      node: process.versions.node,
      cpus: availableParallelism(),
      postgres: version[0]?.v ?? 'unknown',
      brokers: broker.bootstrap,
      events: args.events,
    };
    const text = [
      `herald-bench outbox: node ${machine.node}, ${machine.cpus} CPUs, PostgreSQL ${machine.postgres}, broker ${machine.brokers}, ~500 B orders`,
      '',
      `outbox enqueue, ${args.perTransaction} events per transaction (BEGIN/COMMIT outside the clock), median of ${args.rounds}`,
      formatTable(
        ['variant', 'µs/event', '× plain'],
        enqueue.map((r) => [r.variant, fixed(r.usPerEvent, 1), fixed(r.vsPlain, 2)]),
      ),
      '',
      'outbox relay, commit -> broker ack',
      formatTable(
        ['phase', 'offered/s', 'events', 'events/s', '× publisher', 'lag p50 ms', 'lag p99 ms'],
        relay.map((r) => [
          r.phase,
          r.offeredPerSec === undefined ? '-' : String(r.offeredPerSec),
          String(r.events),
          fixed(r.eventsPerSec, 0),
          fixed(vsPublisher(r), 2),
          fixed(r.lagP50Ms, 1),
          fixed(r.lagP99Ms, 1),
        ]),
      ),
      '',
      `goals: enqueue ≤ 1.5× plain INSERT: ${fixed(summary.enqueueVsPlain, 2)}×; relay ≥ 0.5× publisher: ${fixed(summary.relayVsPublisher, 2)}× marking, ${fixed(summary.relayDeletingVsPublisher, 2)}× deleting`,
    ].join('\n');
    const json = { machine, enqueue, relay, summary };
    console.log(args.json ? JSON.stringify(json, null, 2) : text);
    if (args.report !== undefined) {
      mkdirSync(args.report, { recursive: true });
      const command = `herald-bench outbox ${argv.join(' ')}`.trim();
      writeFileSync(path.join(args.report, 'outbox.json'), `${JSON.stringify(json, null, 2)}\n`);
      writeFileSync(
        path.join(args.report, 'outbox.md'),
        `# herald-bench outbox\n\n\`\`\`\n$ ${command}\n${text}\n\`\`\`\n`,
      );
      log(`report: ${path.join(args.report, 'outbox.md')}, outbox.json`);
    }
    return 0;
  } finally {
    await pool.end();
    await deleteTopics(broker.bootstrap, [topic], log);
    await broker.release();
    await server?.stop();
  }
}
