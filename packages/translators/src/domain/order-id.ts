import { identifier } from '../internal/text.js';
import type { Brand } from './brand.js';

/**
 * An order's identity, e.g. Shopify's `450789469`.
 * A non-empty string without surrounding whitespace; integers are taken as their decimal digits.
 */
export type OrderId = Brand<string, 'OrderId'>;

/** Creates {@link OrderId} values. */
export const OrderId = {
  /** Validates `value` and brands it; throws `DomainValidationError` when it is not a valid id. */
  of(value: string | number | bigint): OrderId {
    return identifier('OrderId', value) as OrderId;
  },
};
