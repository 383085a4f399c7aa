// Packs a record's key and headers into one reused buffer in the layout the addon reads (see
// `NativeBinding.produce`), so a record crosses into C as two Buffers and two numbers: no header
// objects for the binding to walk and no per-header allocations.
import type { HeaderValue } from '../types.js';
import type { WireHeaders } from '../internal/headers.js';
import type { MessageKey } from '../types.js';

const NULL_LENGTH = 0xffffffff;
/** Header positions whose packed bytes are remembered; later positions are always packed afresh. */
const CACHED_POSITIONS = 32;

/** A reusable packer; `pack` returns the packed length, valid in `buffer` until the next call. */
export class NativeRecordPacker {
  buffer: Buffer = Buffer.allocUnsafe(16 * 1024);
  // The header converter hands out the same wire object for a header whose value did not change
  // (`ce_source`, `ce_type`, `content-type`, …): per position, the object packed last time and,
  // once it came twice in a row, its packed bytes, copied in one block instead of re-encoded.
  readonly #seen = new Array<Record<string, HeaderValue> | undefined>(CACHED_POSITIONS).fill(undefined);
  readonly #packed = new Array<Buffer | undefined>(CACHED_POSITIONS).fill(undefined);
  #strings = true;

  /** Packs `key` and `headers`; returns how many bytes of `buffer` they took. */
  pack(key: MessageKey, headers: WireHeaders | undefined): number {
    let offset = this.#ensure(0, 8 + (key === null ? 0 : key.length * 3));
    offset = this.#bytes(offset, key);
    const count = headers?.length ?? 0;
    offset = this.buffer.writeUInt32LE(count, offset);
    for (let i = 0; i < count; i++) {
      const header = (headers as WireHeaders)[i] as Record<string, HeaderValue>;
      if (i >= CACHED_POSITIONS) {
        offset = this.#header(offset, header);
        continue;
      }
      if (header !== this.#seen[i]) {
        this.#seen[i] = header;
        this.#packed[i] = undefined;
        offset = this.#header(offset, header);
        continue;
      }
      const packed = this.#packed[i];
      if (packed !== undefined) {
        offset = this.#ensure(offset, packed.length);
        this.buffer.set(packed, offset);
        offset += packed.length;
        continue;
      }
      const start = offset;
      offset = this.#header(offset, header);
      // Only string values: a Buffer value may be changed in place between two sends.
      if (this.#strings) this.#packed[i] = Buffer.from(this.buffer.subarray(start, offset));
    }
    return offset;
  }

  /** Writes one header's name and value; `#strings` then says whether the value was a string. */
  #header(offset: number, header: Record<string, HeaderValue>): number {
    this.#strings = true;
    for (const name in header) {
      const value = header[name] as HeaderValue;
      if (typeof value !== 'string') this.#strings = false;
      offset = this.#ensure(offset, 8 + name.length * 3 + value.length * 3);
      offset = this.#bytes(offset, name);
      offset = this.#bytes(offset, value);
    }
    return offset;
  }

  /** Writes a u32 length and the bytes of `value` (UTF-8 for strings); null writes the null length. */
  #bytes(offset: number, value: string | Buffer | null): number {
    const buffer = this.buffer;
    if (value === null) return buffer.writeUInt32LE(NULL_LENGTH, offset);
    if (typeof value === 'string') {
      const written = buffer.write(value, offset + 4);
      buffer.writeUInt32LE(written, offset);
      return offset + 4 + written;
    }
    buffer.writeUInt32LE(value.length, offset);
    value.copy(buffer, offset + 4);
    return offset + 4 + value.length;
  }

  /** Grows the buffer (keeping `offset` bytes) so `more` bytes fit after `offset`. */
  #ensure(offset: number, more: number): number {
    if (offset + more <= this.buffer.length) return offset;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, offset + more));
    this.buffer.copy(grown, 0, 0, offset);
    this.buffer = grown;
    return offset;
  }
}
