// The generator's contract: it understands the JSON shapes domain events use, refuses anything
// else with a message naming the file, type and property path, and its output is never looser
// than typia.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseType, createProgram } from '../src/cli/codegen/analyze.js';
import { emitEncoder } from '../src/cli/codegen/emit-encoder.js';
import { ScratchSink } from '../src/internal/byte-sink.js';
import { writeOrderEventMessageV1 } from '../src/generated/order-event.v1.encoder.js';
import { validateOrderEventMessageV1 } from '../src/index.js';
import { order, orderWithItem } from './support/orders.js';
import { adversarialString, amount, prng } from './support/random.js';

const fixture = resolve(import.meta.dirname, 'fixtures/unsupported-types.ts');

describe('encoder generator', { timeout: 120_000 }, () => {
  const program = createProgram(resolve(import.meta.dirname, '../tsconfig.json'));

  it.each([
    ['WithUnion', /WithUnion\.value: the union .* is not a literal union/],
    ['WithTaglessUnion', /WithTaglessUnion\.shape: the union .* has no discriminating property/],
    ['WithBigint', /WithBigint\.amount: bigint is not supported/],
    ['WithUndefinedElement', /WithUndefinedElement\.items\[\]: may be undefined/],
    ['WithDate', /WithDate\.at: .*class/],
    ['WithTuple', /WithTuple\.pair: tuples are not supported/],
    ['Tree', /recursive/],
  ])('refuses %s, naming the file and the property path', (name, message) => {
    expect(() => analyseType(program, fixture, name)).toThrow(message);
    expect(() => analyseType(program, fixture, name)).toThrow(
      /^test\/fixtures\/unsupported-types\.ts: |unsupported-types\.ts: /,
    );
  });

  it('names a missing type', () => {
    expect(() => analyseType(program, fixture, 'Missing')).toThrow(
      /unsupported-types\.ts: does not export a type named Missing/,
    );
  });

  it('emits code for booleans, arrays of scalars, nested arrays and nested objects', () => {
    const { wire } = analyseType(program, fixture, 'Supported');
    const source = emitEncoder({
      typeName: 'Supported',
      exportName: 'Supported',
      sourceFile: 'x.ts',
      wire,
      runtime: '@herald/schemas/runtime',
    });
    expect(source).toContain('export function writeSupported(input: unknown, sink: ByteSink): number');
    expect(source).toMatch(/typeof v\d+ !== 'boolean'/);
    expect(source).toContain('writeJsonTrue');
    expect(source).toMatch(/for \(let i\d+ = 0, n\d+ = v\d+\.length;/);
    expect(source).toContain("from '@herald/schemas/runtime';");
    expect(source).not.toMatch(/typia|internal\//);
  });
});

describe('the generated writer', () => {
  const sink = new ScratchSink();
  const fastPath = (input: unknown): boolean => {
    sink.begin();
    return writeOrderEventMessageV1(input, sink) >= 0;
  };

  it('takes every valid plain order (the fast path is the common path)', () => {
    const rng = prng(7);
    for (let i = 0; i < 500; i++) {
      const message = order({ customer_name: adversarialString(rng), total_price: amount(rng) });
      expect(fastPath(message)).toBe(true);
    }
  });

  it('never accepts what typia rejects', () => {
    const rng = prng(11);
    const mutations: Array<() => unknown> = [
      () => order({ order_id: rng() < 0.5 ? '' : 1 }),
      () => order({ created_at: `2025-02-${String(28 + Math.floor(rng() * 4))}T00:00:00Z` }),
      () => orderWithItem({ quantity: Math.floor(rng() * 4) - 1 + (rng() < 0.3 ? 0.5 : 0) }),
      () => orderWithItem({ price: rng() < 0.5 ? -amount(rng) : amount(rng) }),
      () => order({ total_price: [Number.NaN, Number.POSITIVE_INFINITY, -0, 1e21][Math.floor(rng() * 4)] }),
      () => ({ ...order(), extra: rng() < 0.5 ? undefined : 1 }),
    ];
    let accepted = 0;
    for (let i = 0; i < 3000; i++) {
      const input = mutations[i % mutations.length]!();
      if (fastPath(input)) {
        accepted++;
        expect(validateOrderEventMessageV1(input).success).toBe(true);
      }
    }
    expect(accepted).toBeGreaterThan(100);
  });
});
