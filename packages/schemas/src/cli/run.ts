// The `herald-schemas` command line, as a function: tests call it in-process, bin.ts wires it to
// the process.
import { checkCommand } from './check-command.js';
import { generateCommand } from './generate-command.js';
import type { CliIo } from './io.js';
import { UsageError } from './usage-error.js';

export const HELP = `Usage: herald-schemas <command> [options]

Commands:
  generate   write the encoders, validators, codecs and JSON Schemas of your contracts
  check      compare your contracts' JSON Schemas with a previous version (evolution rules)

Run \`herald-schemas <command> --help\` for a command's options.`;

const COMMANDS: Readonly<Record<string, (argv: readonly string[], io: CliIo) => Promise<number>>> = {
  generate: generateCommand,
  check: checkCommand,
};

/** Runs the CLI with `argv` (without node and the script); returns the exit code. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === 'help') {
    io.out(HELP);
    return command === undefined ? 2 : 0;
  }
  const handler = COMMANDS[command];
  if (handler === undefined) {
    io.err(
      `herald-schemas: unknown command ${JSON.stringify(command)} (commands: ${Object.keys(COMMANDS).join(', ')}; see --help)`,
    );
    return 2;
  }
  try {
    return await handler(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(error.message);
      return 2;
    }
    throw error;
  }
}
