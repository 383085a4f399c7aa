// `@herald/schemas/runtime`: everything a generated contract module needs at run time. Code that
// `herald-schemas generate` writes imports only this entry point, so it compiles with plain `tsc`
// (or esbuild, SWC, tsx) and runs without typia or a TypeScript compiler installed.

// Codecs
export type { Codec, CodecOptions, ValidationResult } from '../codec/codec.js';
export type { CodecSpec, UnionTag, ValidatorError } from '../codec/codec-spec.js';
export { createCodec } from '../codec/create-codec.js';

// Byte sinks and writers the generated single-pass encoders call
export type { ByteSink } from '../internal/byte-sink.js';
export { ScratchSink, SlabSink } from '../internal/byte-sink.js';
export {
  ARRAY_PROTOTYPE,
  OBJECT_PROTOTYPE,
  identity,
  snapshotArray,
  snapshotRecord,
  withExtras,
} from '../internal/plain-data.js';
export { writeJsonFalse, writeJsonTrue } from '../internal/write-json-boolean.js';
export { MAX_NUMBER_BYTES, writeJsonNumber, writeJsonUint } from '../internal/write-json-number.js';
export { MAX_BYTES_PER_CODE_UNIT, writeJsonChars } from '../internal/write-json-string.js';
// Tag checks with a faster equivalent than the tag's expression (cli/codegen/accelerated-checks.ts)
export { isRfc3339 } from '../time/rfc3339.js';

// Errors a codec throws
export type { SchemaErrorCode } from '../errors/schema-error.js';
export { SchemaError } from '../errors/schema-error.js';
export { SchemaDecodeError } from '../errors/schema-decode-error.js';
export type { SchemaIssue } from '../errors/schema-issue.js';
export { SchemaValidationError } from '../errors/schema-validation-error.js';

// typia's result type and run-time helpers, for the validators generated in typia's generation mode
export type { IValidation } from '@typia/interface';
export {
  _accessExpressionAsString,
  _createStandardSchema,
  _isBetween,
  _isFormatByte,
  _isFormatDate,
  _isFormatDateTime,
  _isFormatDuration,
  _isFormatEmail,
  _isFormatHostname,
  _isFormatIdnEmail,
  _isFormatIdnHostname,
  _isFormatIpv4,
  _isFormatIpv6,
  _isFormatIri,
  _isFormatIriReference,
  _isFormatJsonPointer,
  _isFormatPassword,
  _isFormatRegex,
  _isFormatRelativeJsonPointer,
  _isFormatTime,
  _isFormatUri,
  _isFormatUriReference,
  _isFormatUriTemplate,
  _isFormatUrl,
  _isFormatUuid,
  _isTypeFloat,
  _isTypeInt32,
  _isTypeInt64,
  _isTypeUint32,
  _isTypeUint64,
  _isUniqueItems,
  _validateReport,
} from './typia-helpers.js';
