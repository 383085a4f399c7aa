import type { Connection, Submittable } from 'pg';

/** The start of every `COPY … (FORMAT binary)` output: signature, flags, header extension length. */
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const HEADER_LENGTH = SIGNATURE.length + 8;
const SLAB_BYTES = 64 * 1024;
const EMPTY = Buffer.alloc(0);
/** Microseconds between the Unix epoch and PostgreSQL's (2000-01-01): timestamps count from it. */
const PG_EPOCH_MS = 946_684_800_000;

/** Output of a `COPY … TO STDOUT (FORMAT binary)` that does not follow the format. */
export class CopyFormatError extends Error {
  constructor(detail: string) {
    super(`unexpected COPY binary output: ${detail}`);
    this.name = 'CopyFormatError';
  }
}

/** What {@link CopyOut} runs and where its tuples go. */
export interface CopyOutOptions<R> {
  /** A `COPY (…) TO STDOUT (FORMAT binary)` statement. */
  readonly text: string;
  /** Fields per tuple; a tuple of another width fails the read. */
  readonly fieldCount: number;
  /** Reads one tuple's fields, in column order. */
  readonly read: (fields: CopyFields) => R;
  /**
   * Receives the tuples in order, `groupSize` at a time as they arrive and the rest when the
   * statement has ended, so the caller works on the first rows while the server sends the last.
   */
  readonly deliver: (rows: R[]) => void;
  readonly groupSize: number;
}

/**
 * Runs `COPY (query) TO STDOUT (FORMAT binary)` on a pg client, handing its tuples to `deliver` as
 * they arrive: `await client.query(new CopyOut(options)).done` resolves with how many it read.
 *
 * The binary format needs no decoding: bytea and text arrive as their bytes, numbers as fixed
 * width integers. pg's own query path has no binary mode for arbitrary bytes (every field becomes
 * a UTF-8 string), so `bytea` would come as hex text and be decoded twice.
 *
 * pg hands each CopyData message's bytes as a view of its parse buffer, which it reuses, so each
 * is copied first: bytes values are views of that copy. PostgreSQL sends a tuple per message, but
 * the protocol does not promise it: a tuple split across messages waits, copied, for the rest.
 * A failure (the server's error, a malformed output, a lost connection) rejects `done`; groups
 * delivered before it stay delivered, and rows read after the last group are dropped.
 */
export class CopyOut<R> implements Submittable {
  readonly done: Promise<number>;
  readonly #o: CopyOutOptions<R>;
  #rows: R[] = [];
  #count = 0;
  readonly #fields = new CopyFields();
  /** Where messages are copied: a new slab when one is full, never reused (values are views of it). */
  #slab: Buffer = EMPTY;
  #slabUsed = 0;
  /** Bytes of an incomplete header or tuple, waiting for the next message. */
  #rest: Buffer | undefined;
  #headerRead = false;
  #ended = false;
  #failure: unknown;
  #resolve!: (count: number) => void;
  #reject!: (error: unknown) => void;
  #settled = false;

  constructor(options: CopyOutOptions<R>) {
    this.#o = options;
    this.done = new Promise((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
  }

  /** Called by pg: the simple query protocol, the one COPY runs on. */
  submit(connection: Connection): void {
    connection.query(this.#o.text);
  }

  handleCopyData(message: { readonly chunk: Buffer }): void {
    if (this.#failure !== undefined) return;
    const rest = this.#rest;
    const data = rest === undefined ? this.#copy(message.chunk) : Buffer.concat([rest, message.chunk]);
    try {
      this.#rest = this.#consume(data);
      if (this.#rows.length >= this.#o.groupSize) this.#deliver();
    } catch (error) {
      // Reported once the server is done with the statement (ReadyForQuery), so the connection
      // goes back to the pool in a known state.
      this.#failure = error;
    }
  }

  #copy(chunk: Buffer): Buffer {
    if (this.#slab.length - this.#slabUsed < chunk.length) {
      // Plain (unpooled) memory the size of many rows; fresh per slab, so rows hold no stale bytes.
      this.#slab = Buffer.allocUnsafeSlow(Math.max(SLAB_BYTES, chunk.length));
      this.#slabUsed = 0;
    }
    const start = this.#slabUsed;
    this.#slabUsed += chunk.copy(this.#slab, start);
    return this.#slab.subarray(start, this.#slabUsed);
  }

  /** Reads every complete tuple of `data`; returns what is left over, if anything. */
  #consume(data: Buffer): Buffer | undefined {
    let pos = 0;
    if (!this.#headerRead) {
      if (data.length < HEADER_LENGTH) return data;
      if (!data.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new CopyFormatError('no PGCOPY signature');
      const end = HEADER_LENGTH + data.readUInt32BE(SIGNATURE.length + 4);
      if (data.length < end) return data;
      this.#headerRead = true;
      pos = end;
    }
    const fields = this.#fields;
    while (pos < data.length) {
      if (this.#ended) throw new CopyFormatError('bytes after the trailer');
      const end = tupleEnd(data, pos);
      if (end === -1) return data.subarray(pos);
      const count = data.readInt16BE(pos);
      if (count === -1) {
        this.#ended = true;
        pos = end;
        continue;
      }
      if (count !== this.#o.fieldCount)
        throw new CopyFormatError(`a tuple of ${count} fields, expected ${this.#o.fieldCount}`);
      fields.at(data, pos + 2);
      this.#rows.push(this.#o.read(fields));
      pos = end;
    }
    return undefined;
  }

  handleCommandComplete(): void {}

  handleReadyForQuery(): void {
    if (this.#failure === undefined && (!this.#ended || this.#rest !== undefined))
      this.#failure = new CopyFormatError('output ended before its trailer');
    if (this.#failure === undefined && this.#rows.length > 0) {
      try {
        this.#deliver();
      } catch (error) {
        this.#failure = error;
      }
    }
    this.#settle(this.#failure);
  }

  #deliver(): void {
    const rows = this.#rows;
    this.#rows = [];
    this.#count += rows.length;
    this.#o.deliver(rows);
  }

  /** A server error, the connection's failure, or pg's read timeout: no ReadyForQuery follows for us. */
  handleError(error: unknown): void {
    this.#settle(error ?? new Error('COPY failed'));
  }

  // A simple query of anything else than COPY TO would get these: refuse them, never hang.
  handleRowDescription(): void {
    this.#failure ??= new CopyFormatError('a row description; the statement is not a COPY TO');
  }

  handleDataRow(): void {}

  handleEmptyQuery(): void {
    this.#failure ??= new CopyFormatError('an empty query');
  }

  /** Never for a COPY TO; answered as pg's own queries do, so the connection stays usable. */
  handleCopyInResponse(connection: Connection & { sendCopyFail(message: string): void }): void {
    this.#failure ??= new CopyFormatError('a COPY FROM');
    connection.sendCopyFail('herald outbox: COPY FROM is not supported here');
  }

  #settle(error: unknown): void {
    if (this.#settled) return;
    this.#settled = true;
    if (error === undefined) this.#resolve(this.#count);
    else this.#reject(error);
  }
}

/** Where the tuple (or trailer) starting at `pos` ends, or -1 when `data` does not hold all of it. */
function tupleEnd(data: Buffer, pos: number): number {
  if (pos + 2 > data.length) return -1;
  const count = data.readInt16BE(pos);
  let at = pos + 2;
  if (count === -1) return at;
  if (count < 0) throw new CopyFormatError(`a tuple of ${count} fields`);
  for (let i = 0; i < count; i++) {
    if (at + 4 > data.length) return -1;
    const length = data.readInt32BE(at);
    if (length < -1) throw new CopyFormatError(`a field of length ${length}`);
    at += 4 + Math.max(length, 0);
    if (at > data.length) return -1;
  }
  return at;
}

/**
 * The fields of one complete tuple, read in column order. Each reader returns the next field's
 * value; `…OrNull` readers return null for SQL NULL, the others throw on it.
 */
export class CopyFields {
  #buf: Buffer = EMPTY;
  #pos = 0;

  /** Points at the first field of a tuple whose bounds {@link tupleEnd} checked. */
  at(buf: Buffer, pos: number): void {
    this.#buf = buf;
    this.#pos = pos;
  }

  /** Length of the next field (-1 for NULL); moves past the length. */
  #length(): number {
    const length = this.#buf.readInt32BE(this.#pos);
    this.#pos += 4;
    return length;
  }

  #fixed(width: number): number {
    const length = this.#length();
    if (length !== width) throw new CopyFormatError(`a ${length}-byte field, expected ${width}`);
    const at = this.#pos;
    this.#pos += width;
    return at;
  }

  /** bytea: a view of the copied message (no further copy). */
  bytesOrNull(): Buffer | null {
    const length = this.#length();
    if (length === -1) return null;
    const start = this.#pos;
    this.#pos += length;
    return this.#buf.subarray(start, this.#pos);
  }

  bytes(): Buffer {
    const value = this.bytesOrNull();
    if (value === null) throw new CopyFormatError('NULL in a NOT NULL column');
    return value;
  }

  /** text, in the client encoding: UTF-8, which pg sets for every connection it opens. */
  text(): string {
    const length = this.#length();
    if (length === -1) throw new CopyFormatError('NULL in a NOT NULL column');
    const start = this.#pos;
    this.#pos += length;
    return this.#buf.toString('utf8', start, this.#pos);
  }

  /** jsonb: a version byte (1), then the JSON text. */
  jsonb(): unknown {
    const length = this.#length();
    if (length < 1 || this.#buf[this.#pos] !== 1) throw new CopyFormatError('a jsonb value of an unknown version');
    const start = this.#pos + 1;
    this.#pos += length;
    return JSON.parse(this.#buf.toString('utf8', start, this.#pos));
  }

  int4(): number {
    return this.#buf.readInt32BE(this.#fixed(4));
  }

  /** bigint or xid8 (both eight bytes, big-endian; xid8 unsigned) as a decimal string. */
  int8Text(unsigned: boolean): string {
    const at = this.#fixed(8);
    const high = this.#buf.readUInt32BE(at);
    // Below 2^53 the number path is exact and allocates no BigInt: every realistic id and xid.
    if (high < 0x200000) return String(high * 0x1_0000_0000 + this.#buf.readUInt32BE(at + 4));
    return (unsigned ? this.#buf.readBigUInt64BE(at) : this.#buf.readBigInt64BE(at)).toString();
  }

  /** timestamptz (microseconds since 2000-01-01 UTC) as Unix epoch milliseconds. */
  timestampMs(): number {
    const at = this.#fixed(8);
    const micros = this.#buf.readInt32BE(at) * 0x1_0000_0000 + this.#buf.readUInt32BE(at + 4);
    return PG_EPOCH_MS + Math.floor(micros / 1000);
  }
}
