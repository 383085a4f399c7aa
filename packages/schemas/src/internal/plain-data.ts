// What the generated encoders compare against to recognise plain data, and the helpers their
// snapshots (the slow path's plain copy of an unusual input) are built from.

/** `Object.prototype`, typed for the `toJSON` pollution check. */
export const OBJECT_PROTOTYPE: { readonly toJSON?: unknown } = Object.prototype;

/** `Array.prototype`, typed for the `toJSON` pollution check. */
export const ARRAY_PROTOTYPE = Array.prototype as { readonly toJSON?: unknown };

/** Returns its argument: the snapshot of a scalar. */
export function identity(value: unknown): unknown {
  return value;
}

/**
 * A dense copy of an array, each element passed through `element`; a non-array is returned as is.
 * Holes become `undefined`, which the validator then reports, where `Array.prototype.every` (and so
 * a validator built on it) would skip them.
 */
export function snapshotArray(value: unknown, element: (item: unknown) => unknown): unknown {
  if (!Array.isArray(value)) return value;
  const items: unknown = value;
  const source = items as ArrayLike<unknown>;
  const out: unknown[] = [];
  for (let i = 0; i < source.length; i++) out.push(element(source[i]));
  return out;
}

/**
 * A copy of a record's own enumerable entries, each value passed through `element`; entries
 * holding `undefined` are left out (JSON.stringify leaves them out too). A non-object is returned as is.
 */
export function snapshotRecord(value: unknown, element: (item: unknown) => unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    const item = source[key];
    if (item !== undefined) out[key] = element(item);
  }
  return out;
}

/** `copy` with the own enumerable properties of `source` it does not have appended (open content model). */
export function withExtras(copy: Record<string, unknown>, source: Record<string, unknown>): Record<string, unknown> {
  for (const key of Object.keys(source)) if (!(key in copy)) copy[key] = source[key];
  return copy;
}
