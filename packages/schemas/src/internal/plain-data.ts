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
