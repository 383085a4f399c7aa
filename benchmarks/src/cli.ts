#!/usr/bin/env node
// herald-bench: a thin dispatcher. Each subcommand lives in src/<name>/ and exports
// `run(argv): Promise<number>` (the exit code); it is imported only when chosen, so `serialize`
// never loads the Kafka client.

/** What a subcommand module exports. */
interface BenchCommand {
  run(argv: readonly string[]): Promise<number>;
}

const commands: Readonly<Record<string, { readonly summary: string; readonly load: () => Promise<BenchCommand> }>> = {
  serialize: {
    summary: 'validated encode vs JSON.stringify, typia and fast-json-stringify [--json] [--rounds N]',
    load: () => import('./serialize/serialize-command.js'),
  },
  'trace-overhead': {
    summary:
      'publish throughput with no OTel SDK, a no-op exporter, a batch processor [--messages N] [--rounds N] [--brokers mock|host:port] [--json]',
    load: () => import('./trace-overhead/trace-overhead-command.js'),
  },
  produce: {
    summary: 'publish N order events through Herald: throughput, latency percentiles, CPU, RSS [--rate N] [--json]',
    load: () => import('./produce/produce-command.js'),
  },
  compare: {
    summary:
      'Herald vs bare native, KafkaJS-compatible, kafkajs, @platformatic/kafka, Java, Python [--rounds N] [--json] [--report DIR]',
    load: () => import('./compare/compare-command.js'),
  },
  stress: {
    summary:
      '1M publishes of random sizes/keys/headers on the mock cluster: post-GC heap and RSS slope [--transport native|ckjs] [--messages N] [--json]',
    load: () => import('./stress/stress-command.js'),
  },
  chaos: {
    summary:
      'reliability catalogue: faults on the local chaos cluster / fault node, judged by the oracle [scenario...] [--ci] [--list] [--json]',
    load: () => import('./chaos/chaos-command.js'),
  },
  soak: {
    summary:
      'publish at a fixed rate for N minutes: post-GC heap slope, RSS, event-loop delay p99, delivery p99 [--minutes N] [--rate R] [--report DIR]',
    load: () => import('./soak/soak-command.js'),
  },
  outbox: {
    summary:
      'transactional outbox on PostgreSQL: enqueue vs plain INSERT, relay vs publisher, commit->ack lag [--rates LIST] [--json]',
    load: () => import('./outbox/outbox-command.js'),
  },
  tune: {
    summary:
      'sweep linger.ms x batch.size x compression for --target throughput|latency [--p99-max-ms X] [--report DIR]',
    load: () => import('./tune/tune-command.js'),
  },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return ['usage: herald-bench <command> [options]', '', 'commands:', ...lines].join('\n');
}

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    console.log(usage());
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (command === undefined) {
    console.error(`herald-bench: unknown command ${JSON.stringify(name)}\n\n${usage()}`);
    return 2;
  }
  return (await command.load()).run(rest);
}

process.exitCode = await main(process.argv.slice(2));
