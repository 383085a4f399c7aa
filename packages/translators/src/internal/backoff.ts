/**
 * The delay before retry number `retry` (1 for the first): exponential from `baseMs`, capped at
 * `maxMs`, with "equal jitter" (half fixed, half random) so that clients failing together do not
 * retry together, while each still waits at least half the nominal delay.
 */
export function backoffMs(retry: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const nominal = Math.min(maxMs, baseMs * 2 ** (retry - 1));
  return Math.round(nominal / 2 + random() * (nominal / 2));
}
