import { hasHeraldCode, HeraldError } from '@herald/errors';

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

/**
 * The base of every error `@herald/translators` throws: a {@link HeraldError} with one of the
 * {@link TranslatorsErrorCode}s. `retriable` says whether the same call may succeed later without
 * changing its input. Bad options throw `InvalidOptionsError` (code `INVALID_OPTIONS`) of
 * `@herald/errors`, like every Herald package.
 */
export class TranslatorsError extends HeraldError<TranslatorsErrorCode> {
  /** @param cause - the underlying error, kept as the standard `cause`. */
  constructor(code: TranslatorsErrorCode, message: string, retriable: boolean, cause?: unknown) {
    super(code, message, { retriable, cause });
  }

  /** True for any `@herald/translators` error, even one from another copy of the package. */
  static override is(value: unknown): value is TranslatorsError {
    return hasHeraldCode(value, codes);
  }
}
