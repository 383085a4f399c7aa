// The one RFC 3339 checker of Herald: generated encoders (for the `IsoDateTime` tag), CloudEvents
// `ce_time` and the translators' instants call the scanner below; typia's validators inline the
// tag's `validate` expression (a regular expression and the same calendar rule). test/rfc3339.test.ts
// holds the two to the same verdict on every input it tries.
//
// Accepted: `YYYY-MM-DDTHH:MM:SS`, then 1–9 fraction digits after a `.` or none, then `Z` or
// `±HH:MM`. `T` and `Z` upper case, seconds required, hours 00–23, the day must exist.

/** Code of `0`; `c - ZERO` is the digit, and `(c - ZERO) >>> 0 <= 9` tests for one (NaN fails too). */
const ZERO = 48;
const DASH = 45;
const COLON = 58;
const DOT = 46;
const T = 84;
const Z = 90;
const PLUS = 43;

/** The value of the two digits at `i` and `i + 1`, or -1 when either is not a digit. */
function twoDigits(s: string, i: number): number {
  const hi = s.charCodeAt(i) - ZERO;
  const lo = s.charCodeAt(i + 1) - ZERO;
  return hi >>> 0 <= 9 && lo >>> 0 <= 9 ? hi * 10 + lo : -1;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * The index of the zone designator of `s` (its `Z`, or the sign of its offset), after checking
 * everything; -1 when `s` is not an RFC 3339 date-time naming a day that exists. Reads each code
 * unit once, builds no substring.
 */
function scan(s: string): number {
  const n = s.length;
  // The shortest form is `YYYY-MM-DDTHH:MM:SSZ`.
  if (n < 20) return -1;
  const yh = twoDigits(s, 0);
  const yl = twoDigits(s, 2);
  const month = twoDigits(s, 5);
  const day = twoDigits(s, 8);
  const hour = twoDigits(s, 11);
  const minute = twoDigits(s, 14);
  const second = twoDigits(s, 17);
  if (
    yh < 0 ||
    yl < 0 ||
    s.charCodeAt(4) !== DASH ||
    s.charCodeAt(7) !== DASH ||
    s.charCodeAt(10) !== T ||
    s.charCodeAt(13) !== COLON ||
    s.charCodeAt(16) !== COLON ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysIn(yh * 100 + yl, month) ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 59
  )
    return -1;
  let i = 19;
  if (s.charCodeAt(i) === DOT) {
    let j = i + 1;
    while (j < n && (s.charCodeAt(j) - ZERO) >>> 0 <= 9) j++;
    if (j === i + 1 || j > i + 10) return -1;
    i = j;
  }
  if (i === n - 1) return s.charCodeAt(i) === Z ? i : -1;
  if (i !== n - 6) return -1;
  const sign = s.charCodeAt(i);
  const offsetHour = twoDigits(s, i + 1);
  const offsetMinute = twoDigits(s, i + 4);
  if (
    (sign !== PLUS && sign !== DASH) ||
    offsetHour < 0 ||
    offsetHour > 23 ||
    s.charCodeAt(i + 3) !== COLON ||
    offsetMinute < 0 ||
    offsetMinute > 59
  )
    return -1;
  return i;
}

/** True when `text` is an RFC 3339 date-time with an explicit offset naming a date that exists. */
export function isRfc3339(text: string): boolean {
  return scan(text) >= 0;
}

/**
 * Epoch milliseconds of an RFC 3339 date-time with an explicit offset, or `undefined` when `text`
 * is not one or names a date that does not exist (`2025-02-30`, `2100-02-29`). Digits past the
 * millisecond are truncated.
 */
export function parseRfc3339(text: string): number | undefined {
  const zone = scan(text);
  if (zone < 0) return undefined;
  const year = twoDigits(text, 0) * 100 + twoDigits(text, 2);
  let millis = 0;
  // Up to three fraction digits, each worth a tenth of the one before.
  for (let i = 20, unit = 100; i < zone && unit >= 1; i++, unit /= 10) millis += (text.charCodeAt(i) - ZERO) * unit;
  const sign = text.charCodeAt(zone) === Z ? 0 : text.charCodeAt(zone) === DASH ? -1 : 1;
  const offsetMinutes = sign === 0 ? 0 : twoDigits(text, zone + 1) * 60 + twoDigits(text, zone + 4);
  // Date.UTC maps years 0–99 to 1900–1999: set the full year explicitly.
  const utc = new Date(0);
  utc.setUTCFullYear(year, twoDigits(text, 5) - 1, twoDigits(text, 8));
  utc.setUTCHours(twoDigits(text, 11), twoDigits(text, 14), twoDigits(text, 17), millis);
  return utc.getTime() - sign * offsetMinutes * 60_000;
}
