// Generated files checked in: the bundled order contract (from herald.contracts.ts) and the test
// contracts covering every shape (from test/fixtures/shapes/herald.contracts.ts). This fails when a
// file drifts from what the generator writes now: `pnpm --filter @herald/schemas generate` rewrites
// both.
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderGeneratedFiles } from '../src/cli/codegen/render.js';
import { loadDeclaration } from '../src/cli/load-declaration.js';

const packageDir = resolve(import.meta.dirname, '..');

async function expectUpToDate(declaration: string, expected: readonly string[]): Promise<void> {
  const files = renderGeneratedFiles(await loadDeclaration(resolve(packageDir, declaration)));
  expect(files.map((f) => relative(packageDir, f.path)).sort()).toEqual(expected);
  for (const file of files) {
    const onDisk = readFileSync(file.path, 'utf8');
    expect(onDisk === file.content, `${relative(packageDir, file.path)} is stale: regenerate from ${declaration}`).toBe(
      true,
    );
    expect(file.content).not.toMatch(/typia\/lib|\/internal\//);
  }
}

describe('generated files', () => {
  it('of the order contract are up to date with its type', { timeout: 120_000 }, async () => {
    await expectUpToDate('herald.contracts.ts', [
      '../../docs/schemas/order-event.v1.json',
      'src/generated/order-event.v1.codec.ts',
      'src/generated/order-event.v1.encoder.ts',
      'src/generated/order-event.v1.validators.ts',
    ]);
  });

  it('of the shape test contracts are up to date with their types', { timeout: 120_000 }, async () => {
    const dir = 'test/fixtures/shapes/generated';
    await expectUpToDate(
      'test/fixtures/shapes/herald.contracts.ts',
      ['open-event', 'shapes-event'].flatMap((name) =>
        ['codec.ts', 'encoder.ts', 'json', 'validators.ts'].map((suffix) => `${dir}/${name}.v1.${suffix}`),
      ),
    );
  });
});
