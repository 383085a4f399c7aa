// Exact conversions between integer minor units and decimal strings. Nothing here touches a binary
// float: that is how 19.99 stays 19.99 and 0.1 + 0.2 never becomes 0.30000000000000004.

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/**
 * `text` (e.g. `"19.99"`) in minor units of a currency with `exponent` decimals (→ `1999n`), or a
 * reason it is not one: signs, exponents and more significant decimals than the currency has are refused.
 */
export function decimalToMinor(text: string, exponent: number): bigint | { readonly reason: string } {
  const match = DECIMAL.exec(text);
  if (match === null) return { reason: 'must be a non-negative decimal such as "19.99"' };
  const whole = match[1] ?? '0';
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > exponent) {
    return { reason: `has ${fraction.length} significant decimals, the currency has ${exponent}` };
  }
  return BigInt(whole + fraction.padEnd(exponent, '0'));
}

/** `minor` units as a decimal with exactly `exponent` decimals: `(1999n, 2)` → `"19.99"`, `(5n, 2)` → `"0.05"`. */
export function minorToDecimal(minor: bigint, exponent: number): string {
  const digits = minor.toString().padStart(exponent + 1, '0');
  if (exponent === 0) return digits;
  return `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

/** The shortest spelling of a non-negative decimal: `"20.50"` → `"20.5"`, `"20.00"` → `"20"`. */
export function shortestDecimal(decimal: string): string {
  return decimal.includes('.') ? decimal.replace(/0+$/, '').replace(/\.$/, '') : decimal;
}
