import type { Brand } from './brand.js';
import { displayTextType } from './text-value.js';

/**
 * A product's title as shown on the order.
 * Trimmed, non-empty, well-formed Unicode, without control characters other than tabs and line breaks.
 */
export type ProductTitle = Brand<string, 'ProductTitle'>;

/** Creates {@link ProductTitle} values: `ProductTitle.of(value)`. */
export const ProductTitle = displayTextType('ProductTitle');
