import { IssueCollector } from '../internal/issue-collector.js';
import type { Brand } from './brand.js';
import { CurrencyCode } from './currency-code.js';
import { CustomerName } from './customer-name.js';
import { Instant } from './instant.js';
import { LineItem } from './line-item.js';
import type { LineItemInput } from './line-item.js';
import { Money } from './money.js';
import { OrderId } from './order-id.js';

/** What {@link Order.create} takes: validated value objects, or the raw values they are made from. */
export interface OrderInput {
  readonly id: OrderId | string | number | bigint;
  /** When the order was placed: an {@link Instant}, a `Date`, epoch ms, or RFC 3339 with an offset. */
  readonly createdAt: Instant | Date | number | string;
  readonly customerName: CustomerName | string;
  /** The one currency every amount of the order is in. */
  readonly currency: CurrencyCode | string;
  /** At least one line; line ids unique within the order. */
  readonly lineItems: ReadonlyArray<LineItem | LineItemInput>;
}

/**
 * The order aggregate: who ordered what, when, for how much. Immutable, and only
 * {@link Order.create} makes one, so its invariants always hold: at least one line, unique line
 * ids, one currency, and `total` equal to the sum of the line totals.
 */
export type Order = Brand<
  {
    readonly id: OrderId;
    readonly createdAt: Instant;
    readonly customerName: CustomerName;
    readonly currency: CurrencyCode;
    readonly lineItems: readonly LineItem[];
    /** The sum of every line's `unitPrice × quantity`, exact. */
    readonly total: Money;
  },
  'Order'
>;

function lineItems(input: OrderInput, currency: CurrencyCode | undefined, issues: IssueCollector): LineItem[] {
  const lines: LineItem[] = [];
  const seen = new Set<string>();
  // Checked as `unknown`: plain JS callers may pass anything, and narrowing the typed array gives `any[]`.
  const given: unknown = input.lineItems;
  if (!Array.isArray(given) || given.length === 0) {
    issues.add('lineItems', 'an order has at least one line item');
    return lines;
  }
  input.lineItems.forEach((raw, i) => {
    const line = issues.field(`lineItems[${i}]`, () => LineItem.of(raw));
    if (line === undefined) return;
    if (seen.has(line.id)) issues.add(`lineItems[${i}].id`, `duplicates line item id ${JSON.stringify(line.id)}`);
    seen.add(line.id);
    if (currency !== undefined && line.unitPrice.currency !== currency) {
      issues.add(
        `lineItems[${i}].unitPrice`,
        `is in ${line.unitPrice.currency}, the order is in ${currency}: one currency per order`,
      );
    }
    lines.push(line);
  });
  return lines;
}

/** Creates {@link Order} values. */
export const Order = {
  /**
   * Validates every field and invariant, reporting all issues in one `DomainValidationError`
   * (paths like `lineItems[2].quantity`), and computes the total from the lines.
   */
  create(input: OrderInput): Order {
    const issues = new IssueCollector();
    const id = issues.field('id', () => OrderId.of(input.id));
    const createdAt = issues.field('createdAt', () => Instant.of(input.createdAt));
    const customerName = issues.field('customerName', () => CustomerName.of(input.customerName));
    const currency = issues.field('currency', () => CurrencyCode.of(input.currency));
    const lines = lineItems(input, currency, issues);
    const fields = issues.complete({ id, createdAt, customerName, currency });
    const total = lines.reduce((sum, line) => sum.add(line.total), Money.zero(fields.currency));
    return Object.freeze({ ...fields, lineItems: Object.freeze(lines), total }) as Order;
  },
};
