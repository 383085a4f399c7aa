// The encoder and the JSON Schema are generated from the TypeScript type and checked in; this
// fails when they drift (run `pnpm --filter @herald/schemas generate`).
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderGeneratedFiles } from '../scripts/codegen/render.js';

const packageDir = resolve(import.meta.dirname, '..');

describe('generated files', () => {
  it('are up to date with the message types', { timeout: 120_000 }, () => {
    const files = renderGeneratedFiles(packageDir);
    expect(files.map((f) => relative(packageDir, f.path)).sort()).toEqual(['../../docs/schemas/order-event.v1.json', 'src/generated/order-event.v1.encoder.ts']);
    for (const file of files) {
      const onDisk = readFileSync(file.path, 'utf8');
      expect(onDisk === file.content, `${relative(packageDir, file.path)} is stale: run \`pnpm --filter @herald/schemas generate\``).toBe(true);
    }
  });
});
