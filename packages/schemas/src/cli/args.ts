// A strict parser for the few flags each command takes: an unknown flag or a missing value is a
// UsageError (exit 2), never silently ignored.
import { UsageError } from './usage-error.js';

/** The flags one command accepts: name → whether it takes a value. */
export type FlagSpec = Readonly<Record<string, 'value' | 'switch'>>;

/** Parsed flags: a switch is `true` when given, a value flag its string. */
export type ParsedFlags = Readonly<Record<string, string | true>>;

/** Parses `argv` (after the command name) against `spec`; `--name=value` and `--name value` both work. */
export function parseFlags(command: string, argv: readonly string[], spec: FlagSpec): ParsedFlags {
  const out: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--'))
      throw new UsageError(`herald-schemas ${command}: unexpected argument ${JSON.stringify(arg)} (see --help)`);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const kind = spec[name];
    if (kind === undefined) throw new UsageError(`herald-schemas ${command}: unknown flag --${name} (see --help)`);
    if (kind === 'switch') {
      if (eq !== -1) throw new UsageError(`herald-schemas ${command}: --${name} takes no value`);
      out[name] = true;
      continue;
    }
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined || value === '' || (eq === -1 && value.startsWith('--'))) {
      throw new UsageError(`herald-schemas ${command}: --${name} needs a value`);
    }
    out[name] = value;
  }
  return out;
}
