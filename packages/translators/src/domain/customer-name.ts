import type { Brand } from './brand.js';
import { displayTextType } from './text-value.js';

/**
 * The name of the customer who placed an order.
 * Trimmed, non-empty, well-formed Unicode, without control characters other than tabs and line breaks.
 */
export type CustomerName = Brand<string, 'CustomerName'>;

/** Creates {@link CustomerName} values: `CustomerName.of(value)`. */
export const CustomerName = displayTextType('CustomerName');
