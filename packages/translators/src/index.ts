// Domain model
export type { Brand } from './domain/brand.js';
export { CurrencyCode } from './domain/currency-code.js';
export { CustomerName } from './domain/customer-name.js';
export { Instant } from './domain/instant.js';
export { LineItemId } from './domain/line-item-id.js';
export { LineItem } from './domain/line-item.js';
export type { LineItemInput } from './domain/line-item.js';
export { Money } from './domain/money.js';
export { OrderId } from './domain/order-id.js';
export { Order } from './domain/order.js';
export type { OrderInput } from './domain/order.js';
export { ProductId } from './domain/product-id.js';
export { ProductTitle } from './domain/product-title.js';
export { Quantity } from './domain/quantity.js';
export type { DisplayTextType, IdentifierType } from './domain/text-value.js';

// Translators (domain -> message contract)
export { orderEventHeaders } from './translators/order-event-headers.js';
export { orderEventTypes } from './translators/order-event-types.js';
export type { OrderEventKind, OrderEventType } from './translators/order-event-types.js';
export { toOrderEvent } from './translators/to-order-event.js';
export type { OrderEvent } from './translators/to-order-event.js';
export { toOrderEventMessage } from './translators/to-order-event-message.js';

// The order-extraction use case
export { ExtractOrdersUseCase } from './use-cases/extract-orders-use-case.js';
export type { ExtractOrdersOptions } from './use-cases/extract-orders-options.js';
export type {
  ExtractProgress,
  ExtractReport,
  FailureStage,
  OrderFailure,
  RunFailure,
} from './use-cases/extract-report.js';
export type { OrderEventSink } from './use-cases/order-event-sink.js';

// The gateway port (source -> domain). The gateways themselves live at subpaths:
// `@herald/translators/shopify` and `@herald/translators/fixtures`.
export type { FetchedOrder, OrdersGateway, OrdersPage } from './gateways/orders-gateway.js';

// Errors: the shared model of every Herald package (@herald/errors), then the translators' own
export { fromUnknown, HeraldError, InvalidOptionsError } from '@herald/errors';
export { TranslatorsError } from './errors/translators-error.js';
export type { TranslatorsErrorCode } from './errors/translators-error.js';
export { DomainValidationError } from './errors/domain-validation-error.js';
export type { DomainIssue } from './errors/domain-validation-error.js';
export { TranslationError } from './errors/translation-error.js';
export { GatewayError } from './errors/gateway-error.js';
export type { GatewayErrorCode, GatewayErrorInit } from './errors/gateway-error.js';
