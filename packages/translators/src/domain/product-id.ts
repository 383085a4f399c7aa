import { identifier } from '../internal/text.js';
import type { Brand } from './brand.js';

/**
 * The identity of the product a line item is for.
 * A non-empty string without surrounding whitespace; integers are taken as their decimal digits.
 */
export type ProductId = Brand<string, 'ProductId'>;

/** Creates {@link ProductId} values. */
export const ProductId = {
  /** Validates `value` and brands it; throws `DomainValidationError` when it is not a valid id. */
  of(value: string | number | bigint): ProductId {
    return identifier('ProductId', value) as ProductId;
  },
};
