import type { CurrencyCode } from '../../domain/currency-code.js';
import { LineItemId } from '../../domain/line-item-id.js';
import type { LineItemInput } from '../../domain/line-item.js';
import { Money } from '../../domain/money.js';
import { ProductId } from '../../domain/product-id.js';
import { ProductTitle } from '../../domain/product-title.js';
import { Quantity } from '../../domain/quantity.js';
import type { IssueCollector } from '../../internal/issue-collector.js';
import { isJsonObject } from '../../internal/json-shape.js';

// Value objects check the runtime type of what they are given; the casts below only satisfy
// their typed signatures for input that is `unknown` until they have looked at it.

/**
 * The domain input of `line_items[index]` of a Shopify order, or `undefined` after recording
 * every issue under its wire path (e.g. `line_items[2].price`). `currency` is `undefined` when the
 * order's own currency was invalid: the price is then not judged (that issue is already recorded).
 */
export function parseShopifyLineItem(
  raw: unknown,
  index: number,
  currency: CurrencyCode | undefined,
  issues: IssueCollector,
): LineItemInput | undefined {
  const path = `line_items[${index}]`;
  if (!isJsonObject(raw)) {
    issues.add(path, 'must be a JSON object');
    return undefined;
  }
  const id = issues.field(`${path}.id`, () => LineItemId.of(raw['id'] as string));
  const productId = issues.field(`${path}.product_id`, () => ProductId.of(raw['product_id'] as string));
  const title = issues.field(`${path}.title`, () => ProductTitle.of(raw['title'] as string));
  const quantity = issues.field(`${path}.quantity`, () => Quantity.of(raw['quantity'] as number));
  const unitPrice =
    currency === undefined
      ? undefined
      : issues.field(`${path}.price`, () => Money.parse(raw['price'] as string, currency));
  if (
    id === undefined ||
    productId === undefined ||
    title === undefined ||
    quantity === undefined ||
    unitPrice === undefined
  )
    return undefined;
  return { id, productId, title, quantity, unitPrice };
}
