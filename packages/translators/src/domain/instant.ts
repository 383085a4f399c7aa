import { DomainValidationError } from '../errors/domain-validation-error.js';
import { describeValue } from '../internal/describe-value.js';
import { parseRfc3339 } from '@herald/schemas';
import type { Brand } from './brand.js';

// RFC 3339 has four-digit years; `toISOString()` writes `+010000-…` past them, which the wire
// contract refuses, so the domain does not hold such instants in the first place.
const EARLIEST = -62_167_219_200_000; // 0000-01-01T00:00:00.000Z
const LATEST = 253_402_300_799_999; // 9999-12-31T23:59:59.999Z

/** A point in time, as integer milliseconds since the Unix epoch (UTC), within years 0000–9999. */
export type Instant = Brand<number, 'Instant'>;

function fail(value: unknown, why: string): never {
  throw DomainValidationError.of(`Instant ${why}, got ${describeValue(value)}`);
}

/** Creates and formats {@link Instant} values. */
export const Instant = {
  /**
   * Validates and brands an instant given as a `Date`, epoch milliseconds (an integer), or an
   * RFC 3339 string with an explicit offset (`2025-01-15T10:30:00-05:00`; a date that does not
   * exist is refused, digits past the millisecond are truncated).
   */
  of(value: Date | number | string): Instant {
    let ms: number | undefined;
    if (value instanceof Date) ms = value.getTime();
    else if (typeof value === 'number')
      ms = Number.isInteger(value) ? value : fail(value, 'as a number must be integer epoch milliseconds');
    else if (typeof value === 'string')
      ms = parseRfc3339(value) ?? fail(value, 'must be RFC 3339 with an offset, e.g. "2025-01-15T10:30:00Z"');
    else fail(value, 'must be a Date, epoch milliseconds or an RFC 3339 string');
    if (Number.isNaN(ms)) fail(value, 'must be a valid date');
    if (ms < EARLIEST || ms > LATEST) fail(value, 'must fall within years 0000 to 9999 (UTC)');
    return ms as Instant;
  },
  /** UTC ISO 8601 with milliseconds, e.g. `2025-01-15T15:30:00.000Z`: the same instant, whatever the input's offset. */
  toIsoString(instant: Instant): string {
    return new Date(instant).toISOString();
  },
};
