// Integer type tags: the JSON Schema states the range typia's validator checks, so a consumer in
// another language accepts and refuses exactly the same numbers as the codec.
import { resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import typia from 'typia';
import { describe, expect, it } from 'vitest';
import { analyseType, createProgram } from '../src/cli/codegen/analyze.js';
import { emitJsonSchema } from '../src/cli/codegen/emit-json-schema.js';
import type { NumericBounds } from './fixtures/numeric-bounds.js';

const fixture = resolve(import.meta.dirname, 'fixtures/numeric-bounds.ts');
const validateTypia = typia.createValidateEquals<NumericBounds>();

const valid: NumericBounds = { i32: 0, u32: 0, i64: 0, u64: 0, f32: 0, loose: 0, tight: 0, counts: {} };
/** Per property: the values at its bounds, and the nearest numbers beyond them. */
const cases: Array<[keyof NumericBounds, readonly number[], readonly number[]]> = [
  ['i32', [-(2 ** 31), 2 ** 31 - 1], [-(2 ** 31) - 1, 2 ** 31, 0.5]],
  ['u32', [0, 2 ** 32 - 1], [-1, 2 ** 32]],
  ['i64', [-(2 ** 63), 2 ** 63 - 1], [-(2 ** 63) - 4096, 2 ** 63 + 4096]],
  ['u64', [0, 2 ** 64 - 1], [-1, 2 ** 64 + 8192]],
  ['f32', [-1.175494351e38, 3.4028235e38], [-1.2e38, 3.5e38]],
  ['loose', [-(2 ** 31)], [-(2 ** 31) - 1, -5000000000]],
  ['tight', [0, 10], [-1, 11]],
];

describe('JSON Schema of numeric type tags', { timeout: 120_000 }, () => {
  const program = createProgram(resolve(import.meta.dirname, '../tsconfig.json'));
  const { metadata } = analyseType(program, fixture, 'NumericBounds');
  const schema = JSON.parse(
    emitJsonSchema(metadata, {
      id: 'urn:herald:test:numeric-bounds:v1',
      title: 'NumericBounds v1',
      openContent: false,
    }),
  );
  const validateSchema = new Ajv2020({ strict: true, allErrors: true }).compile(schema as object);

  it('states the range: integers by type and bounds', () => {
    const properties = (schema as { properties: Record<string, unknown> }).properties;
    expect(properties['i32']).toEqual({ type: 'integer', minimum: -(2 ** 31), maximum: 2 ** 31 - 1 });
    expect(properties['u32']).toEqual({ type: 'integer', minimum: 0, maximum: 2 ** 32 - 1 });
    expect(properties['tight']).toMatchObject({ type: 'integer', minimum: 0, maximum: 10 });
  });

  it.each(cases)('%s: the bounds pass both validators, beyond them fails both', (key, inside, outside) => {
    for (const value of inside) {
      const event = { ...valid, [key]: value };
      expect(validateTypia(event).success, `typia ${key}=${value}`).toBe(true);
      expect(validateSchema(event), `schema ${key}=${value}`).toBe(true);
    }
    for (const value of outside) {
      const event = { ...valid, [key]: value };
      expect(validateTypia(event).success, `typia ${key}=${value}`).toBe(false);
      expect(validateSchema(event), `schema ${key}=${value}`).toBe(false);
    }
  });

  it('bounds record values too', () => {
    for (const [value, ok] of [
      [2 ** 32 - 1, true],
      [2 ** 32, false],
    ] as const) {
      const event = { ...valid, counts: { a: value } };
      expect(validateTypia(event).success).toBe(ok);
      expect(validateSchema(event)).toBe(ok);
    }
  });
});
