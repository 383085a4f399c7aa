import type { SchemaIssue } from '../errors/schema-issue.js';

/** What {@link Codec.validate} returns: the typed value, or every issue found. */
export type ValidationResult<T> =
  { readonly success: true; readonly data: T } | { readonly success: false; readonly issues: readonly SchemaIssue[] };

/** Options of a codec factory such as `createOrderEventMessageV1Codec`. */
export interface CodecOptions {
  /**
   * Leave offending values out of `SchemaValidationError` (issues, message, `toJSON`) and
   * `SchemaDecodeError` (no payload excerpt, no parser `cause`). Turn on when payloads may hold
   * personal data and errors end up in logs; paths, expectations and value kinds remain.
   * @defaultValue false
   */
  readonly redactValues?: boolean;
}

/**
 * Validates and serialises one message version to JSON bytes, and back. Created once per
 * version at module scope; stateless from the caller's point of view and safe to share.
 */
export interface Codec<T> {
  /** Which contract, e.g. `OrderEventMessage v1`; used in error messages. */
  readonly name: string;
  /** The `$id` of the contract's JSON Schema in `docs/schemas/`, e.g. `urn:herald:schema:order-event:v1`. */
  readonly schemaId: string;
  /** The MIME type of what {@link encode} returns: `application/json`. */
  readonly contentType: string;
  /**
   * Validates `message` and returns its JSON as UTF-8 bytes, byte-identical to
   * `Buffer.from(JSON.stringify(message))` when its keys are in contract order. The caller owns
   * the buffer. Throws `SchemaValidationError` listing every violation.
   */
  encode(message: T): Buffer;
  /**
   * Like {@link encode}, but the bytes live in a buffer this codec reuses: they are valid only
   * until the next `encodeTransient` call on this codec. For handing straight to a consumer that
   * copies synchronously, such as `Producer.produce()` of `@confluentinc/kafka-javascript`.
   */
  encodeTransient(message: T): Buffer;
  /** Checks `input` against the contract and reports every violation; never throws for bad input. */
  validate(input: unknown): ValidationResult<T>;
  /** True exactly when {@link validate} succeeds (and {@link encode} would). */
  is(input: unknown): input is T;
  /**
   * Parses a payload (UTF-8 JSON bytes, or a string) and validates it. Throws `SchemaDecodeError`
   * when it is not JSON, `SchemaValidationError` when it breaks the contract.
   */
  decode(payload: Uint8Array | string): T;
  /** Headers to attach to each message's record, e.g. CloudEvents attributes; see `withCloudEvents`. */
  readonly headers?: ((message: T) => Record<string, string>) | undefined;
}
