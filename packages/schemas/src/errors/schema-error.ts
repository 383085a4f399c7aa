import { hasHeraldCode, HeraldError } from '@herald/errors';

/** Every error code `@herald/schemas` raises; docs/schemas.md lists what each means. */
export type SchemaErrorCode = 'SCHEMA_VALIDATION' | 'SCHEMA_DECODE' | 'CLOUD_EVENT_HEADERS';

const codes: ReadonlySet<string> = new Set<SchemaErrorCode>([
  'SCHEMA_VALIDATION',
  'SCHEMA_DECODE',
  'CLOUD_EVENT_HEADERS',
]);

/**
 * The base of every error `@herald/schemas` throws: a {@link HeraldError} with one of the
 * {@link SchemaErrorCode}s. None is retriable: the same input fails the same way. These are our
 * classes, never typia's, so `instanceof` works whatever typia copy the caller has; across
 * duplicate copies of this package use {@link SchemaError.is} or compare `code`.
 */
export class SchemaError extends HeraldError<SchemaErrorCode> {
  /** Always false: a message that failed its schema fails again unless it is changed. */
  declare readonly retriable: false;

  /** @param cause - the underlying error, kept as the standard `cause`. */
  constructor(code: SchemaErrorCode, message: string, cause?: unknown) {
    super(code, message, { retriable: false, cause });
  }

  /** True for any `@herald/schemas` error, even one from another copy of the package. */
  static override is(value: unknown): value is SchemaError {
    return hasHeraldCode(value, codes);
  }
}
