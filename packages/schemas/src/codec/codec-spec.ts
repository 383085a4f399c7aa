import type { ByteSink } from '../internal/byte-sink.js';

/** One validator error, structurally typia's `IValidation.IError`. */
export interface ValidatorError {
  readonly path: string;
  readonly expected: string;
  readonly value: unknown;
}

/** A discriminated union of the contract, so errors can list the tag values it allows. */
export interface UnionTag {
  /** typia's name of the union, as its validator reports it in `expected`, e.g. `(Card | Invoice)`. */
  readonly expected: string;
  /** The discriminating property, e.g. `method`. */
  readonly tag: string;
  /** Every value of {@link tag} some branch accepts. */
  readonly values: readonly (string | number | boolean)[];
}

/** What `createCodec` builds a codec from: generated code plus typia's validator of record. */
export interface CodecSpec<T> {
  /** Which contract, e.g. `OrderEventMessage v1`. */
  readonly name: string;
  /** The contract's JSON Schema `$id`. */
  readonly schemaId: string;
  /** The generated single-pass writer: end offset, or -1 to defer to {@link validate}. */
  readonly write: (input: unknown, sink: ByteSink) => number;
  /** The generated plain copy of an input, as the writer and validator should see it. */
  readonly snapshot: (input: unknown) => unknown;
  /** The contract's discriminated unions; issues at a union say which tag values it allows. */
  readonly unions?: readonly UnionTag[];
  /** typia's `createValidateEquals<T>()`: the validator of record. */
  readonly validate: (
    input: unknown,
  ) =>
    | { readonly success: true; readonly data: T }
    | { readonly success: false; readonly errors: readonly ValidatorError[] };
}
