// "Light for consumers": the published build must run without typia or a TypeScript compiler.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { orderEventMessageV1Codec } from '../dist/index.js';
import { order } from './support/orders.js';

const root = resolve(import.meta.dirname, '..');

describe('dist bundle', () => {
  it('imports nothing but Node built-ins and the shared Herald error model and header rule', () => {
    const code = readFileSync(resolve(root, 'dist/index.js'), 'utf8');
    const statics = [...code.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']/gm)].map((m) => m[1]);
    const dynamics = [...code.matchAll(/\b(?:import|require)\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    const specifiers = [...statics, ...dynamics];
    expect(specifiers.length).toBeGreaterThan(0);
    expect([...new Set(specifiers.filter((s) => !s!.startsWith('node:')))].sort()).toEqual(['@herald/errors', '@herald/headers']);
  });

  it('declares no runtime dependency on typia or typescript', () => {
    const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    expect(Object.keys(pkg.dependencies ?? {})).toEqual(['@herald/errors', '@herald/headers', '@typia/interface']);
  });

  it('encodes and validates from the bundle', () => {
    expect(orderEventMessageV1Codec.encode(order()).toString()).toBe(JSON.stringify(order()));
    expect(orderEventMessageV1Codec.is({ ...order(), total_price: Number.POSITIVE_INFINITY })).toBe(false);
  });
});
