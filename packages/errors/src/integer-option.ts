import { InvalidOptionsError } from './invalid-options-error.js';

/** Bounds of {@link integerOption}; both inclusive. */
export interface IntegerBounds {
  /** Smallest allowed value. @defaultValue 1 */
  readonly min?: number;
  /** Largest allowed value. @defaultValue Number.MAX_SAFE_INTEGER */
  readonly max?: number;
}

/**
 * `value`, or `fallback` when it is undefined, checked to be a safe integer within `bounds`;
 * throws {@link InvalidOptionsError} naming `option` otherwise. The one integer check of every
 * Herald package, so every package words it (and refuses NaN, 1.5, 2**53) the same way.
 */
export function integerOption(option: string, value: unknown, fallback: number, bounds: IntegerBounds = {}): number {
  const { min = 1, max = Number.MAX_SAFE_INTEGER } = bounds;
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    const range =
      max === Number.MAX_SAFE_INTEGER
        ? min === 1
          ? 'a positive integer'
          : `an integer >= ${min}`
        : `an integer from ${min} to ${max}`;
    const got = typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? typeof value);
    throw new InvalidOptionsError(option, `${option} must be ${range}, got ${got}`);
  }
  return value;
}
