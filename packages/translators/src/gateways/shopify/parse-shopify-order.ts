import { CurrencyCode } from '../../domain/currency-code.js';
import { CustomerName } from '../../domain/customer-name.js';
import { Instant } from '../../domain/instant.js';
import type { LineItemInput } from '../../domain/line-item.js';
import { Money } from '../../domain/money.js';
import { OrderId } from '../../domain/order-id.js';
import { Order } from '../../domain/order.js';
import { DomainValidationError } from '../../errors/domain-validation-error.js';
import { describeValue } from '../../internal/describe-value.js';
import { IssueCollector } from '../../internal/issue-collector.js';
import { isJsonObject } from '../../internal/json-shape.js';
import type { JsonObject } from '../../internal/json-shape.js';
import type { FetchedOrder } from '../orders-gateway.js';
import { parseShopifyLineItem } from './parse-shopify-line-item.js';
import { shopifyCustomerName } from './shopify-customer-name.js';

function usableId(raw: JsonObject): string | undefined {
  try {
    return OrderId.of(raw['id'] as string);
  } catch {
    return undefined;
  }
}

function lineItems(raw: JsonObject, currency: CurrencyCode | undefined, issues: IssueCollector): LineItemInput[] {
  const lines = raw['line_items'];
  if (!Array.isArray(lines)) {
    issues.add('line_items', `must be an array, got ${describeValue(lines)}`);
    return [];
  }
  return lines.map((line, i) => parseShopifyLineItem(line, i, currency, issues)).filter((line) => line !== undefined);
}

// `price` is the unit price before discounts, so Shopify's own `total_line_items_price` must equal
// the computed total. Checking it verifies that reading of the source, order by order.
function checkLineItemsTotal(raw: JsonObject, order: Order): void {
  const claimed = raw['total_line_items_price'];
  if (claimed === undefined || claimed === null) return;
  let stated: Money;
  try {
    stated = Money.parse(claimed as string, order.currency);
  } catch (error) {
    throw (error as DomainValidationError).at('total_line_items_price');
  }
  if (!stated.equals(order.total)) {
    throw new DomainValidationError([
      {
        path: 'total_line_items_price',
        message: `is ${stated.toString()}, but price × quantity over the lines sums to ${order.total.toString()}`,
      },
    ]);
  }
}

function toOrder(raw: JsonObject): Order {
  const issues = new IssueCollector();
  const id = issues.field('id', () => OrderId.of(raw['id'] as string));
  const createdAt = raw['created_at'];
  const instant = typeof createdAt === 'string' ? issues.field('created_at', () => Instant.of(createdAt)) : undefined;
  if (typeof createdAt !== 'string')
    issues.add('created_at', `must be an RFC 3339 string, got ${describeValue(createdAt)}`);
  const name = shopifyCustomerName(raw);
  const customerName = name === '' ? undefined : issues.field('customer', () => CustomerName.of(name));
  if (name === '')
    issues.add('customer', 'has no name: neither customer.first_name / last_name nor billing_address.name is set');
  const currency = issues.field('currency', () => CurrencyCode.of(raw['currency'] as string));
  const lines = lineItems(raw, currency, issues);
  const fields = issues.complete({ id, createdAt: instant, customerName, currency });
  const order = Order.create({ ...fields, lineItems: lines });
  checkLineItemsTotal(raw, order);
  return order;
}

/**
 * Maps one order of a Shopify Admin REST `orders.json` page into the domain: the inbound side of the
 * anti-corruption layer. Never throws for bad input: a record that is not a valid order comes back
 * as `{ ok: false, orderId, error }` with every issue under its wire path (e.g. `line_items[0].price`).
 */
export function parseShopifyOrder(raw: unknown): FetchedOrder {
  if (!isJsonObject(raw)) {
    return {
      ok: false,
      orderId: undefined,
      error: DomainValidationError.of(`a Shopify order must be a JSON object, got ${describeValue(raw)}`),
    };
  }
  try {
    return { ok: true, order: toOrder(raw) };
  } catch (error) {
    if (!(error instanceof DomainValidationError)) throw error;
    return { ok: false, orderId: usableId(raw), error };
  }
}
