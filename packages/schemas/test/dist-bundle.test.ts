// "Light for consumers": the published build must run without typia or a TypeScript compiler.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { orderEventMessageV1Codec } from '../dist/index.js';
import { order } from './support/orders.js';

const root = resolve(import.meta.dirname, '..');

/** Every module specifier `file` imports, following its relative imports (shared chunks) through. */
function imports(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  const statics = [...code.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']/gm)].map((m) => m[1]!);
  const dynamics = [...code.matchAll(/\b(?:import|require)\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!);
  return [...statics, ...dynamics].flatMap((s) => (s.startsWith('.') ? imports(resolve(dirname(file), s), seen) : [s]));
}

describe('dist bundle', () => {
  it.each(['dist/index.js', 'dist/runtime.js'])(
    '%s imports nothing but Node built-ins and the shared Herald error model and header rule',
    (entry) => {
      const specifiers = imports(resolve(root, entry));
      expect(specifiers.length).toBeGreaterThan(0);
      expect([...new Set(specifiers.filter((s) => !s.startsWith('node:')))].sort()).toEqual(
        entry === 'dist/index.js' ? ['@herald/errors', '@herald/headers'] : ['@herald/errors'],
      );
    },
  );

  it('only the CLI loads the generator peers (typescript, typia, @typia/core)', () => {
    const outside = imports(resolve(root, 'dist/cli.js')).filter((s) => !s.startsWith('node:'));
    expect(new Set(outside)).toEqual(new Set(['typescript', 'typia/lib/transform', '@typia/core']));
  });

  it('declares no runtime dependency on typia or typescript', () => {
    const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    expect(Object.keys(pkg.dependencies ?? {})).toEqual(['@herald/errors', '@herald/headers', '@typia/interface']);
  });

  it('encodes and validates from the bundle', () => {
    expect(orderEventMessageV1Codec.encode(order()).toString()).toBe(JSON.stringify(order()));
    expect(orderEventMessageV1Codec.is({ ...order(), total_price: Number.POSITIVE_INFINITY })).toBe(false);
  });
});
