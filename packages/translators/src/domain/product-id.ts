import type { Brand } from './brand.js';
import { identifierType } from './text-value.js';

/**
 * The identity of the product a line item is for.
 * A non-empty string without surrounding whitespace; integers are taken as their decimal digits.
 */
export type ProductId = Brand<string, 'ProductId'>;

/** Creates {@link ProductId} values: `ProductId.of(value)`. */
export const ProductId = identifierType('ProductId');
