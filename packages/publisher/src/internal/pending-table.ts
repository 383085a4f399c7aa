/** What the table needs of an entry: its size, for the in-flight byte budget. */
export interface Sized {
  readonly bytes: number;
}

/**
 * Publishes in flight, keyed by a numeric id that travels through librdkafka as the opaque.
 * A preallocated ring indexed by `id & mask` keeps the per-message cost to two array writes (a Map
 * entry per message cost ~2 µs of main-thread time); an id whose slot is still taken by an older,
 * slower record goes to a small overflow map instead.
 */
export class PendingTable<E extends Sized> {
  readonly #mask: number;
  readonly #ids: Float64Array;
  readonly #entries: Array<E | undefined>;
  readonly #overflow = new Map<number, E>();
  #nextId = 1;
  /** Records in flight. */
  count = 0;
  /** Bytes in flight. */
  bytes = 0;

  constructor(capacityHint: number) {
    let size = 1024;
    while (size < capacityHint * 2 && size < 1 << 20) size *= 2;
    this.#mask = size - 1;
    this.#ids = new Float64Array(size);
    this.#entries = new Array<E | undefined>(size).fill(undefined);
  }

  /** The id the next `add` returns: every id below it was handed out before now. */
  get nextId(): number {
    return this.#nextId;
  }

  /** Tracks `entry` and returns its id. */
  add(entry: E): number {
    const id = this.#nextId++;
    const slot = id & this.#mask;
    if (this.#entries[slot] === undefined) {
      this.#entries[slot] = entry;
      this.#ids[slot] = id;
    } else {
      this.#overflow.set(id, entry);
    }
    this.count += 1;
    this.bytes += entry.bytes;
    return id;
  }

  /** Removes and returns the entry for `id`, or undefined when it was already settled. */
  take(id: number): E | undefined {
    const slot = id & this.#mask;
    let entry: E | undefined;
    if (this.#ids[slot] === id && this.#entries[slot] !== undefined) {
      entry = this.#entries[slot];
      this.#entries[slot] = undefined;
      this.#ids[slot] = 0;
    } else {
      entry = this.#overflow.get(id);
      if (entry === undefined) return undefined;
      this.#overflow.delete(id);
    }
    this.count -= 1;
    this.bytes -= entry.bytes;
    return entry;
  }

  /** Removes and returns every entry (oldest ids first), e.g. to fail them all after a fatal error. */
  drain(): Array<E> {
    const all: Array<[number, E]> = [];
    for (let slot = 0; slot < this.#entries.length; slot++) {
      const entry = this.#entries[slot];
      if (entry !== undefined) all.push([this.#ids[slot] as number, entry]);
    }
    for (const pair of this.#overflow) all.push(pair);
    all.sort((a, b) => a[0] - b[0]);
    this.#entries.fill(undefined);
    this.#ids.fill(0);
    this.#overflow.clear();
    this.count = 0;
    this.bytes = 0;
    return all.map(([, entry]) => entry);
  }
}
