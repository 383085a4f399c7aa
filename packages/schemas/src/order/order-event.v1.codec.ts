import type { Codec, CodecOptions } from '../codec/codec.js';
import { createCodec } from '../codec/create-codec.js';
import { snapshotOrderEventMessageV1, writeOrderEventMessageV1 } from '../generated/order-event.v1.encoder.js';
import type { OrderEventMessage } from './order-event.v1.js';
import { validateOrderEventMessageV1 } from './validators.js';

/** The `$id` of `docs/schemas/order-event.v1.json`, also the CloudEvents `dataschema` of order events. */
export const orderEventMessageV1SchemaId = 'urn:herald:schema:order-event:v1';

/** A codec for {@link OrderEventMessage} version 1 with its own options, e.g. `{ redactValues: true }`. */
export function createOrderEventMessageV1Codec(options?: CodecOptions): Codec<OrderEventMessage> {
  return createCodec(
    {
      name: 'OrderEventMessage v1',
      schemaId: orderEventMessageV1SchemaId,
      write: writeOrderEventMessageV1,
      snapshot: snapshotOrderEventMessageV1,
      validate: validateOrderEventMessageV1,
    },
    options,
  );
}

/** The shared codec for {@link OrderEventMessage} version 1, with default options (values not redacted). */
export const orderEventMessageV1Codec: Codec<OrderEventMessage> = createOrderEventMessageV1Codec();
