/** Every error code `@herald/schemas` raises; docs/schemas.md lists what each means. */
export type SchemaErrorCode = 'SCHEMA_VALIDATION' | 'SCHEMA_DECODE' | 'CLOUD_EVENT_HEADERS';

// Our own brand, not @herald/publisher's `herald.error`: the publisher wraps a codec error in its
// SchemaValidationError (`outcome: 'not-written'`, this error as `cause`), which is what its
// callers check for.
const brand = Symbol.for('herald.schemas.error');

/**
 * The base of every error `@herald/schemas` throws. `code` names the failure; none is retriable:
 * the same input fails the same way. These are our classes, never typia's, so `instanceof` works
 * whatever typia copy the caller has; across duplicate copies of this package use
 * {@link SchemaError.is} or compare `code`.
 */
export class SchemaError extends Error {
  /** The failure, one of {@link SchemaErrorCode}. */
  readonly code: SchemaErrorCode;
  /** Always false: a message that failed its schema fails again unless it is changed. */
  readonly retriable = false as const;

  /** @param cause - the underlying error, kept as the standard `cause`. */
  constructor(code: SchemaErrorCode, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = new.target.name;
    this.code = code;
  }

  /** True for any `@herald/schemas` error, even one from another copy of the package. */
  static is(value: unknown): value is SchemaError {
    if (typeof value !== 'object' || value === null || (value as Record<symbol, unknown>)[brand] !== true) return false;
    const code = (value as { code?: unknown }).code;
    return code === 'SCHEMA_VALIDATION' || code === 'SCHEMA_DECODE' || code === 'CLOUD_EVENT_HEADERS';
  }
}
Object.defineProperty(SchemaError.prototype, brand, { value: true });
