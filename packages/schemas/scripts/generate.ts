// `generate` writes the encoders and JSON Schemas derived from the message types;
// `generate --check` only compares and exits 1 when a checked-in file differs.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { renderGeneratedFiles } from './codegen/render.js';

// Package scripts run in the package directory.
const packageDir = process.cwd();
const check = process.argv.includes('--check');

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

let stale = 0;
for (const file of renderGeneratedFiles(packageDir)) {
  if (read(file.path) === file.content) continue;
  const name = relative(process.cwd(), file.path);
  if (check) {
    stale++;
    console.error(`${name} is out of date: run \`pnpm --filter @herald/schemas generate\``);
  } else {
    mkdirSync(dirname(file.path), { recursive: true });
    writeFileSync(file.path, file.content);
    console.log(`wrote ${name}`);
  }
}
process.exitCode = stale === 0 ? 0 : 1;
