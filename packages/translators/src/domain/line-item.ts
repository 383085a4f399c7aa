import { IssueCollector } from '../internal/issue-collector.js';
import type { Brand } from './brand.js';
import { LineItemId } from './line-item-id.js';
import { Money } from './money.js';
import { ProductId } from './product-id.js';
import { ProductTitle } from './product-title.js';
import { Quantity } from './quantity.js';

/** What {@link LineItem.of} takes: validated value objects, or the raw values they are made from. */
export interface LineItemInput {
  readonly id: LineItemId | string | number | bigint;
  readonly productId: ProductId | string | number | bigint;
  readonly title: ProductTitle | string;
  readonly quantity: Quantity | number;
  /** The price of one unit. */
  readonly unitPrice: Money;
}

/** One line of an {@link Order}: so many units of a product at a unit price. Immutable. */
export type LineItem = Brand<
  {
    readonly id: LineItemId;
    readonly productId: ProductId;
    readonly title: ProductTitle;
    readonly quantity: Quantity;
    readonly unitPrice: Money;
    /** `unitPrice × quantity`, exact. */
    readonly total: Money;
  },
  'LineItem'
>;

/** Creates {@link LineItem} values. */
export const LineItem = {
  /** Validates every field (reporting all issues at once, by field name) and computes the line total. */
  of(input: LineItemInput): LineItem {
    const issues = new IssueCollector();
    const id = issues.field('id', () => LineItemId.of(input.id));
    const productId = issues.field('productId', () => ProductId.of(input.productId));
    const title = issues.field('title', () => ProductTitle.of(input.title));
    const quantity = issues.field('quantity', () => Quantity.of(input.quantity));
    if (!Money.isMoney(input.unitPrice)) issues.add('unitPrice', 'must be a Money (see Money.of and Money.parse)');
    const fields = issues.complete({ id, productId, title, quantity, unitPrice: input.unitPrice });
    return Object.freeze({ ...fields, total: fields.unitPrice.times(fields.quantity) }) as LineItem;
  },
};
