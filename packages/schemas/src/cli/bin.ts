#!/usr/bin/env node
// The `herald-schemas` executable.
import { run } from './run.js';

const code = await run(process.argv.slice(2), {
  cwd: process.cwd(),
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
process.exitCode = code;
