import { DomainValidationError } from '../errors/domain-validation-error.js';
import { describeValue } from '../internal/describe-value.js';
import { ISO_4217_EXPONENTS } from '../internal/iso-4217.js';
import type { Brand } from './brand.js';

/** An ISO 4217 alphabetic currency code with a known minor unit, e.g. `USD`, `JPY`, `KWD`. */
export type CurrencyCode = Brand<string, 'CurrencyCode'>;

/** Creates {@link CurrencyCode} values and knows each currency's minor-unit exponent. */
export const CurrencyCode = {
  /**
   * Validates `value` against the ISO 4217 table and brands it. Case matters (`usd` is refused):
   * a lowercase code is a sign of a source that needs looking at, not a variant to guess through.
   */
  of(value: string): CurrencyCode {
    if (typeof value !== 'string' || !ISO_4217_EXPONENTS.has(value)) {
      throw DomainValidationError.of(
        `CurrencyCode must be an ISO 4217 code with a minor unit, e.g. "USD", got ${describeValue(value)}`,
      );
    }
    return value as CurrencyCode;
  },
  /** Decimal digits of the currency's minor unit: JPY 0, USD 2, KWD 3, CLF 4. */
  exponent(code: CurrencyCode): number {
    // Present for every branded code: `of` checked the table.
    return ISO_4217_EXPONENTS.get(code) ?? 2;
  },
};
