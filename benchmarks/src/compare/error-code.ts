/** A failed send's error as a short code for the errors table: `error[field]`, else its class name. */
export function errorCode(error: unknown, field: 'code' | 'type'): string {
  if (typeof error === 'object' && error !== null) {
    const value = (error as Record<string, unknown>)[field];
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    if (error instanceof Error) return error.name;
  }
  return 'UNKNOWN';
}
