/** Every error code `@herald/translators` raises; docs/translators.md says what each means. */
export type TranslatorsErrorCode =
  | 'DOMAIN_VALIDATION'
  | 'TRANSLATION'
  | 'GATEWAY_HTTP_STATUS'
  | 'GATEWAY_TIMEOUT'
  | 'GATEWAY_NETWORK'
  | 'GATEWAY_MALFORMED_PAGE'
  | 'GATEWAY_ABORTED';

const codes: ReadonlySet<string> = new Set<TranslatorsErrorCode>([
  'DOMAIN_VALIDATION',
  'TRANSLATION',
  'GATEWAY_HTTP_STATUS',
  'GATEWAY_TIMEOUT',
  'GATEWAY_NETWORK',
  'GATEWAY_MALFORMED_PAGE',
  'GATEWAY_ABORTED',
]);

// The brand every Herald package puts on its errors (see @herald/schemas' SchemaError), so
// `is()` works across copies of this package.
const brand = Symbol.for('herald.error');

/**
 * The base of every error `@herald/translators` throws. `code` names the failure and `retriable`
 * says whether the same call may succeed later without changing its input.
 */
export class TranslatorsError extends Error {
  /** The failure, one of {@link TranslatorsErrorCode}. */
  readonly code: TranslatorsErrorCode;
  /** True when trying again later may succeed with the same input (e.g. a gateway timeout). */
  readonly retriable: boolean;

  /** @param cause - the underlying error, kept as the standard `cause`. */
  constructor(code: TranslatorsErrorCode, message: string, retriable: boolean, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = new.target.name;
    this.code = code;
    this.retriable = retriable;
  }

  /** True for any `@herald/translators` error, even one from another copy of the package. */
  static is(value: unknown): value is TranslatorsError {
    if (typeof value !== 'object' || value === null || (value as Record<symbol, unknown>)[brand] !== true) return false;
    const code = (value as { code?: unknown }).code;
    return typeof code === 'string' && codes.has(code);
  }
}
Object.defineProperty(TranslatorsError.prototype, brand, { value: true });
