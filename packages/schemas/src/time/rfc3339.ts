// The one RFC 3339 checker of Herald: the `IsoDateTime` tag (typia validators and generated
// encoders inline the same rule as its `validate` expression), CloudEvents `ce_time`, and the
// translators' instants all accept exactly the same strings. test/rfc3339.test.ts holds the tag's
// expression and this function to the same verdict on every input it tries.

// `T` and `Z` upper case, seconds required, 1–9 fraction digits, an explicit offset.
const RFC3339 =
  /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(\.\d{1,9})?(Z|([+-])([01]\d|2[0-3]):([0-5]\d))$/;

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Epoch milliseconds of an RFC 3339 date-time with an explicit offset, or `undefined` when `text`
 * is not one or names a date that does not exist (`2025-02-30`, `2100-02-29`). Digits past the
 * millisecond are truncated.
 */
export function parseRfc3339(text: string): number | undefined {
  const m = RFC3339.exec(text);
  if (m === null) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (day > daysIn(year, month)) return undefined;
  const millis = m[7] === undefined ? 0 : Number(m[7].slice(1, 4).padEnd(3, '0'));
  const sign = m[9] === undefined ? 0 : m[9] === '-' ? -1 : 1;
  const offset = m[9] === undefined ? 0 : Number(m[10]) * 60 + Number(m[11]);
  // Date.UTC maps years 0–99 to 1900–1999: set the full year explicitly.
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  utc.setUTCHours(hour, minute, second, millis);
  return utc.getTime() - sign * offset * 60_000;
}

/** True when `text` is an RFC 3339 date-time with an explicit offset naming a date that exists. */
export function isRfc3339(text: string): boolean {
  return parseRfc3339(text) !== undefined;
}
