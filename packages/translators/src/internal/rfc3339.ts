// RFC 3339 with a mandatory offset, like the wire contract's `IsoDateTime`. `Date.parse` alone is
// too lenient: it takes `2025-02-30T00:00:00Z` and rolls it over to March 2.
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))$/i;

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Epoch milliseconds of an RFC 3339 date-time with an explicit offset, or `undefined` when `text`
 * is not one or names a date that does not exist. Digits past the millisecond are truncated.
 */
export function parseRfc3339(text: string): number | undefined {
  const m = RFC3339.exec(text);
  if (m === null) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const offsetHours = m[9] === undefined ? 0 : Number(m[9]);
  const offsetMinutes = m[10] === undefined ? 0 : Number(m[10]);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) return undefined;
  const millis = m[7] === undefined ? 0 : Number(m[7].slice(1, 4).padEnd(3, '0'));
  const sign = m[8] === undefined || m[8].toUpperCase() === 'Z' ? 0 : m[8].startsWith('-') ? -1 : 1;
  // Date.UTC maps years 0–99 to 1900–1999: set the full year explicitly.
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  utc.setUTCHours(hour, minute, second, millis);
  return utc.getTime() - sign * (offsetHours * 60 + offsetMinutes) * 60_000;
}
