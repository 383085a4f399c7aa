// `herald-schemas check --against <folder|git ref>`: every contract's JSON Schema, as the types
// say now, against the previously published versions of its subject, under a compatibility mode.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { parseFlags } from './args.js';
import { renderGeneratedFiles } from './codegen/render.js';
import { incompatibilities, MODES, versionsToCheck } from './compat/compatibility.js';
import type { Mode } from './compat/compatibility.js';
import { DEFAULT_CONFIG } from './generate-command.js';
import type { CliIo } from './io.js';
import { loadDeclaration } from './load-declaration.js';
import { UsageError } from './usage-error.js';

export const CHECK_HELP = `Usage: herald-schemas check --against <folder|git ref> [--mode <mode>] [--config <file>]

Compares each contract's JSON Schema (generated from the types as they are now) with the earlier
versions of its subject found in --against, and prints every incompatible change with its JSON
pointer. A subject is a contract's file name without ".v<N>": customer-registered.v2 is version 2
of customer-registered. A new version is checked against the earlier ones; a version that is
already published must only change compatibly.

Options:
  --against <x>    a folder of earlier <subject>.v<N>.json files, or a git ref (e.g. origin/main)
                   whose schemaDir holds them
  --mode <mode>    ${MODES.join(', ')} (default: BACKWARD; Confluent Schema Registry's meanings)
  --config <file>  the declaration (default: ${DEFAULT_CONFIG})
  --help           show this help

Exit codes: 0 compatible, 1 incompatible changes found, 2 bad input.`;

/** A subject's schema versions: version → parsed document. */
type Versions = Map<number, Schema>;

/** One schema file: its text and where it came from, for messages. */
interface Schema {
  readonly text: string;
  readonly name: string;
}

const VERSIONED = /^(.+)\.v(\d+)\.json$/;

function add(into: Map<string, Versions>, fileName: string, text: string, where: string): void {
  const m = VERSIONED.exec(fileName);
  if (m === null) return;
  const versions: Versions = into.get(m[1]!) ?? new Map<number, Schema>();
  versions.set(Number(m[2]), { text, name: where });
  into.set(m[1]!, versions);
}

function fromFolder(folder: string): Map<string, Versions> {
  const out = new Map<string, Versions>();
  for (const name of readdirSync(folder))
    add(out, name, readFileSync(resolve(folder, name), 'utf8'), resolve(folder, name));
  return out;
}

function fromGit(ref: string, schemaDir: string): Map<string, Versions> {
  const git = (...args: string[]): string =>
    execFileSync('git', args, {
      cwd: existsSync(schemaDir) ? schemaDir : dirname(schemaDir),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  let prefix: string;
  try {
    git('rev-parse', '--verify', '--quiet', `${ref}^{commit}`);
    prefix = git('rev-parse', '--show-prefix').trim();
  } catch {
    throw new UsageError(`--against ${ref}: neither a folder nor a git ref of the repository holding ${schemaDir}`);
  }
  const out = new Map<string, Versions>();
  const dir = prefix === '' ? '.' : prefix.replace(/\/$/, '');
  let listing = '';
  try {
    // --full-tree: from a subfolder, ls-tree would filter the listing by that subfolder.
    listing = git('ls-tree', '--full-tree', '--name-only', `${ref}:${dir}`);
  } catch {
    return out; // the folder did not exist at that ref: nothing was published yet
  }
  for (const name of listing.split('\n').filter((n) => n.endsWith('.json')))
    add(out, name, git('show', `${ref}:${dir}/${name}`), `${ref}:${dir}/${name}`);
  return out;
}

function parse(text: string, name: string): object {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) throw new Error('not an object');
    return value;
  } catch (error) {
    throw new UsageError(
      `${name}: not a JSON Schema document (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

/** Runs `check`; returns the exit code. */
export async function checkCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags('check', argv, { against: 'value', mode: 'value', config: 'value', help: 'switch' });
  if (flags['help'] === true) {
    io.out(CHECK_HELP);
    return 0;
  }
  const against = flags['against'];
  if (typeof against !== 'string')
    throw new UsageError('herald-schemas check: --against <folder|git ref> is required (see --help)');
  const mode = (typeof flags['mode'] === 'string' ? flags['mode'].toUpperCase() : 'BACKWARD') as Mode;
  if (!MODES.includes(mode))
    throw new UsageError(
      `herald-schemas check: --mode must be one of ${MODES.join(', ')}, got ${String(flags['mode'])}`,
    );
  const declaration = await loadDeclaration(
    resolve(io.cwd, typeof flags['config'] === 'string' ? flags['config'] : DEFAULT_CONFIG),
  );
  const folder = resolve(io.cwd, against);
  const baseline =
    existsSync(folder) && statSync(folder).isDirectory() ? fromFolder(folder) : fromGit(against, declaration.schemaDir);
  const current = new Map<string, Versions>();
  for (const file of renderGeneratedFiles(declaration).filter((f) => f.path.endsWith('.json'))) {
    add(current, basename(file.path), file.content, relative(io.cwd, file.path));
  }
  let found = 0;
  let pairs = 0;
  const report = (
    subject: string,
    next: Schema,
    nextVersion: number,
    previous: Schema,
    previousVersion: number,
  ): void => {
    pairs++;
    for (const change of incompatibilities(parse(previous.text, previous.name), parse(next.text, next.name), mode)) {
      found++;
      const what =
        nextVersion === previousVersion
          ? `${subject} v${nextVersion} changed since it was published`
          : `${subject} v${nextVersion} vs v${previousVersion}`;
      io.out(
        `${next.name}: ${what} (${mode}): ${change.path}: ${change.kind}${change.direction === 'forward' ? ' (old readers cannot read new data)' : ''}`,
      );
    }
  };
  for (const [subject, versions] of current) {
    const published: Versions = baseline.get(subject) ?? new Map<number, Schema>();
    const registered = (v: number): Schema => published.get(v) ?? versions.get(v)!;
    const all = [...new Set([...versions.keys(), ...published.keys()])].sort((a, b) => a - b);
    for (const v of [...versions.keys()].sort((a, b) => a - b)) {
      const now = versions.get(v)!;
      const before = published.get(v);
      if (before !== undefined) {
        if (before.text !== now.text) report(subject, now, v, before, v);
        continue;
      }
      for (const earlier of versionsToCheck(
        all.filter((w) => w < v),
        mode,
      ))
        report(subject, now, v, registered(earlier), earlier);
    }
  }
  if (found > 0) {
    io.err(`${found} incompatible change${found === 1 ? '' : 's'} (${mode})`);
    return 1;
  }
  io.out(`compatible (${mode}): ${pairs} schema pair${pairs === 1 ? '' : 's'} checked`);
  return 0;
}
