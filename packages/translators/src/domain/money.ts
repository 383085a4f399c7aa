import { DomainValidationError } from '../errors/domain-validation-error.js';
import { decimalToMinor, minorToDecimal } from '../internal/decimal.js';
import { describeValue } from '../internal/describe-value.js';
import { CurrencyCode } from './currency-code.js';
import type { Quantity } from './quantity.js';

function currencyOf(value: CurrencyCode | string): CurrencyCode {
  return CurrencyCode.of(value);
}

/**
 * A non-negative amount of money: integer minor units (cents, yen, fils) as a `bigint`, and an
 * ISO 4217 currency. Arithmetic is exact at any size; the v1 contract has no negative amounts
 * (discounts and refunds are not modelled), so neither does this.
 */
export class Money {
  /** The amount in the currency's minor unit, e.g. `1999n` for 19.99 USD. */
  readonly minor: bigint;
  /** The currency; amounts in different currencies never mix. */
  readonly currency: CurrencyCode;
  // Makes the class nominal: a look-alike object literal is not a Money.
  readonly #validated = true;

  private constructor(minor: bigint, currency: CurrencyCode) {
    this.minor = minor;
    this.currency = currency;
    Object.freeze(this);
  }

  /** `minor` units of `currency`, e.g. `Money.of(1999n, 'USD')` is 19.99 USD. Numbers must be safe integers. */
  static of(minor: bigint | number, currency: CurrencyCode | string): Money {
    const code = currencyOf(currency);
    if (typeof minor === 'number' && !Number.isSafeInteger(minor)) {
      throw DomainValidationError.of(
        `Money minor units must be a safe integer or a bigint, got ${describeValue(minor)}`,
      );
    }
    if (typeof minor !== 'number' && typeof minor !== 'bigint') {
      throw DomainValidationError.of(
        `Money minor units must be a safe integer or a bigint, got ${describeValue(minor)}`,
      );
    }
    const units = BigInt(minor);
    if (units < 0n)
      throw DomainValidationError.of(`Money must not be negative, got ${describeValue(minor)} minor units`);
    return new Money(units, code);
  }

  /**
   * A decimal amount in major units, exactly: `Money.parse('19.99', 'USD')` is 1999 cents. A string
   * is read digit by digit; a number by its shortest spelling (`19.99` → `"19.99"`). Refuses more
   * significant decimals than the currency has (`'1.5'` JPY), signs and exponent notation.
   */
  static parse(amount: string | number, currency: CurrencyCode | string): Money {
    const code = currencyOf(currency);
    if (typeof amount === 'number' && !Number.isFinite(amount)) {
      throw DomainValidationError.of(`Money amount must be finite, got ${describeValue(amount)}`);
    }
    if (typeof amount !== 'string' && typeof amount !== 'number') {
      throw DomainValidationError.of(`Money amount must be a decimal string or a number, got ${describeValue(amount)}`);
    }
    const minor = decimalToMinor(String(amount), CurrencyCode.exponent(code));
    if (typeof minor !== 'bigint')
      throw DomainValidationError.of(`Money amount ${describeValue(amount)} ${code} ${minor.reason}`);
    return new Money(minor, code);
  }

  /** Nothing, in `currency`: the start of a sum. */
  static zero(currency: CurrencyCode | string): Money {
    return new Money(0n, currencyOf(currency));
  }

  /** Decimal digits of the currency's minor unit (JPY 0, USD 2, KWD 3). */
  get exponent(): number {
    return CurrencyCode.exponent(this.currency);
  }

  /** The exact sum; throws `DomainValidationError` when the currencies differ. */
  add(other: Money): Money {
    if (other.currency !== this.currency) {
      throw DomainValidationError.of(
        `cannot add ${other.toString()} to ${this.toString()}: amounts in different currencies`,
      );
    }
    return new Money(this.minor + other.minor, this.currency);
  }

  /** The exact product with a count of units, e.g. a unit price times a {@link Quantity}. */
  times(count: Quantity | number): Money {
    if (!Number.isSafeInteger(count) || count < 0) {
      throw DomainValidationError.of(
        `Money can only be multiplied by a non-negative integer, got ${describeValue(count)}`,
      );
    }
    return new Money(this.minor * BigInt(count), this.currency);
  }

  /** True when both amount and currency are the same. */
  equals(other: Money): boolean {
    return other.minor === this.minor && other.currency === this.currency;
  }

  /** The amount in major units with all the currency's decimals: `"19.99"`, `"20.00"`, `"1999"` (JPY). */
  toDecimalString(): string {
    return minorToDecimal(this.minor, this.exponent);
  }

  /** E.g. `19.99 USD`. */
  toString(): string {
    return `${this.toDecimalString()} ${this.currency}`;
  }

  /** True for a {@link Money} built by this class (a look-alike object is not one). */
  static isMoney(value: unknown): value is Money {
    return typeof value === 'object' && value !== null && #validated in value;
  }
}
