/** A parsed JSON object (not an array, not null), for reading untrusted input field by field. */
export type JsonObject = Readonly<Record<string, unknown>>;

/** True for a JSON object. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
