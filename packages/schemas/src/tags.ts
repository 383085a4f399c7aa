// Tags come from @typia/interface (types only, no dependencies) rather than typia, so the
// published declarations resolve without installing typia or a TypeScript compiler.
import type { tags } from '@typia/interface';

/**
 * An RFC 3339 instant: `T` separator and an explicit offset (`Z` or `±hh:mm`) are required, and the
 * date must exist on the calendar. typia's own `date-time` format lets `2025-01-15 10:30:00Z` and
 * `2025-02-30T00:00:00Z` through, and `Date.parse` rolls the latter over to March: this tag does not.
 */
export type IsoDateTime = tags.TagBase<{
  kind: 'format';
  target: 'string';
  value: 'date-time';
  // The regex guarantees digits at 0-3, 5-6 and 8-9, so the calendar check reads them with
  // charCodeAt (code - 48 is the digit): no substrings. Groups do not capture. It runs on every encode.
  validate: `/^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d{1,9})?(?:Z|[+-](?:[01]\\d|2[0-3]):[0-5]\\d)$/.test($input) && ((y, m, d) => d <= (m === 2 ? ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28) : 30 + ((m + (m >> 3)) & 1)))(($input.charCodeAt(0) - 48) * 1000 + ($input.charCodeAt(1) - 48) * 100 + ($input.charCodeAt(2) - 48) * 10 + $input.charCodeAt(3) - 48, ($input.charCodeAt(5) - 48) * 10 + $input.charCodeAt(6) - 48, ($input.charCodeAt(8) - 48) * 10 + $input.charCodeAt(9) - 48)`;
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
