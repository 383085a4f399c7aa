// Compares two JSON Schema documents the way Confluent Schema Registry's JsonSchemaDiff does:
// walks both in step and lists every change, each with its JSON pointer. Whether a change is
// compatible is decided by its kind (difference.ts) and the mode (compatibility.ts).
import type { ChangeKind, Difference } from './difference.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Node = { readonly [key: string]: Json };

/** A schema with its `$ref`s resolved against its document's `$defs`, `oneOf`s of `const`s as `enum`, `T | null` as a type. */
interface Normal {
  readonly types: ReadonlySet<string> | undefined;
  readonly enum: readonly Json[] | undefined;
  readonly node: Node;
  readonly branches: readonly Node[] | undefined;
}

const isNode = (v: Json | undefined): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

class Document {
  constructor(private readonly root: Node) {}

  resolve(node: Node, seen = new Set<string>()): Node {
    const ref = node['$ref'];
    if (typeof ref !== 'string') return node;
    if (seen.has(ref)) return {};
    seen.add(ref);
    const match = /^#\/\$defs\/(.+)$/.exec(ref);
    const defs = this.root['$defs'];
    const target =
      match === null || !isNode(defs)
        ? undefined
        : defs[decodeURIComponent(match[1]!).replace(/~1/g, '/').replace(/~0/g, '~')];
    if (!isNode(target)) throw new Error(`unresolvable $ref ${ref}`);
    return this.resolve(target, seen);
  }

  normal(raw: Json | undefined): Normal {
    const node: Node = isNode(raw) ? this.resolve(raw) : raw === false ? { not: {} } : {};
    const types = new Set<string>();
    let hasTypes = false;
    const addType = (t: Json | undefined): void => {
      if (typeof t === 'string') {
        types.add(t);
        hasTypes = true;
      } else if (Array.isArray(t)) {
        for (const x of t) addType(x);
      }
    };
    addType(node['type']);
    const alternatives = node['oneOf'] ?? node['anyOf'];
    if (Array.isArray(alternatives)) {
      const resolved = alternatives.filter(isNode).map((a) => this.resolve(a));
      const nullBranch = resolved.filter((a) => a['type'] === 'null' && Object.keys(a).length === 1);
      const rest = resolved.filter((a) => !nullBranch.includes(a));
      const consts = rest.every((a) => 'const' in a) && rest.length > 0;
      if (nullBranch.length > 0) types.add('null');
      if (consts) {
        const values: Json[] = rest.map((a) => a['const']!);
        if (nullBranch.length > 0) values.push(null);
        return { types: undefined, enum: values, node, branches: undefined };
      }
      if (rest.length === 1) {
        const inner = this.normal(rest[0]);
        const innerTypes = new Set(inner.types ?? []);
        if (nullBranch.length > 0) innerTypes.add('null');
        return {
          ...inner,
          types: innerTypes,
          enum: inner.enum === undefined ? undefined : nullBranch.length > 0 ? [...inner.enum, null] : inner.enum,
        };
      }
      for (const branch of rest) addType(branch['type']);
      return { types: hasTypes || nullBranch.length > 0 ? types : undefined, enum: undefined, node, branches: rest };
    }
    const enumValues = Array.isArray(node['enum']) ? node['enum'] : 'const' in node ? [node['const']!] : undefined;
    return { types: hasTypes ? types : undefined, enum: enumValues, node, branches: undefined };
  }
}

const same = (a: Json | undefined, b: Json | undefined): boolean => JSON.stringify(a) === JSON.stringify(b);

function pointer(path: string, ...segments: (string | number)[]): string {
  return segments.reduce<string>((p, s) => `${p}/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`, path);
}

/** Every change from `previous` to `next`, each at its JSON pointer. */
export function diffSchemas(previous: object, next: object): Difference[] {
  const out: Difference[] = [];
  const a = new Document(previous as Node);
  const b = new Document(next as Node);
  compare(a, b, previous as Node, next as Node, '#', out);
  return out;
}

function compare(
  da: Document,
  db: Document,
  rawA: Json | undefined,
  rawB: Json | undefined,
  path: string,
  out: Difference[],
): void {
  const x = da.normal(rawA);
  const y = db.normal(rawB);
  const add = (kind: ChangeKind, at = path): void => {
    out.push({ kind, path: at });
  };
  compareTypes(x, y, add);
  compareEnums(x.enum, y.enum, add);
  bounds(x.node, y.node, path, out);
  if (x.branches !== undefined || y.branches !== undefined)
    compareBranches(da, db, x.branches ?? [x.node], y.branches ?? [y.node], path, out);
  const objectish = (n: Normal): boolean =>
    n.types?.has('object') === true || 'properties' in n.node || 'additionalProperties' in n.node;
  if (x.branches === undefined && y.branches === undefined && objectish(x) && objectish(y))
    compareObjects(da, db, x.node, y.node, path, out);
  if ('items' in x.node || 'items' in y.node)
    compare(da, db, x.node['items'], y.node['items'], pointer(path, 'items'), out);
}

function typeSet(n: Normal): Set<string> | undefined {
  if (n.types !== undefined) return new Set(n.types);
  if (n.enum !== undefined)
    return new Set(n.enum.map((v) => (v === null ? 'null' : Number.isInteger(v) ? 'integer' : typeof v)));
  return undefined;
}

function covers(set: ReadonlySet<string>, type: string): boolean {
  return set.has(type) || (type === 'integer' && set.has('number'));
}

function compareTypes(x: Normal, y: Normal, add: (kind: ChangeKind) => void): void {
  const a = typeSet(x);
  const b = typeSet(y);
  if (a === undefined && b === undefined) return;
  if (a === undefined) return add('TYPE_NARROWED');
  if (b === undefined) return add('TYPE_EXTENDED');
  const wider = [...a].every((t) => covers(b, t));
  const narrower = [...b].every((t) => covers(a, t));
  if (wider && narrower) return;
  if (wider) add('TYPE_EXTENDED');
  else if (narrower) add('TYPE_NARROWED');
  else add('TYPE_CHANGED');
}

function compareEnums(
  a: readonly Json[] | undefined,
  b: readonly Json[] | undefined,
  add: (kind: ChangeKind) => void,
): void {
  if (a === undefined && b === undefined) return;
  if (a === undefined) return add('ENUM_ARRAY_NARROWED');
  if (b === undefined) return add('ENUM_ARRAY_EXTENDED');
  const has = (list: readonly Json[], v: Json): boolean => list.some((w) => same(v, w));
  const extended = a.every((v) => has(b, v));
  const narrowed = b.every((v) => has(a, v));
  if (extended && narrowed) return;
  if (a.length === 1 && b.length === 1) return add('CONST_CHANGED');
  add(extended ? 'ENUM_ARRAY_EXTENDED' : narrowed ? 'ENUM_ARRAY_NARROWED' : 'ENUM_ARRAY_CHANGED');
}

/** Upper bounds: larger is looser. Lower bounds: smaller is looser. */
const BOUNDS: ReadonlyArray<readonly [string, 'upper' | 'lower', string]> = [
  // (The direction is documentation: difference.ts says which way is compatible.)
  ['maxLength', 'upper', 'MAX_LENGTH'],
  ['minLength', 'lower', 'MIN_LENGTH'],
  ['maximum', 'upper', 'MAXIMUM'],
  ['minimum', 'lower', 'MINIMUM'],
  ['exclusiveMaximum', 'upper', 'EXCLUSIVE_MAXIMUM'],
  ['exclusiveMinimum', 'lower', 'EXCLUSIVE_MINIMUM'],
  ['maxItems', 'upper', 'MAX_ITEMS'],
  ['minItems', 'lower', 'MIN_ITEMS'],
];

function bounds(a: Node, b: Node, path: string, out: Difference[]): void {
  for (const [keyword, , name] of BOUNDS) {
    const p = a[keyword];
    const q = b[keyword];
    const at = pointer(path, keyword);
    if (typeof p !== 'number' && typeof q !== 'number') continue;
    if (typeof p !== 'number') out.push({ kind: `${name}_ADDED` as ChangeKind, path: at });
    else if (typeof q !== 'number') out.push({ kind: `${name}_REMOVED` as ChangeKind, path: at });
    else if (p !== q) out.push({ kind: `${name}_${q > p ? 'INCREASED' : 'DECREASED'}` as ChangeKind, path: at });
  }
  for (const [keyword, name] of [
    ['pattern', 'PATTERN'],
    ['format', 'FORMAT'],
  ] as const) {
    const p = a[keyword];
    const q = b[keyword];
    const at = pointer(path, keyword);
    if (p === undefined && q === undefined) continue;
    if (p === undefined) out.push({ kind: `${name}_ADDED`, path: at });
    else if (q === undefined) out.push({ kind: `${name}_REMOVED`, path: at });
    else if (!same(p, q)) out.push({ kind: `${name}_CHANGED`, path: at });
  }
  const m = a['multipleOf'];
  const n = b['multipleOf'];
  const at = pointer(path, 'multipleOf');
  if (typeof m === 'number' || typeof n === 'number') {
    if (typeof m !== 'number') out.push({ kind: 'MULTIPLE_OF_ADDED', path: at });
    else if (typeof n !== 'number') out.push({ kind: 'MULTIPLE_OF_REMOVED', path: at });
    else if (m !== n) {
      const divides = (big: number, small: number): boolean => Math.abs(big / small - Math.round(big / small)) < 1e-9;
      out.push({
        kind: divides(m, n) ? 'MULTIPLE_OF_REDUCED' : divides(n, m) ? 'MULTIPLE_OF_EXPANDED' : 'MULTIPLE_OF_CHANGED',
        path: at,
      });
    }
  }
  const u = a['uniqueItems'] === true;
  const v = b['uniqueItems'] === true;
  if (u !== v)
    out.push({ kind: v ? 'UNIQUE_ITEMS_ADDED' : 'UNIQUE_ITEMS_REMOVED', path: pointer(path, 'uniqueItems') });
}

/** `false` closes the model; absent or `true` leaves it open; a schema is a partly open model (a record). */
function contentModel(node: Node): 'closed' | 'open' | 'schema' {
  const extra = node['additionalProperties'];
  if (extra === false) return 'closed';
  if (extra === undefined || extra === true || (isNode(extra) && Object.keys(extra).length === 0)) return 'open';
  return 'schema';
}

function compareObjects(da: Document, db: Document, a: Node, b: Node, path: string, out: Difference[]): void {
  const pa = isNode(a['properties']) ? a['properties'] : {};
  const pb = isNode(b['properties']) ? b['properties'] : {};
  const ra = new Set(Array.isArray(a['required']) ? (a['required'] as string[]) : []);
  const rb = new Set(Array.isArray(b['required']) ? (b['required'] as string[]) : []);
  const ma = contentModel(a);
  const mb = contentModel(b);
  for (const key of new Set([...Object.keys(pa), ...Object.keys(pb)])) {
    const at = pointer(path, 'properties', key);
    const inA = key in pa;
    const inB = key in pb;
    if (inA && inB) {
      compare(da, db, pa[key], pb[key], at, out);
      if (!ra.has(key) && rb.has(key)) out.push({ kind: 'REQUIRED_ATTRIBUTE_ADDED', path: at });
      if (ra.has(key) && !rb.has(key)) out.push({ kind: 'REQUIRED_ATTRIBUTE_REMOVED', path: at });
    } else if (inB) {
      // Old data under an open model may already hold this property, with any value.
      if (ma === 'open') {
        out.push({ kind: 'PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL', path: at });
      } else {
        if (ma === 'schema') compare(da, db, a['additionalProperties'], pb[key], at, out);
        out.push({
          kind: rb.has(key)
            ? 'REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL'
            : 'OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL',
          path: at,
        });
      }
    } else {
      if (mb === 'closed') out.push({ kind: 'PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL', path: at });
      else if (mb === 'schema') compare(da, db, pa[key], b['additionalProperties'], at, out);
      else out.push({ kind: 'PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL', path: at });
    }
  }
  const at = pointer(path, 'additionalProperties');
  if (ma === 'closed' && mb !== 'closed') out.push({ kind: 'ADDITIONAL_PROPERTIES_ADDED', path: at });
  else if (ma !== 'closed' && mb === 'closed') out.push({ kind: 'ADDITIONAL_PROPERTIES_REMOVED', path: at });
  else if (ma === 'schema' && mb === 'schema')
    compare(da, db, a['additionalProperties'], b['additionalProperties'], at, out);
  else if (ma === 'open' && mb === 'schema') out.push({ kind: 'ADDITIONAL_PROPERTIES_REMOVED', path: at });
  else if (ma === 'schema' && mb === 'open') out.push({ kind: 'ADDITIONAL_PROPERTIES_ADDED', path: at });
}

/** The value of a branch's discriminating `const` property, to pair branches across versions. */
function branchKey(doc: Document, branch: Node, index: number): string {
  const node = doc.resolve(branch);
  const properties = isNode(node['properties']) ? node['properties'] : {};
  for (const [key, value] of Object.entries(properties)) {
    const n = doc.normal(value);
    if (n.enum !== undefined && n.types === undefined)
      return `${key}=${JSON.stringify([...n.enum].map((v) => JSON.stringify(v)).sort())}`;
  }
  return typeof branch['$ref'] === 'string' ? branch['$ref'] : `#${index}`;
}

function compareBranches(
  da: Document,
  db: Document,
  a: readonly Node[],
  b: readonly Node[],
  path: string,
  out: Difference[],
): void {
  const keysA = a.map((n, i) => branchKey(da, n, i));
  const keysB = b.map((n, i) => branchKey(db, n, i));
  const tagOf = (k: string): string | undefined => /^([^=]+)=(.*)$/.exec(k)?.[2];
  keysB.forEach((key, i) => {
    let j = keysA.indexOf(key);
    // A branch whose tag values grew or shrank is still the same branch: pair it by overlap.
    if (j === -1 && tagOf(key) !== undefined) {
      const values = new Set(JSON.parse(tagOf(key)!) as string[]);
      j = keysA.findIndex((k) => (JSON.parse(tagOf(k) ?? '[]') as string[]).some((v) => values.has(v)));
    }
    if (j === -1) out.push({ kind: 'SUM_TYPE_EXTENDED', path: pointer(path, 'oneOf', i) });
    else compare(da, db, a[j], b[i], pointer(path, 'oneOf', i), out);
  });
  keysA.forEach((key, j) => {
    const paired =
      keysB.includes(key) ||
      (tagOf(key) !== undefined &&
        keysB.some((k) =>
          (JSON.parse(tagOf(k) ?? '[]') as string[]).some((v) => (JSON.parse(tagOf(key)!) as string[]).includes(v)),
        ));
    if (!paired) out.push({ kind: 'SUM_TYPE_NARROWED', path: pointer(path, 'oneOf', j) });
  });
}
