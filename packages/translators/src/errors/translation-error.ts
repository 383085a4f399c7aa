import { TranslatorsError } from './translators-error.js';

/**
 * A valid domain object has no faithful representation in the message contract, e.g. an amount
 * a JSON number cannot carry exactly. Names the order and the wire field, so the report says
 * which record to look at; the same order fails the same way, so it is not retriable.
 */
export class TranslationError extends TranslatorsError {
  /** The order that could not be translated. */
  readonly orderId: string;
  /** The wire field at fault, e.g. `total_price` or `line_items[3].price`. */
  readonly field: string;

  /** @param reason - why, without the order and field (the message adds them). */
  constructor(orderId: string, field: string, reason: string, cause?: unknown) {
    super('TRANSLATION', `order ${orderId}: ${field}: ${reason}`, false, cause);
    this.orderId = orderId;
    this.field = field;
  }
}
