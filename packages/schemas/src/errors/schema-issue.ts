/** One way a value breaks its message contract. */
export interface SchemaIssue {
  /** Where, as an access path from the message root, e.g. `$input.line_items[0].price`. */
  readonly path: string;
  /** What the contract expects there, as typia names it, e.g. `(number & Minimum<0> & Finite)`. */
  readonly expected: string;
  /**
   * The kind of value found: `string`, `number`, `NaN`, `Infinity`, `-Infinity`, `boolean`,
   * `null`, `undefined`, `array`, `object`, … Never redacted: it cannot carry personal data.
   */
  readonly received: string;
  /** The offending value itself; absent when the codec redacts values. */
  readonly value?: unknown;
}

/** The kind of `value`, for {@link SchemaIssue.received}. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return typeof value;
}

/** Turns validator errors into issues, dropping the values when `redact` is set. */
export function toIssues(
  errors: ReadonlyArray<{ readonly path: string; readonly expected: string; readonly value: unknown }>,
  redact: boolean,
): SchemaIssue[] {
  return errors.map(({ path, expected, value }) =>
    redact ? { path, expected, received: kindOf(value) } : { path, expected, received: kindOf(value), value },
  );
}
