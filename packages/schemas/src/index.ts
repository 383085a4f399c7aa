// Message contracts
export type { LineItemEventMessage, OrderEventMessage } from './order/order-event.v1.js';
export type { Amount, Count, Finite, Id, IsoDateTime } from './tags.js';

// Codecs
export type { Codec, CodecOptions, ValidationResult } from './codec/codec.js';
export type { CodecSpec, UnionTag, ValidatorError } from './codec/codec-spec.js';
export { createCodec } from './codec/create-codec.js';
export {
  createOrderEventMessageV1Codec,
  orderEventMessageV1Codec,
  orderEventMessageV1SchemaId,
} from './generated/order-event.v1.codec.js';

// Validators (typia's, generated: the validator of record behind every codec)
export { isOrderEventMessageV1, validateOrderEventMessageV1 } from './generated/order-event.v1.validators.js';

// Contracts declarations for the `herald-schemas` CLI
export type { ContractDeclaration, ContractsDeclaration } from './cli/contracts-declaration.js';

// CloudEvents metadata
export type { CloudEventAttributes } from './cloudevents/cloud-event-attributes.js';
export { CLOUDEVENTS_SPEC_VERSION } from './cloudevents/cloud-event-attributes.js';
export type { CloudEventInit } from './cloudevents/cloud-event-headers.js';
export { cloudEventHeaders } from './cloudevents/cloud-event-headers.js';
export type { EventTypeOptions } from './cloudevents/event-type.js';
export { eventType } from './cloudevents/event-type.js';
export type { KafkaHeaderValue, KafkaHeadersInput } from './cloudevents/parse-cloud-event-headers.js';
export { parseCloudEventHeaders } from './cloudevents/parse-cloud-event-headers.js';
export type {
  CloudEventsEncoder,
  CloudEventsOptions,
  EncodedMessage,
  WithCloudEvents,
} from './cloudevents/with-cloud-events.js';
export { withCloudEvents } from './cloudevents/with-cloud-events.js';

// RFC 3339, the one checker behind IsoDateTime, ce_time and the translators
export { isRfc3339, parseRfc3339 } from './time/rfc3339.js';

// Errors
export { CloudEventHeadersError } from './errors/cloud-event-headers-error.js';
export type { SchemaErrorCode } from './errors/schema-error.js';
export { SchemaError } from './errors/schema-error.js';
export { SchemaDecodeError } from './errors/schema-decode-error.js';
export type { SchemaIssue } from './errors/schema-issue.js';
export { SchemaValidationError } from './errors/schema-validation-error.js';
