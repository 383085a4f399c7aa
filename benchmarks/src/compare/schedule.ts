/** One run of one contender in one round. */
export interface Slot<T> {
  readonly round: number;
  /** Where in its round the contender ran (0 = first). */
  readonly position: number;
  readonly item: T;
}

/**
 * Interleaved rounds: every round runs every item once, the order rotated by one each round so no
 * contender always runs first (cold page cache, fresh broker) or last (bigger log segments).
 */
export function interleave<T>(items: readonly T[], rounds: number): Array<Slot<T>> {
  const slots: Array<Slot<T>> = [];
  const n = items.length;
  for (let round = 0; round < rounds; round++) {
    for (let position = 0; position < n; position++)
      slots.push({ round, position, item: items[(position + round) % n]! });
  }
  return slots;
}
