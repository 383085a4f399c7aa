// The subset of typia metadata the encoder generator understands: JSON-native required values.
// Anything else (unions, optionals, nullables, records, tuples, Dates…) is refused at generation
// time with a message, never approximated.

/** A validation expression over `$input`, taken verbatim from a typia tag; `$importInternal(x)` kept. */
export type TagCheck = string;

/** One value position in a message, as the encoder sees it. */
export type WireType =
  | { readonly kind: 'string'; readonly checks: readonly TagCheck[] }
  | { readonly kind: 'number'; readonly checks: readonly TagCheck[]; readonly unsignedInteger: boolean }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'array'; readonly element: WireType; readonly checks: readonly TagCheck[] }
  | { readonly kind: 'object'; readonly name: string; readonly properties: readonly WireProperty[] };

/** A property of a {@link WireType} object, in declaration (and wire) order. */
export interface WireProperty {
  readonly key: string;
  readonly value: WireType;
}
