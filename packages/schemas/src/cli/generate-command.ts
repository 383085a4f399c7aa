// `herald-schemas generate [--check]`: writes (or, with --check, compares) every generated file
// of the contracts declaration.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { parseFlags } from './args.js';
import { renderGeneratedFiles } from './codegen/render.js';
import type { CliIo } from './io.js';
import { loadDeclaration } from './load-declaration.js';

/** The default declaration file, in the working directory. */
export const DEFAULT_CONFIG = 'herald.contracts.ts';

export const GENERATE_HELP = `Usage: herald-schemas generate [--config <file>] [--check]

Reads the contracts declaration and writes, per contract, <file>.encoder.ts (the single-pass
validating encoder), <file>.validators.ts (typia's validators in generation mode),
<file>.codec.ts (a ready Codec<T>) into outDir and <file>.json (JSON Schema 2020-12) into
schemaDir. The output compiles with plain tsc: no compiler plugin.

Options:
  --config <file>  the declaration (default: ${DEFAULT_CONFIG})
  --check          write nothing; exit 1 naming each file that is missing or out of date
  --help           show this help

Exit codes: 0 done (or up to date), 1 stale files (--check), 2 bad input.`;

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Runs `generate`; returns the exit code. */
export async function generateCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags('generate', argv, { config: 'value', check: 'switch', help: 'switch' });
  if (flags['help'] === true) {
    io.out(GENERATE_HELP);
    return 0;
  }
  const check = flags['check'] === true;
  const declaration = await loadDeclaration(
    resolve(io.cwd, typeof flags['config'] === 'string' ? flags['config'] : DEFAULT_CONFIG),
  );
  let stale = 0;
  for (const file of renderGeneratedFiles(declaration)) {
    if (read(file.path) === file.content) continue;
    const name = relative(io.cwd, file.path);
    if (check) {
      stale++;
      io.err(`${name} is out of date: run \`herald-schemas generate\``);
    } else {
      mkdirSync(dirname(file.path), { recursive: true });
      writeFileSync(file.path, file.content);
      io.out(`wrote ${name}`);
    }
  }
  return stale === 0 ? 0 : 1;
}
