import { InvalidHeaderError } from '../errors.js';
import type { HeaderValue, Headers } from '../types.js';

/** Headers in the binding's shape: one single-property object per header, in order. */
export type WireHeaders = Array<Record<string, HeaderValue>>;

/**
 * Checks `headers` and returns them in the binding's shape.
 * The binding skips bad values but still sends the record, and turns lone surrogates into U+FFFD:
 * every name and value is checked here first, so a bad header means nothing is sent.
 */
export function convertHeaders(headers: Headers): WireHeaders {
  if (typeof headers !== 'object' || headers === null || Array.isArray(headers)) {
    throw new InvalidHeaderError('headers must be an object of name -> string | Buffer');
  }
  const out: WireHeaders = [];
  for (const name in headers) {
    if (Object.hasOwn(headers, name)) out.push(wireHeader(name, headers[name]));
  }
  return out;
}

/** One checked header in the binding's shape. */
function wireHeader(name: string, value: unknown): Record<string, HeaderValue> {
  if (name === '' || !name.isWellFormed())
    throw new InvalidHeaderError(`header name ${JSON.stringify(name)} must be a non-empty well-formed string`);
  if (typeof value === 'string') {
    if (!value.isWellFormed())
      throw new InvalidHeaderError(`header "${name}" has a lone surrogate: it cannot be sent as UTF-8`);
  } else if (!Buffer.isBuffer(value)) {
    throw new InvalidHeaderError(
      `header "${name}" must be a string or Buffer, got ${value === null ? 'null' : typeof value}`,
    );
  }
  return { [name]: value };
}

/**
 * Converts headers like {@link convertHeaders}, remembering the last checked value of each name:
 * constant headers (`ce_source`, `ce_type`, `content-type`, …) repeat on every record, so their
 * check and wire object are reused instead of redone per message (the native transport's packer
 * also keys its cache of packed bytes on that object's identity).
 */
export class HeaderConverter {
  readonly #last = new Map<string, { value: HeaderValue; wire: Record<string, HeaderValue>; bytes: number }>();
  /** Bytes (name + value lengths) of the headers the last {@link convert} returned, for the in-flight budget. */
  bytes = 0;

  /** Checks `headers` and returns them in the binding's shape; sets {@link bytes}. */
  convert(headers: Headers): WireHeaders {
    if (typeof headers !== 'object' || headers === null || Array.isArray(headers)) {
      throw new InvalidHeaderError('headers must be an object of name -> string | Buffer');
    }
    const last = this.#last;
    const out: WireHeaders = [];
    let bytes = 0;
    // Entries are updated in place when a name's value changes (ce_id, ce_time): no allocation per message.
    for (const name of Object.keys(headers)) {
      const value = headers[name] as HeaderValue;
      const seen = last.get(name);
      if (seen !== undefined && seen.value === value && typeof value === 'string') {
        out.push(seen.wire);
        bytes += seen.bytes;
        continue;
      }
      const wire = wireHeader(name, value);
      out.push(wire);
      const size = name.length + value.length;
      bytes += size;
      if (typeof value !== 'string') continue;
      if (seen !== undefined) {
        seen.value = value;
        seen.wire = wire;
        seen.bytes = size;
      } else if (last.size < 256) {
        last.set(name, { value, wire, bytes: size });
      }
    }
    this.bytes = bytes;
    return out;
  }
}
