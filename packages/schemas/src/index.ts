// Message contracts
export type { LineItemEventMessage, OrderEventMessage } from './order/order-event.v1.js';
export type { Amount, Id, IsoDateTime } from './tags.js';

// Validators
export { isOrderEventMessageV1, validateOrderEventMessageV1 } from './order/validators.js';
