/**
 * Where a generated writer puts its bytes: `buf[start..]`, grown on demand. A writer reserves
 * room before each run of writes with
 * `if (p + n > b.length) { p = sink.grow(p, n); b = sink.buf; dv = sink.view; }`, so the writing
 * loops themselves never check bounds.
 */
export interface ByteSink {
  /** The buffer being written; replaced by {@link ByteSink.grow}. */
  buf: Buffer;
  /** A DataView of all of {@link ByteSink.buf} (constants are written through it four bytes at a time); replaced with it. */
  view: DataView;
  /** Where the current message starts in {@link ByteSink.buf}. */
  start: number;
  /** Moves the message written so far (`buf[start..p)`) into a buffer with room for `need` more bytes; returns the new `p`. */
  grow(p: number, need: number): number;
}

/** Bytes per slab for small messages: carved out of one slab, like Node's own `Buffer` pool. */
const SLAB_BYTES = 16 * 1024;
/** Largest slab: bigger messages take the grow path and get an exact-size copy. */
const MAX_SLAB_BYTES = 1024 * 1024;
/** Start a new slab rather than write a message into less room than this (it would likely have to move). */
const MIN_FREE_BYTES = 2 * 1024;
/** A scratch buffer larger than this is dropped after use rather than kept for the next message. */
const MAX_KEPT_BYTES = 1024 * 1024;

/** A DataView of all of `buf`. */
function viewOf(buf: Buffer): DataView {
  return new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
}

function nextSize(used: number, need: number): number {
  let size = SLAB_BYTES;
  while (size < (used + need) * 2) size *= 2;
  return size;
}

/** A slab that holds at least four messages the size of the last one. */
function slabSize(lastBytes: number): number {
  let size = SLAB_BYTES;
  while (size < lastBytes * 4 && size < MAX_SLAB_BYTES) size *= 2;
  return size;
}

/**
 * Hands out messages the caller owns: each is a view of a slab region that is never written again.
 * A slab is freed by the GC once no message view of it is alive.
 */
export class SlabSink implements ByteSink {
  buf: Buffer = Buffer.allocUnsafeSlow(SLAB_BYTES);
  view: DataView = viewOf(this.buf);
  start = 0;
  /** Set by {@link grow}: the message outgrew its slab. */
  private grown = false;
  /** Size of the last message, to predict the next one. */
  private lastBytes = 0;

  /** Prepares for the next message. */
  begin(): void {
    // Leave room for a message like the last one (plus a quarter), so it rarely has to move; and
    // never keep writing into a buffer an abandoned (invalid) message grew.
    const want = Math.max(MIN_FREE_BYTES, this.lastBytes + (this.lastBytes >> 2));
    if (this.grown || this.buf.length - this.start < want) {
      this.buf = Buffer.allocUnsafeSlow(slabSize(this.lastBytes));
      this.view = viewOf(this.buf);
      this.start = 0;
      this.grown = false;
    }
  }

  grow(p: number, need: number): number {
    const used = p - this.start;
    const next = Buffer.allocUnsafeSlow(nextSize(used, need));
    this.buf.copy(next, 0, this.start, p);
    this.buf = next;
    this.view = viewOf(next);
    this.start = 0;
    this.grown = true;
    return used;
  }

  /** Takes the finished message `buf[start..end)`; later messages never touch its bytes. */
  commit(end: number): Buffer {
    const bytes = end - this.start;
    if (this.grown) {
      // A message that outgrew its slab gets an exact-size copy, so it does not pin the oversized
      // buffer; the next message starts a fresh slab (begin sees `grown`), sized for this one
      // unless it is an outlier too big to pool.
      if (bytes <= MAX_SLAB_BYTES / 4) this.lastBytes = bytes;
      return Buffer.from(this.buf.subarray(this.start, end));
    }
    this.lastBytes = bytes;
    const out = this.buf.subarray(this.start, end);
    this.start = end;
    return out;
  }
}

/** One reused buffer: each message overwrites the previous one. */
export class ScratchSink implements ByteSink {
  buf: Buffer = Buffer.allocUnsafeSlow(SLAB_BYTES);
  view: DataView = viewOf(this.buf);
  start = 0;

  /** Prepares for the next message, which overwrites the last. */
  begin(): void {
    this.start = 0;
  }

  grow(p: number, need: number): number {
    const next = Buffer.allocUnsafeSlow(nextSize(p, need));
    this.buf.copy(next, 0, 0, p);
    this.buf = next;
    this.view = viewOf(next);
    return p;
  }

  /** The finished message `buf[0..end)`, valid until the next message is written. */
  commit(end: number): Buffer {
    const out = this.buf.subarray(0, end);
    // Keep a grown buffer for the next message unless it is huge: one 50 MB order must not pin 64 MB.
    if (this.buf.length > MAX_KEPT_BYTES) {
      this.buf = Buffer.allocUnsafeSlow(SLAB_BYTES);
      this.view = viewOf(this.buf);
    }
    return out;
  }
}
