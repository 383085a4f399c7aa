import { SchemaError } from './schema-error.js';

/** CloudEvents headers are missing required attributes or hold values the spec forbids. */
export class CloudEventHeadersError extends SchemaError {
  /** The required attributes that were absent or empty, e.g. `['id', 'source']`. */
  readonly missing: readonly string[];

  constructor(message: string, missing: readonly string[] = []) {
    super('CLOUD_EVENT_HEADERS', message);
    this.missing = missing;
  }
}
