import { createRecordBuilder } from './internal/record-builder.js';
import { resolveRecordOptions } from './options.js';
import type { RecordOptions } from './options.js';
import type { HeaderValue, Headers, MessageKey, PublishOptions } from './types.js';

/**
 * One event as the record {@link createPublisher} would send for it, minus the trace context the
 * publisher adds at send time. Safe to keep: `value` is owned by the caller.
 */
export interface EncodedRecord {
  readonly topic: string;
  readonly key: MessageKey;
  readonly value: Buffer;
  /** Codec, option and per-call headers merged (later sources win on equal names). */
  readonly headers: Headers;
}

/**
 * Builds records by the publisher's own rules (validation, topic/route, key, header merging and
 * checks) without sending them: for code that stores records to send later, like the outbox.
 *
 * @throws {InvalidOptionsError} when the options are invalid.
 * @returns a function that throws the same typed error as `publish()` for an event it cannot send.
 */
export function createRecordEncoder<T>(options: RecordOptions<T>): (event: T, call?: PublishOptions) => EncodedRecord {
  // keepBytes: the caller keeps the value, so it must not live in the codec's reused buffer.
  const build = createRecordBuilder(resolveRecordOptions(options), true);
  return (event, call) => {
    const record = build(event, call);
    const headers: Record<string, HeaderValue> = {};
    if (record.headers !== undefined) for (const header of record.headers) Object.assign(headers, header);
    return { topic: record.topic, key: record.key, value: record.value, headers };
  };
}
