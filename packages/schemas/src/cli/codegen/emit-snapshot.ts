// Emits the snapshot half of an encoder module: a plain copy of an input with only the contract's
// properties (and, in the open content model, its other own enumerable ones after them), each read
// once, in contract order, arrays made dense. The codec's slow path validates and encodes this
// copy, so what is written is exactly what typia judged.
import type { Emitter } from './emitter.js';
import type { WireObject, WireType } from './wire-type.js';

/** An expression for the plain copy of the value in `name`. */
export function snapshotExpression(e: Emitter, type: WireType, name: string, helpers: Map<string, string>): string {
  switch (type.kind) {
    case 'array':
      return e.use(`snapshotArray(${name}, ${snapshotFunction(e, type.element, helpers)})`, 'snapshotArray');
    case 'record':
      return e.use(`snapshotRecord(${name}, ${snapshotFunction(e, type.value, helpers)})`, 'snapshotRecord');
    case 'object':
      return `${objectSnapshot(e, type, helpers)}(${name})`;
    case 'union':
      return `${unionSnapshot(e, type, helpers)}(${name})`;
    case 'nullable': {
      const inner = snapshotExpression(e, type.value, name, helpers);
      return inner === name ? name : `(${name} === null ? null : ${inner})`;
    }
    default:
      return name;
  }
}

function snapshotFunction(e: Emitter, type: WireType, helpers: Map<string, string>): string {
  if (type.kind === 'object') return objectSnapshot(e, type, helpers);
  if (type.kind === 'union') return unionSnapshot(e, type, helpers);
  const inner = snapshotExpression(e, type, 'x', helpers);
  return inner === 'x' ? e.use('identity', 'identity') : `(x: unknown): unknown => ${inner}`;
}

function helperName(prefix: string, name: string, helpers: Map<string, string>, shape: string): string {
  const base = `${prefix}${name.replace(/\W/g, '_')}`;
  // Two shapes with one name (anonymous object literals) get numbered helpers.
  for (let n = 0; ; n++) {
    const fn = n === 0 ? base : `${base}_${n}`;
    const existing = helpers.get(fn);
    if (existing === undefined || existing.startsWith(`// ${shape}\n`)) return fn;
  }
}

function objectSnapshot(e: Emitter, type: WireObject, helpers: Map<string, string>): string {
  const shape = JSON.stringify(type);
  const fn = helperName('snapshot', type.name, helpers, shape);
  if (helpers.has(fn)) return fn;
  helpers.set(fn, `// ${shape}\n`);
  const fields = type.properties.map(
    (p) => `    ${JSON.stringify(p.key)}: ${snapshotExpression(e, p.value, `o[${JSON.stringify(p.key)}]`, helpers)},`,
  );
  const copy = ['{', ...fields, '  }'];
  const body = type.open
    ? [`  return ${e.use('withExtras', 'withExtras')}(${copy.join('\n')}, o);`]
    : [`  return ${copy.join('\n')};`];
  helpers.set(
    fn,
    [
      `// ${shape}`,
      `function ${fn}(v: unknown): unknown {`,
      "  if (typeof v !== 'object' || v === null) return v;",
      '  const o = v as Record<string, unknown>;',
      ...body,
      '}',
    ].join('\n'),
  );
  return fn;
}

function unionSnapshot(e: Emitter, type: Extract<WireType, { kind: 'union' }>, helpers: Map<string, string>): string {
  const shape = JSON.stringify(type);
  const fn = helperName('snapshotUnion', type.name, helpers, shape);
  if (helpers.has(fn)) return fn;
  helpers.set(fn, `// ${shape}\n`);
  const cases = type.branches.map(
    (b) =>
      `  if (${b.tags.map((t) => `t === ${JSON.stringify(t)}`).join(' || ')}) return ${objectSnapshot(e, b.object, helpers)}(v);`,
  );
  helpers.set(
    fn,
    [
      `// ${shape}`,
      `function ${fn}(v: unknown): unknown {`,
      "  if (typeof v !== 'object' || v === null) return v;",
      `  const t = (v as Record<string, unknown>)[${JSON.stringify(type.tag)}];`,
      ...cases,
      '  return v;',
      '}',
    ].join('\n'),
  );
  return fn;
}
