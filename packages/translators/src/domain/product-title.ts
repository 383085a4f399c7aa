import { displayText } from '../internal/text.js';
import type { Brand } from './brand.js';

/**
 * A product's title as shown on the order.
 * Trimmed, non-empty, well-formed Unicode, without control characters other than tabs and line breaks.
 */
export type ProductTitle = Brand<string, 'ProductTitle'>;

/** Creates {@link ProductTitle} values. */
export const ProductTitle = {
  /** Trims `value`, validates it and brands it; throws `DomainValidationError` when it is blank or malformed. */
  of(value: string): ProductTitle {
    return displayText('ProductTitle', value) as ProductTitle;
  },
};
