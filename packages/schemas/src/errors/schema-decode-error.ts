import { SchemaError } from './schema-error.js';

/**
 * A payload is not JSON at all (malformed UTF-8 or JSON syntax), so it cannot be checked against
 * its contract. When values are not redacted, `cause` is the parser's error, whose message may
 * quote part of the payload.
 */
export class SchemaDecodeError extends SchemaError {
  /** The payload's size in bytes. */
  readonly bytes: number;

  /**
   * @param messageName - which contract, e.g. `OrderEventMessage v1`.
   * @param reason - what is wrong, without payload content when redacting.
   */
  constructor(messageName: string, bytes: number, reason: string, cause?: unknown) {
    super('SCHEMA_DECODE', `${messageName}: payload (${bytes} bytes) is not valid JSON: ${reason}`, cause);
    this.bytes = bytes;
  }
}
