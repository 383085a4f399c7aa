import type { Brand } from './brand.js';
import { identifierType } from './text-value.js';

/**
 * An order's identity, e.g. Shopify's `450789469`.
 * A non-empty string without surrounding whitespace; integers are taken as their decimal digits.
 */
export type OrderId = Brand<string, 'OrderId'>;

/** Creates {@link OrderId} values: `OrderId.of(value)`. */
export const OrderId = identifierType('OrderId');
