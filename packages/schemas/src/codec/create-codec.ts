import { SchemaDecodeError } from '../errors/schema-decode-error.js';
import { toIssues } from '../errors/schema-issue.js';
import { SchemaValidationError } from '../errors/schema-validation-error.js';
import { ScratchSink, SlabSink } from '../internal/byte-sink.js';
import type { Codec, CodecOptions, ValidationResult } from './codec.js';
import type { CodecSpec, UnionTag, ValidatorError } from './codec-spec.js';

const CONTENT_TYPE = 'application/json';

/** The slow path's verdict: the plain copy to encode, or the validator's errors. */
type Checked =
  { readonly ok: true; readonly plain: unknown } | { readonly ok: false; readonly errors: readonly ValidatorError[] };

/**
 * typia reports a union no branch of which matched as just the union's name: add the tag values
 * it allows, e.g. `(Card | Invoice) (method: "card" | "invoice")`. (A value whose tag selects a
 * branch is reported inside that branch, at the offending property.)
 */
function unionExplainer(unions: readonly UnionTag[]): (error: ValidatorError) => ValidatorError {
  if (unions.length === 0) return (error) => error;
  // typia names a union's members in declaration order here and in sorted order there: compare sets.
  const key = (name: string): string =>
    name
      .replace(/^\((.*)\)$/, '$1')
      .split(' | ')
      .sort()
      .join(' | ');
  const byName = new Map(unions.map((u) => [key(u.expected), u]));
  return (error) => {
    const union = byName.get(key(error.expected));
    if (union === undefined) return error;
    const allowed = union.values.map((v) => JSON.stringify(v)).join(' | ');
    return { ...error, expected: `${error.expected} (${union.tag}: ${allowed})` };
  };
}

/**
 * Builds a codec from a message's generated writer and typia validator. Valid plain data takes
 * the generated single pass; anything it declines is judged by typia, twice: on the input as
 * given (so extra properties are reported) and on its plain snapshot (so holes and getters are
 * judged as they would be encoded).
 */
export function createCodec<T>(spec: CodecSpec<T>, options: CodecOptions = {}): Codec<T> {
  const redact = options.redactValues ?? false;
  const owned = new SlabSink();
  const transient = new ScratchSink();
  const probe = new ScratchSink();
  const utf8 = new TextDecoder('utf-8', { fatal: true });

  const check = (input: unknown): Checked => {
    const given = spec.validate(input);
    if (!given.success) return { ok: false, errors: given.errors };
    const plain = spec.snapshot(input);
    const copied = spec.validate(plain);
    return copied.success ? { ok: true, plain } : { ok: false, errors: copied.errors };
  };

  const explain = unionExplainer(spec.unions ?? []);
  const issues = (errors: readonly ValidatorError[]) => toIssues(errors.map(explain), redact);
  const invalid = (errors: readonly ValidatorError[]): SchemaValidationError =>
    new SchemaValidationError(spec.name, issues(errors), redact);

  // Off the fast path: typia judges, then the plain snapshot is written.
  const encodeChecked = (sink: SlabSink | ScratchSink, message: unknown): Buffer => {
    const checked = check(message);
    if (!checked.ok) throw invalid(checked.errors);
    sink.begin();
    const plainEnd = spec.write(checked.plain, sink);
    if (plainEnd >= 0) return sink.commit(plainEnd);
    // Valid, but something the writer cannot vouch for remains (a toJSON on Object.prototype):
    // JSON.stringify is the reference output, so use it.
    return Buffer.from(JSON.stringify(checked.plain));
  };

  const decodeText = (payload: Uint8Array | string): string => {
    if (typeof payload === 'string') return payload;
    try {
      return utf8.decode(payload);
    } catch (error) {
      throw new SchemaDecodeError(spec.name, payload.byteLength, 'malformed UTF-8', redact ? undefined : error);
    }
  };

  const validate = (input: unknown): ValidationResult<T> => {
    const checked = check(input);
    return checked.ok ? { success: true, data: input as T } : { success: false, issues: issues(checked.errors) };
  };

  const codec: Codec<T> = {
    name: spec.name,
    schemaId: spec.schemaId,
    contentType: CONTENT_TYPE,
    // Two copies of the fast path, so each call site sees one sink class.
    encode: (message) => {
      owned.begin();
      const end = spec.write(message, owned);
      return end >= 0 ? owned.commit(end) : encodeChecked(owned, message);
    },
    encodeTransient: (message) => {
      transient.begin();
      const end = spec.write(message, transient);
      return end >= 0 ? transient.commit(end) : encodeChecked(transient, message);
    },
    validate,
    is: (input): input is T => {
      probe.begin();
      return spec.write(input, probe) >= 0 || check(input).ok;
    },
    decode: (payload) => {
      const text = decodeText(payload);
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (error) {
        const bytes = typeof payload === 'string' ? Buffer.byteLength(payload) : payload.byteLength;
        // V8's syntax errors quote the payload around the fault: keep them out when redacting.
        const reason = redact ? 'syntax error' : error instanceof Error ? error.message : String(error);
        throw new SchemaDecodeError(spec.name, bytes, reason, redact ? undefined : error);
      }
      const result = spec.validate(parsed);
      if (!result.success) throw invalid(result.errors);
      return result.data;
    },
  };
  return Object.freeze(codec);
}
