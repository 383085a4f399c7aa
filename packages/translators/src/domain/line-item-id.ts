import { identifier } from '../internal/text.js';
import type { Brand } from './brand.js';

/**
 * A line item's identity within its order.
 * A non-empty string without surrounding whitespace; integers are taken as their decimal digits.
 */
export type LineItemId = Brand<string, 'LineItemId'>;

/** Creates {@link LineItemId} values. */
export const LineItemId = {
  /** Validates `value` and brands it; throws `DomainValidationError` when it is not a valid id. */
  of(value: string | number | bigint): LineItemId {
    return identifier('LineItemId', value) as LineItemId;
  },
};
