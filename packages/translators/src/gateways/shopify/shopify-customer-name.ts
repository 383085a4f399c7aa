import type { JsonObject } from '../../internal/json-shape.js';
import { isJsonObject } from '../../internal/json-shape.js';

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * The customer's display name of a Shopify order: `customer.first_name last_name`, or the billing
 * address's `name` for a guest checkout; `''` when the order carries neither.
 */
export function shopifyCustomerName(raw: JsonObject): string {
  const customer = raw['customer'];
  if (isJsonObject(customer)) {
    const name = [text(customer['first_name']), text(customer['last_name'])].filter((part) => part !== '').join(' ');
    if (name !== '') return name;
  }
  const billing = raw['billing_address'];
  return isJsonObject(billing) ? text(billing['name']) : '';
}
