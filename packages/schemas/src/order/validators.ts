import typia from 'typia';
import type { IValidation } from '@typia/interface';
import type { OrderEventMessage } from './order-event.v1.js';

// Created once at module scope: typia compiles each into a specialised function at build time.
// `Equals` variants reject properties the contract does not name.

/** True when `input` is a valid {@link OrderEventMessage} with no extra properties. */
export const isOrderEventMessageV1: (input: unknown) => input is OrderEventMessage = typia.createEquals<OrderEventMessage>();

/** Every violation of the {@link OrderEventMessage} contract in `input`. */
export const validateOrderEventMessageV1: (input: unknown) => IValidation<OrderEventMessage> =
  typia.createValidateEquals<OrderEventMessage>();
