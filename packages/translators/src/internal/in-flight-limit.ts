/**
 * Caps how many operations are outstanding at once. `acquire()` waits for a free slot; each
 * `release()` hands its slot to the next waiter. O(1) per operation (no `Promise.race` over a set),
 * which matters at a million orders.
 */
export class InFlightLimit {
  readonly #max: number;
  readonly #waiting: Array<() => void> = [];
  #active = 0;
  #idle: Array<() => void> = [];

  /** @param max - most slots held at once; a positive integer. */
  constructor(max: number) {
    this.#max = max;
  }

  /** Operations holding a slot. */
  get active(): number {
    return this.#active;
  }

  /** Resolves once a slot is held; pair every call with one {@link release}. */
  acquire(): Promise<void> {
    if (this.#active < this.#max) {
      this.#active++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  /** Frees a slot, or passes it straight to the longest waiter. */
  release(): void {
    const next = this.#waiting.shift();
    if (next !== undefined) {
      next();
      return;
    }
    this.#active--;
    if (this.#active === 0) for (const resolve of this.#idle.splice(0)) resolve();
  }

  /** Resolves when no slot is held. */
  idle(): Promise<void> {
    if (this.#active === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }
}
