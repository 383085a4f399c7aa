import { DomainValidationError } from '../errors/domain-validation-error.js';
import { describeValue } from '../internal/describe-value.js';
import type { Brand } from './brand.js';

/** The largest quantity: the wire contract carries quantities as uint32. */
const MAX_QUANTITY = 4_294_967_295;

/** How many units of a product a line item orders: a whole number from 1 to 2^32 - 1. */
export type Quantity = Brand<number, 'Quantity'>;

/** Creates {@link Quantity} values. */
export const Quantity = {
  /** The largest quantity, 2^32 - 1 (the wire contract's uint32). */
  max: MAX_QUANTITY,
  /** Validates `value` and brands it; throws `DomainValidationError` unless it is an integer in 1..2^32 - 1. */
  of(value: number): Quantity {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_QUANTITY) {
      throw DomainValidationError.of(
        `Quantity must be an integer from 1 to ${MAX_QUANTITY}, got ${describeValue(value)}`,
      );
    }
    return value as Quantity;
  },
};
