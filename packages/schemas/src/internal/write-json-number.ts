// Writes finite numbers exactly as JSON.stringify does (Number::toString), with a fast path for
// the common wire values: integers, and decimals with at most two fraction digits (prices).

/** The most bytes {@link writeJsonNumber} writes (`-1.2345678901234567e-308`). */
export const MAX_NUMBER_BYTES = 24;

// Below 2^45 a double's spacing is under 0.01, so when c / 100 reproduces n exactly, the decimal
// c / 100 is the only two-fraction-digit number that rounds to n, hence the shortest
// round-tripping form Number::toString prints. Above it, String(n) decides.
const TWO_DECIMALS_LIMIT = 2 ** 45;

/** Writes a non-negative safe integer (or -0, as `0`) and returns the end. */
export function writeJsonUint(b: Buffer, p: number, x: number): number {
  if (x < 10) {
    b[p] = 48 + x;
    return p + 1;
  }
  let digits = 2;
  for (let limit = 100; limit <= x; limit *= 10) digits++;
  let q = p + digits;
  // `x % 10` and the division of a multiple of ten are exact for every safe integer.
  while (x >= 10) {
    const r = x % 10;
    x = (x - r) / 10;
    b[--q] = 48 + r;
  }
  b[--q] = 48 + x;
  return p + digits;
}

function writeAscii(b: Buffer, p: number, s: string): number {
  for (let i = 0; i < s.length; i++) b[p + i] = s.charCodeAt(i);
  return p + s.length;
}

/** Writes a finite number and returns the end. The caller has reserved {@link MAX_NUMBER_BYTES}. */
export function writeJsonNumber(b: Buffer, p: number, n: number): number {
  if (n >= 0 && n < TWO_DECIMALS_LIMIT) {
    const c = Math.round(n * 100);
    if (c / 100 === n) {
      const f = c % 100;
      p = writeJsonUint(b, p, (c - f) / 100);
      if (f === 0) return p;
      const tens = (f / 10) | 0;
      const units = f - tens * 10;
      b[p] = 0x2e;
      b[p + 1] = 48 + tens;
      if (units === 0) return p + 2;
      b[p + 2] = 48 + units;
      return p + 3;
    }
  }
  return writeAscii(b, p, String(n));
}
