import type { Brand } from './brand.js';
import { identifierType } from './text-value.js';

/**
 * A line item's identity within its order.
 * A non-empty string without surrounding whitespace; integers are taken as their decimal digits.
 */
export type LineItemId = Brand<string, 'LineItemId'>;

/** Creates {@link LineItemId} values: `LineItemId.of(value)`. */
export const LineItemId = identifierType('LineItemId');
