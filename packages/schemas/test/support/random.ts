// Seeded randomness for the differential tests: a failure names its seed, so it can be replayed.

/** A deterministic PRNG (mulberry32) returning floats in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks one element. */
export function pick<T>(rng: () => number, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)]!;
}

/** Code unit pools that each stress a different escape or UTF-8 rule. */
const POOLS: ReadonlyArray<() => (rng: () => number) => string> = [
  () => (rng) => String.fromCharCode(0x20 + Math.floor(rng() * 0x5f)), // printable ASCII
  () => (rng) => String.fromCharCode(Math.floor(rng() * 0x20)), // C0 controls
  () => (rng) => pick(rng, ['"', '\\', '/', '\u007f', '\b', '\f', '\n', '\r', '\t']),
  () => (rng) => String.fromCharCode(0x80 + Math.floor(rng() * 0x780)), // two-byte UTF-8
  () => (rng) => String.fromCharCode(0x800 + Math.floor(rng() * (0xd800 - 0x800))), // three-byte UTF-8
  () => (rng) => String.fromCharCode(0xe000 + Math.floor(rng() * 0x2000)), // private use .. U+FFFF
  () => (rng) => pick(rng, ['\u2028', '\u2029', '\ufeff', '\ufffd', '\u00e9', 'e\u0301']),
  () => (rng) => pick(rng, ['😀', '👩‍👩‍👧', '𝄞', '🇺🇦']), // surrogate pairs
  () => (rng) => String.fromCharCode(0xd800 + Math.floor(rng() * 0x400)), // lone high surrogate
  () => (rng) => String.fromCharCode(0xdc00 + Math.floor(rng() * 0x400)), // lone low surrogate
];

/** A string mixing every kind of code unit JSON treats specially. */
export function adversarialString(rng: () => number, minLength = 0): string {
  const length = rng() < 0.05 ? 200 + Math.floor(rng() * 3000) : minLength + Math.floor(rng() * 40);
  let out = '';
  while (out.length < length) out += pick(rng, POOLS)()(rng);
  return out;
}

/** Numbers whose JSON text is easy to get wrong: -0, exponents, float noise, huge integers. */
export const TRICKY_AMOUNTS: readonly number[] = [
  -0,
  0,
  0.01,
  0.1,
  0.07,
  0.1 + 0.2,
  1.005,
  4.35,
  19.99,
  123456789.125,
  1e-7,
  1.5e-7,
  5e-324,
  1e21,
  1e-6,
  2 ** 45 - 0.01,
  2 ** 45,
  35184372088831.99,
  2 ** 53,
  2 ** 53 + 2,
  Number('9007199254740993') /* rounds to 2^53 */,
  1.7976931348623157e308,
  1e300,
  123.456,
  99.999,
  100,
  1e20,
  999999999999999.9,
];

/** A finite non-negative amount: tricky, two-decimal or arbitrary. */
export function amount(rng: () => number): number {
  const r = rng();
  if (r < 0.3) return pick(rng, TRICKY_AMOUNTS);
  if (r < 0.7) return Math.round(rng() * 1e7) / 100;
  if (r < 0.85) return rng() * 10 ** Math.floor(rng() * 25);
  return Math.floor(rng() * 2 ** 53);
}
