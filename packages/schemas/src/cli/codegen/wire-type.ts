// The subset of typia metadata the encoder generator understands: the JSON shapes domain events
// use. Anything else (bigint, recursion, tuples, Dates, non-discriminated unions…) is refused at
// generation time with a message naming the property, never approximated.

/** A validation expression over `$input`, taken verbatim from a typia tag; `$importInternal(x)` kept. */
export type TagCheck = string;

/** A literal a contract may fix a value to (an enum member, a union tag). */
export type Literal = string | number | boolean;

/** One value position in a message, as the encoder sees it. */
export type WireType =
  | { readonly kind: 'string'; readonly checks: readonly TagCheck[] }
  | { readonly kind: 'number'; readonly checks: readonly TagCheck[]; readonly unsignedInteger: boolean }
  | { readonly kind: 'boolean' }
  /** A literal union (an enum): the value is one of `values`. */
  | { readonly kind: 'literal'; readonly values: readonly Literal[] }
  /** `T | null`. */
  | { readonly kind: 'nullable'; readonly value: WireType }
  | { readonly kind: 'array'; readonly element: WireType; readonly checks: readonly TagCheck[] }
  | WireObject
  /** `Record<string, T>`: any string keys, in the input's own order, values of one shape. */
  | { readonly kind: 'record'; readonly name: string; readonly value: WireType }
  /** A union of objects told apart by the literal value of the property `tag`. */
  | { readonly kind: 'union'; readonly name: string; readonly tag: string; readonly branches: readonly WireBranch[] };

/** An object with fixed property names, in declaration (and wire) order. */
export interface WireObject {
  readonly kind: 'object';
  readonly name: string;
  readonly properties: readonly WireProperty[];
  /** Open content model: properties the contract does not name are allowed. */
  readonly open: boolean;
}

/** A property of a {@link WireObject}. */
export interface WireProperty {
  readonly key: string;
  readonly value: WireType;
  /** May be absent or `undefined`; then it is not written, like `JSON.stringify` does. */
  readonly optional: boolean;
}

/** One branch of a discriminated union: the tag values that select it, and its object. */
export interface WireBranch {
  readonly tags: readonly Literal[];
  readonly object: WireObject;
}
