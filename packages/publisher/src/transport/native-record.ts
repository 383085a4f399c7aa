// Packs a record's key and headers into one reused buffer in the layout the addon reads (see
// `NativeBinding.produce`), so a record crosses into C as two Buffers and two numbers: no header
// objects for the binding to walk and no per-header allocations.
import type { HeaderValue } from '../types.js';
import type { WireHeaders } from '../internal/headers.js';
import type { MessageKey } from '../types.js';

const NULL_LENGTH = 0xffffffff;

/** A reusable packer; `pack` returns the packed length, valid in `buffer` until the next call. */
export class NativeRecordPacker {
  buffer: Buffer = Buffer.allocUnsafe(16 * 1024);

  /** Packs `key` and `headers`; returns how many bytes of `buffer` they took. */
  pack(key: MessageKey, headers: WireHeaders | undefined): number {
    let offset = this.#ensure(0, 8 + (key === null ? 0 : key.length * 3));
    offset = this.#bytes(offset, key);
    const count = headers?.length ?? 0;
    offset = this.buffer.writeUInt32LE(count, offset);
    for (let i = 0; i < count; i++) {
      const header = (headers as WireHeaders)[i] as Record<string, HeaderValue>;
      for (const name in header) {
        const value = header[name] as HeaderValue;
        offset = this.#ensure(offset, 8 + name.length * 3 + value.length * 3);
        offset = this.#bytes(offset, name);
        offset = this.#bytes(offset, value);
      }
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
