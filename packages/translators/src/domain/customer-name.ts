import { displayText } from '../internal/text.js';
import type { Brand } from './brand.js';

/**
 * The name of the customer who placed an order.
 * Trimmed, non-empty, well-formed Unicode, without control characters other than tabs and line breaks.
 */
export type CustomerName = Brand<string, 'CustomerName'>;

/** Creates {@link CustomerName} values. */
export const CustomerName = {
  /** Trims `value`, validates it and brands it; throws `DomainValidationError` when it is blank or malformed. */
  of(value: string): CustomerName {
    return displayText('CustomerName', value) as CustomerName;
  },
};
