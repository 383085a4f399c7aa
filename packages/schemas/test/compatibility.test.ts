// The evolution rules, one row per kind of change: what the diff calls it, and whether it passes
// under each compatibility mode (Confluent Schema Registry's JSON Schema rules).
import { describe, expect, it } from 'vitest';
import { incompatibilities, MODES, versionsToCheck } from '../src/cli/compat/compatibility.js';
import type { Mode } from '../src/cli/compat/compatibility.js';
import { diffSchemas } from '../src/cli/compat/schema-diff.js';

type S = Record<string, unknown>;
const closed = (properties: S, required: string[] = Object.keys(properties)): S => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});
const open = (properties: S, required: string[] = Object.keys(properties)): S => ({
  type: 'object',
  properties,
  required,
});
const doc = (root: S, defs?: S): S => ({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  ...root,
  ...(defs === undefined ? {} : { $defs: defs }),
});
const str = { type: 'string' };
const nullable = (s: S): S => ({ oneOf: [{ type: 'null' }, s] });
const oneOfConst = (...values: unknown[]): S => ({ oneOf: values.map((v) => ({ const: v })) });
const card = closed({ method: { const: 'card' }, last4: str });
const invoice = closed({ method: { const: 'invoice' }, days: { type: 'integer' } });
const cash = closed({ method: { const: 'cash' } });

/** [change, previous, next, the kind the diff reports, backward-compatible, forward-compatible]. */
const TABLE: ReadonlyArray<readonly [string, S, S, string, boolean, boolean]> = [
  [
    'optional property added (closed)',
    closed({ a: str }),
    closed({ a: str, b: str }, ['a']),
    'OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL',
    true,
    false,
  ],
  [
    'required property added (closed)',
    closed({ a: str }),
    closed({ a: str, b: str }),
    'REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL',
    false,
    false,
  ],
  [
    'property added to an open model',
    open({ a: str }),
    open({ a: str, b: str }, ['a']),
    'PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL',
    false,
    true,
  ],
  [
    'optional property removed (closed)',
    closed({ a: str, b: str }, ['a']),
    closed({ a: str }),
    'PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL',
    false,
    true,
  ],
  [
    'property removed (open)',
    open({ a: str, b: str }, ['a']),
    open({ a: str }),
    'PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL',
    true,
    false,
  ],
  [
    'required made optional',
    closed({ a: str, b: str }),
    closed({ a: str, b: str }, ['a']),
    'REQUIRED_ATTRIBUTE_REMOVED',
    true,
    false,
  ],
  [
    'optional made required',
    closed({ a: str, b: str }, ['a']),
    closed({ a: str, b: str }),
    'REQUIRED_ATTRIBUTE_ADDED',
    false,
    true,
  ],
  ['closed model opened', closed({ a: str }), open({ a: str }), 'ADDITIONAL_PROPERTIES_ADDED', true, false],
  ['open model closed', open({ a: str }), closed({ a: str }), 'ADDITIONAL_PROPERTIES_REMOVED', false, true],
  [
    'integer widened to number',
    closed({ a: { type: 'integer' } }),
    closed({ a: { type: 'number' } }),
    'TYPE_EXTENDED',
    true,
    false,
  ],
  [
    'number narrowed to integer',
    closed({ a: { type: 'number' } }),
    closed({ a: { type: 'integer' } }),
    'TYPE_NARROWED',
    false,
    true,
  ],
  ['made nullable', closed({ a: str }), closed({ a: nullable(str) }), 'TYPE_EXTENDED', true, false],
  ['null no longer allowed', closed({ a: nullable(str) }), closed({ a: str }), 'TYPE_NARROWED', false, true],
  ['type changed', closed({ a: str }), closed({ a: { type: 'boolean' } }), 'TYPE_CHANGED', false, false],
  [
    'enum value added',
    closed({ a: oneOfConst('x', 'y') }),
    closed({ a: oneOfConst('x', 'y', 'z') }),
    'ENUM_ARRAY_EXTENDED',
    true,
    false,
  ],
  [
    'enum value removed',
    closed({ a: oneOfConst('x', 'y') }),
    closed({ a: oneOfConst('x') }),
    'ENUM_ARRAY_NARROWED',
    false,
    true,
  ],
  [
    'enum value replaced',
    closed({ a: oneOfConst('x', 'y') }),
    closed({ a: oneOfConst('x', 'z') }),
    'ENUM_ARRAY_CHANGED',
    false,
    false,
  ],
  [
    'maximum raised',
    closed({ a: { type: 'number', maximum: 10 } }),
    closed({ a: { type: 'number', maximum: 20 } }),
    'MAXIMUM_INCREASED',
    true,
    false,
  ],
  [
    'maximum lowered',
    closed({ a: { type: 'number', maximum: 10 } }),
    closed({ a: { type: 'number', maximum: 5 } }),
    'MAXIMUM_DECREASED',
    false,
    true,
  ],
  [
    'maximum added',
    closed({ a: { type: 'number' } }),
    closed({ a: { type: 'number', maximum: 5 } }),
    'MAXIMUM_ADDED',
    false,
    true,
  ],
  [
    'minimum removed',
    closed({ a: { type: 'number', minimum: 0 } }),
    closed({ a: { type: 'number' } }),
    'MINIMUM_REMOVED',
    true,
    false,
  ],
  [
    'minimum raised',
    closed({ a: { type: 'number', minimum: 0 } }),
    closed({ a: { type: 'number', minimum: 1 } }),
    'MINIMUM_INCREASED',
    false,
    true,
  ],
  [
    'exclusive minimum lowered',
    closed({ a: { type: 'number', exclusiveMinimum: 1 } }),
    closed({ a: { type: 'number', exclusiveMinimum: 0 } }),
    'EXCLUSIVE_MINIMUM_DECREASED',
    true,
    false,
  ],
  [
    'multipleOf reduced',
    closed({ a: { type: 'number', multipleOf: 1 } }),
    closed({ a: { type: 'number', multipleOf: 0.5 } }),
    'MULTIPLE_OF_REDUCED',
    true,
    false,
  ],
  [
    'multipleOf expanded',
    closed({ a: { type: 'number', multipleOf: 0.5 } }),
    closed({ a: { type: 'number', multipleOf: 1 } }),
    'MULTIPLE_OF_EXPANDED',
    false,
    true,
  ],
  [
    'maxLength raised',
    closed({ a: { type: 'string', maxLength: 5 } }),
    closed({ a: { type: 'string', maxLength: 9 } }),
    'MAX_LENGTH_INCREASED',
    true,
    false,
  ],
  [
    'minLength added',
    closed({ a: str }),
    closed({ a: { type: 'string', minLength: 1 } }),
    'MIN_LENGTH_ADDED',
    false,
    true,
  ],
  ['pattern added', closed({ a: str }), closed({ a: { type: 'string', pattern: '^x' } }), 'PATTERN_ADDED', false, true],
  [
    'pattern changed',
    closed({ a: { type: 'string', pattern: '^x' } }),
    closed({ a: { type: 'string', pattern: '^y' } }),
    'PATTERN_CHANGED',
    false,
    false,
  ],
  [
    'format removed',
    closed({ a: { type: 'string', format: 'uuid' } }),
    closed({ a: str }),
    'FORMAT_REMOVED',
    true,
    false,
  ],
  [
    'array items widened',
    closed({ a: { type: 'array', items: { type: 'integer' } } }),
    closed({ a: { type: 'array', items: { type: 'number' } } }),
    'TYPE_EXTENDED',
    true,
    false,
  ],
  [
    'array items changed',
    closed({ a: { type: 'array', items: str } }),
    closed({ a: { type: 'array', items: { type: 'integer' } } }),
    'TYPE_CHANGED',
    false,
    false,
  ],
  [
    'maxItems lowered',
    closed({ a: { type: 'array', items: str, maxItems: 5 } }),
    closed({ a: { type: 'array', items: str, maxItems: 2 } }),
    'MAX_ITEMS_DECREASED',
    false,
    true,
  ],
  [
    'uniqueItems added',
    closed({ a: { type: 'array', items: str } }),
    closed({ a: { type: 'array', items: str, uniqueItems: true } }),
    'UNIQUE_ITEMS_ADDED',
    false,
    true,
  ],
  [
    'union branch added',
    closed({ p: { oneOf: [card, invoice] } }),
    closed({ p: { oneOf: [card, invoice, cash] } }),
    'SUM_TYPE_EXTENDED',
    true,
    false,
  ],
  [
    'union branch removed',
    closed({ p: { oneOf: [card, invoice, cash] } }),
    closed({ p: { oneOf: [card, invoice] } }),
    'SUM_TYPE_NARROWED',
    false,
    true,
  ],
  [
    'property inside a union branch made required',
    closed({ p: { oneOf: [card, closed({ method: { const: 'invoice' }, days: { type: 'integer' } }, ['method'])] } }),
    closed({ p: { oneOf: [card, invoice] } }),
    'REQUIRED_ATTRIBUTE_ADDED',
    false,
    true,
  ],
  [
    'record value type widened',
    closed({ r: { type: 'object', additionalProperties: { type: 'integer' } } }),
    closed({ r: { type: 'object', additionalProperties: { type: 'number' } } }),
    'TYPE_EXTENDED',
    true,
    false,
  ],
];

function passes(previous: S, next: S, mode: Mode): boolean {
  return incompatibilities(doc(previous), doc(next), mode).length === 0;
}

describe('schema evolution rules', () => {
  it.each(TABLE)('%s: reported as its kind, with its JSON path', (_, previous, next, kind) => {
    const kinds = diffSchemas(doc(previous), doc(next)).map((d) => d.kind);
    expect(kinds).toContain(kind);
    for (const d of diffSchemas(doc(previous), doc(next))) expect(d.path).toMatch(/^#(\/[^/]+)*$/);
  });

  it.each(TABLE)('%s: BACKWARD, FORWARD and FULL verdicts', (_, previous, next, __, backward, forward) => {
    expect(passes(previous, next, 'BACKWARD')).toBe(backward);
    expect(passes(previous, next, 'FORWARD')).toBe(forward);
    expect(passes(previous, next, 'FULL')).toBe(backward && forward);
    expect(passes(previous, next, 'NONE')).toBe(true);
  });

  it('names the path of a change deep inside $defs references and arrays', () => {
    const v1 = doc(
      { ...closed({ items: { type: 'array', items: { $ref: '#/$defs/Line' } } }) },
      { Line: closed({ qty: { type: 'integer' } }) },
    );
    const v2 = doc(
      { ...closed({ items: { type: 'array', items: { $ref: '#/$defs/Line' } } }) },
      { Line: closed({ qty: { type: 'integer' }, sku: str }) },
    );
    expect(incompatibilities(v1, v2, 'BACKWARD')).toEqual([
      {
        kind: 'REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL',
        path: '#/properties/items/items/properties/sku',
        direction: 'backward',
      },
    ]);
  });

  it('identical schemas are compatible under every mode', () => {
    for (const mode of MODES) for (const [, previous] of TABLE) expect(passes(previous, previous, mode)).toBe(true);
  });

  it('transitive modes check every earlier version, the others only the latest', () => {
    expect(versionsToCheck([1, 2, 3], 'BACKWARD')).toEqual([3]);
    expect(versionsToCheck([1, 2, 3], 'FORWARD')).toEqual([3]);
    expect(versionsToCheck([1, 2, 3], 'FULL')).toEqual([3]);
    for (const mode of ['BACKWARD_TRANSITIVE', 'FORWARD_TRANSITIVE', 'FULL_TRANSITIVE'] as const)
      expect(versionsToCheck([1, 2, 3], mode)).toEqual([1, 2, 3]);
    expect(versionsToCheck([1, 2], 'NONE')).toEqual([]);
  });
});
