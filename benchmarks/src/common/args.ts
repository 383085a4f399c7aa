import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import type { PresetName } from '@herald/publisher';
import { presetSettings } from './settings.js';
import type { Compression, ProducerSettings } from './settings.js';

/** A bad command line: the command prints the message and its usage, and exits with 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** An integer option within [min, max]; `fallback` when absent. */
export function intOption(
  name: string,
  value: string | undefined,
  fallback: number,
  min = 0,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (value === undefined) return fallback;
  const n = Number(value.replaceAll('_', ''));
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw new UsageError(`--${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(value)}`);
  return n;
}

/** One of `choices`; `fallback` when absent. */
export function choiceOption<C extends string>(
  name: string,
  value: string | undefined,
  choices: readonly C[],
  fallback: C,
): C {
  if (value === undefined) return fallback;
  if (!(choices as readonly string[]).includes(value))
    throw new UsageError(`--${name} must be one of ${choices.join(', ')}, got ${JSON.stringify(value)}`);
  return value as C;
}

/** A comma-separated list, each item one of `choices` (or `all`); `fallback` when absent. */
export function listOption<C extends string>(
  name: string,
  value: string | undefined,
  choices: readonly C[],
  fallback: readonly C[],
): C[] {
  if (value === undefined) return [...fallback];
  if (value === 'all') return [...choices];
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (items.length === 0) throw new UsageError(`--${name} needs at least one of ${choices.join(', ')}`);
  return items.map((item) => choiceOption(name, item, choices, choices[0]!));
}

/** A comma-separated list of non-negative integers, e.g. `--linger-ms 0,5,20`. */
export function intListOption(name: string, value: string | undefined, fallback: readonly number[]): number[] {
  if (value === undefined) return [...fallback];
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (items.length === 0) throw new UsageError(`--${name} needs at least one integer`);
  return items.map((item) => intOption(name, item, 0));
}

const PRESETS: readonly PresetName[] = ['reliable', 'lowLatency', 'highThroughput'];
const COMPRESSIONS: readonly Compression[] = ['none', 'gzip', 'snappy', 'lz4', 'zstd'];

/** The raw strings of the producer-setting flags shared by `produce` and `tune`. */
export interface SettingFlags {
  readonly preset?: string | undefined;
  readonly acks?: string | undefined;
  readonly idempotence?: string | undefined;
  readonly compression?: string | undefined;
  readonly 'linger-ms'?: string | undefined;
  readonly 'batch-size'?: string | undefined;
}

/** A preset's settings (default `reliable`) with any explicit flag winning over it. */
export function settingsFromFlags(flags: SettingFlags): ProducerSettings {
  const base = presetSettings(choiceOption('preset', flags.preset, PRESETS, 'reliable'));
  const acks = choiceOption(
    'acks',
    flags.acks,
    ['all', '-1', '1', '0'],
    base.acks === 'all' ? 'all' : (String(base.acks) as '1' | '0'),
  );
  const idempotence = choiceOption(
    'idempotence',
    flags.idempotence,
    ['on', 'off', 'true', 'false'],
    base.idempotence ? 'on' : 'off',
  );
  const settings: ProducerSettings = {
    acks: acks === 'all' || acks === '-1' ? 'all' : acks === '1' ? 1 : 0,
    idempotence: idempotence === 'on' || idempotence === 'true',
    compression: choiceOption('compression', flags.compression, COMPRESSIONS, base.compression),
    lingerMs: intOption('linger-ms', flags['linger-ms'], base.lingerMs, 0, 900_000),
    batchSize:
      flags['batch-size'] === undefined
        ? base.batchSize
        : intOption('batch-size', flags['batch-size'], 0, 1, 2_147_483_647),
  };
  if (settings.idempotence && settings.acks !== 'all')
    throw new UsageError('idempotence needs --acks all (or pass --idempotence off)');
  return settings;
}

/**
 * Parses a subcommand's arguments with `parse`. On `--help` prints `help` and returns 0; on a
 * {@link UsageError} prints it with `help` and returns 2; otherwise returns the arguments.
 */
export function parseOrExitCode<A extends { readonly help: boolean }>(
  name: string,
  help: string,
  parse: (argv: readonly string[]) => A,
  argv: readonly string[],
): A | number {
  try {
    const args = parse(argv);
    if (!args.help) return args;
    console.log(help);
    return 0;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`herald-bench ${name}: ${error.message}\n\n${help}`);
    return 2;
  }
}

type StrictValues<O extends Options> = ReturnType<
  typeof parseArgs<{ options: O; strict: true; allowPositionals: false }>
>['values'];
type Options = NonNullable<ParseArgsConfig['options']>;

/** `parseArgs` in strict mode without positionals, its errors turned into {@link UsageError}s. */
export function strictArgs<O extends Options>(argv: readonly string[], options: O): StrictValues<O> {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
