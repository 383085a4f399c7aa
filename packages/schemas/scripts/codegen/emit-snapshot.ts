// Emits the snapshot half of an encoder module: a plain copy of an input with only the contract's
// properties, each read once, in contract order, arrays made dense. The codec's slow path validates
// and encodes this copy, so what is written is exactly what typia judged.
import type { Emitter } from './emitter.js';
import type { WireType } from './wire-type.js';

/** An expression for the plain copy of the value in `name`. */
export function snapshotExpression(e: Emitter, type: WireType, name: string, helpers: Map<string, string>): string {
  if (type.kind === 'array') return e.use(`snapshotArray(${name}, ${snapshotFunction(e, type.element, helpers)})`, 'snapshotArray');
  if (type.kind === 'object') return `${objectSnapshot(e, type, helpers)}(${name})`;
  return name;
}

function snapshotFunction(e: Emitter, type: WireType, helpers: Map<string, string>): string {
  if (type.kind === 'object') return objectSnapshot(e, type, helpers);
  if (type.kind === 'array') return `(x: unknown): unknown => ${snapshotExpression(e, type, 'x', helpers)}`;
  return e.use('identity', 'identity');
}

function objectSnapshot(e: Emitter, type: Extract<WireType, { kind: 'object' }>, helpers: Map<string, string>): string {
  const fn = `snapshot${type.name.replace(/\W/g, '_')}`;
  if (helpers.has(fn)) return fn;
  helpers.set(fn, '');
  const fields = type.properties.map((p) => `    ${JSON.stringify(p.key)}: ${snapshotExpression(e, p.value, `o[${JSON.stringify(p.key)}]`, helpers)},`);
  helpers.set(
    fn,
    [
      `function ${fn}(v: unknown): unknown {`,
      "  if (typeof v !== 'object' || v === null) return v;",
      '  const o = v as Record<string, unknown>;',
      '  return {',
      ...fields,
      '  };',
      '}',
    ].join('\n'),
  );
  return fn;
}
