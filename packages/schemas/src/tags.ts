// Tags come from @typia/interface (types only, no dependencies) rather than typia, so the
// published declarations resolve without installing typia or a TypeScript compiler.
import type { tags } from '@typia/interface';
import type { ISO_DATE_TIME_VALIDATE } from './time/iso-date-time-rule.js';

/**
 * An RFC 3339 instant: `T` separator and an explicit offset (`Z` or `±hh:mm`) are required, and the
 * date must exist on the calendar. typia's own `date-time` format lets `2025-01-15 10:30:00Z` and
 * `2025-02-30T00:00:00Z` through, and `Date.parse` rolls the latter over to March: this tag does not.
 */
export type IsoDateTime = tags.TagBase<{
  kind: 'format';
  target: 'string';
  value: 'date-time';
  // Inlined by typia's validators; generated encoders call the scanner `isRfc3339` instead (same verdict).
  validate: typeof ISO_DATE_TIME_VALIDATE;
  exclusive: ['format', 'pattern'];
  schema: {
    format: 'date-time';
    pattern: '^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d{1,9})?(?:Z|[+-](?:[01]\\d|2[0-3]):[0-5]\\d)$';
  };
}>;

/**
 * A finite number: typia's `Minimum<0>` alone accepts `Infinity`, which JSON cannot carry
 * (`JSON.stringify` writes `null`). JSON Schema needs no keyword for it: JSON numbers are finite.
 */
export type Finite = tags.TagBase<{
  kind: 'finite';
  target: 'number';
  value: undefined;
  validate: 'Number.isFinite($input)';
}>;

/** A non-empty identifier. */
export type Id = string & tags.MinLength<1>;

/**
 * A finite amount of money as a decimal number, never negative. `-0` passes (it equals 0) and is
 * written as `0`, like `JSON.stringify` does.
 */
export type Amount = number & tags.Minimum<0> & Finite;

/** A whole number from 1 to 2^32 - 1, e.g. a quantity of units. */
export type Count = number & tags.Type<'uint32'> & tags.Minimum<1> & tags.Maximum<4294967295>;
