// Writes a string exactly as `Buffer.from(JSON.stringify(s))` would, in one pass over its UTF-16
// code units, without building an intermediate string. Escapes follow ECMA-262 QuoteJSONString:
// `"` and `\` escaped, \b \f \n \r \t short forms, other C0 controls and lone surrogates as
// lowercase \u00xx / \udxxx, everything else (DEL, U+2028, U+2029 included) copied as UTF-8.

/** The most bytes one UTF-16 code unit can become (`\u001f`, or a lone surrogate's `\udxxx`). */
export const MAX_BYTES_PER_CODE_UNIT = 6;

const HEX = [48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 97, 98, 99, 100, 101, 102];

/** The second byte of a short escape (`n` for U+000A), or 0 when the unit needs `\u00xx`. */
const SHORT_ESCAPE = new Uint8Array(0x60);
SHORT_ESCAPE[0x08] = 0x62; // \b
SHORT_ESCAPE[0x09] = 0x74; // \t
SHORT_ESCAPE[0x0a] = 0x6e; // \n
SHORT_ESCAPE[0x0c] = 0x66; // \f
SHORT_ESCAPE[0x0d] = 0x72; // \r
SHORT_ESCAPE[0x22] = 0x22; // \"
SHORT_ESCAPE[0x5c] = 0x5c; // \\

function writeUnicodeEscape(b: Buffer, p: number, c: number): number {
  b[p] = 0x5c;
  b[p + 1] = 0x75;
  b[p + 2] = HEX[c >> 12]!;
  b[p + 3] = HEX[(c >> 8) & 15]!;
  b[p + 4] = HEX[(c >> 4) & 15]!;
  b[p + 5] = HEX[c & 15]!;
  return p + 6;
}

function writeEscape(b: Buffer, p: number, c: number): number {
  const short = SHORT_ESCAPE[c]!;
  if (short === 0) return writeUnicodeEscape(b, p, c);
  b[p] = 0x5c;
  b[p + 1] = short;
  return p + 2;
}

/** Strings at least this long are checked with a regex and written natively. */
const NATIVE_MIN_LENGTH = 64;
/** What the native writer would get wrong: escapes, and surrogates (it writes U+FFFD for lone ones). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NEEDS_JS_LOOP = /["\\\u0000-\u001f\ud800-\udfff]/;

/** 1 for the ASCII code units JSON copies as they are: printable, not `"` or `\`. */
const PLAIN_ASCII = new Uint8Array(0x80);
for (let c = 0x20; c < 0x7f; c++) PLAIN_ASCII[c] = c === 0x22 || c === 0x5c ? 0 : 1;
PLAIN_ASCII[0x7f] = 1;

/** The general case, from code unit `i` on: escapes, multi-byte UTF-8, surrogates. */
function writeFrom(b: Buffer, p: number, s: string, i: number): number {
  for (const n = s.length; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if (PLAIN_ASCII[c] === 1) b[p++] = c;
      else p = writeEscape(b, p, c);
    } else if (c < 0x800) {
      b[p] = 0xc0 | (c >> 6);
      b[p + 1] = 0x80 | (c & 0x3f);
      p += 2;
    } else if (c < 0xd800 || c > 0xdfff) {
      b[p] = 0xe0 | (c >> 12);
      b[p + 1] = 0x80 | ((c >> 6) & 0x3f);
      b[p + 2] = 0x80 | (c & 0x3f);
      p += 3;
    } else {
      const d = c < 0xdc00 && i + 1 < n ? s.charCodeAt(i + 1) : 0;
      if (d >= 0xdc00 && d <= 0xdfff) {
        const cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        b[p] = 0xf0 | (cp >> 18);
        b[p + 1] = 0x80 | ((cp >> 12) & 0x3f);
        b[p + 2] = 0x80 | ((cp >> 6) & 0x3f);
        b[p + 3] = 0x80 | (cp & 0x3f);
        p += 4;
        i++;
      } else {
        // A lone surrogate has no UTF-8 form: JSON.stringify escapes it (ES2019 well-formed JSON).
        p = writeUnicodeEscape(b, p, c);
      }
    }
  }
  return p;
}

/**
 * Writes the characters of `s` as they appear between the quotes of a JSON string, at `b[p]`, and
 * returns the end. The caller has reserved `s.length * MAX_BYTES_PER_CODE_UNIT` bytes.
 */
export function writeJsonChars(b: Buffer, p: number, s: string): number {
  const n = s.length;
  // Long text with nothing to escape and no surrogates is exactly what Node's native UTF-8 writer
  // produces; below this length the call costs more than the JS loop saves.
  if (n >= NATIVE_MIN_LENGTH && !NEEDS_JS_LOOP.test(s)) return p + b.write(s, p, 'utf8');
  // Most wire text is short plain ASCII: copy it in a tight loop, and hand the rest of the string
  // to the general loop at the first code unit that needs more. Printable ASCII is 0x20..0x7e: one
  // unsigned compare (which measured faster than a table lookup), then the two that need a backslash.
  let i = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if ((c - 0x20) >>> 0 > 0x5e || c === 0x22 || c === 0x5c) break;
    b[p + i] = c;
  }
  return i === n ? p + n : writeFrom(b, p + i, s, i);
}
