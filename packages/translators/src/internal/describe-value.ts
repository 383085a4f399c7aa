// Error messages quote the offending value, shortened: they end up in reports and logs.
const MAX_CHARS = 40;

/** A short, printable rendering of any value for an error message. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    const json = JSON.stringify(value);
    return json.length > MAX_CHARS ? `${json.slice(0, MAX_CHARS)}…" (${value.length} chars)` : json;
  }
  if (typeof value === 'bigint') return `${value}n`;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? 'an array' : 'an object';
}
