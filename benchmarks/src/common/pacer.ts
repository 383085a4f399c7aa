/**
 * How messages are offered: closed loop (as fast as deliveries allow, at most `window` in flight)
 * for throughput, or open loop at a fixed `rate` per second for latency.
 */
export type LoadShape =
  | { readonly kind: 'closed'; readonly window: number }
  | { readonly kind: 'open'; readonly rate: number; readonly maxInFlight: number };

/**
 * Feeds `send(i)` for i = 0..total-1 in the given shape. Call `settled()` from every delivery
 * report; `send` returns false when the client has no room right now (the next delivery retries).
 */
export class Pacer {
  readonly #total: number;
  readonly #shape: LoadShape;
  readonly #send: (i: number) => boolean;
  #next = 0;
  #settled = 0;
  #startedAt = 0;
  #timer: NodeJS.Timeout | undefined;

  constructor(total: number, shape: LoadShape, send: (i: number) => boolean) {
    this.#total = total;
    this.#shape = shape;
    this.#send = send;
  }

  /** Messages handed to the client so far. */
  get sent(): number {
    return this.#next;
  }

  start(): void {
    this.#startedAt = performance.now();
    if (this.#shape.kind === 'open') this.#timer = setInterval(() => this.#pump(), 1);
    this.#pump();
  }

  /** One message settled: room for another in a closed loop. */
  settled(): void {
    this.#settled += 1;
    if (this.#shape.kind === 'closed') this.#pump();
    else if (this.#next >= this.#total) this.stop();
  }

  stop(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  #pump(): void {
    const shape = this.#shape;
    const limit =
      shape.kind === 'closed'
        ? Math.min(this.#total, this.#settled + shape.window)
        : Math.min(
            this.#total,
            this.#settled + shape.maxInFlight,
            Math.floor(((performance.now() - this.#startedAt) * shape.rate) / 1000) + 1,
          );
    while (this.#next < limit) {
      if (!this.#send(this.#next)) return;
      this.#next += 1;
    }
    if (this.#next >= this.#total) this.stop();
  }
}
