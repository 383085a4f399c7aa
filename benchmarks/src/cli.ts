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
