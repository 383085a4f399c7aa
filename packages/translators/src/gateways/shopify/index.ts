// @herald/translators/shopify: the gateway that reads orders from Shopify's Admin REST API, and
// the parser from Shopify's order JSON to the domain model.
export { ShopifyOrdersGateway } from './shopify-orders-gateway.js';
export type { ShopifyOrdersGatewayOptions } from './shopify-orders-gateway-options.js';
export { parseShopifyOrder } from './parse-shopify-order.js';
export type { ShopifyOrderJson } from './shopify-order-json.js';
