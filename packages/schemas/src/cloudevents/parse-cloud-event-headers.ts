import { CloudEventHeadersError } from '../errors/cloud-event-headers-error.js';
import { CLOUDEVENTS_SPEC_VERSION } from './cloud-event-attributes.js';
import type { CloudEventAttributes } from './cloud-event-attributes.js';

/** One header value as Kafka clients hand them out. */
export type KafkaHeaderValue = string | Uint8Array;

/**
 * Record headers as consumers receive them: a record (KafkaJS style, a repeated header as an
 * array) or a list of single-entry records (the native `@confluentinc/kafka-javascript` style).
 */
export type KafkaHeadersInput =
  | Readonly<Record<string, KafkaHeaderValue | readonly KafkaHeaderValue[] | undefined>>
  | ReadonlyArray<Readonly<Record<string, KafkaHeaderValue>>>;

const REQUIRED = ['specversion', 'id', 'source', 'type'] as const;
const utf8 = new TextDecoder();

function text(value: KafkaHeaderValue): string {
  return typeof value === 'string' ? value : utf8.decode(value);
}

function isList(headers: KafkaHeadersInput): headers is ReadonlyArray<Readonly<Record<string, KafkaHeaderValue>>> {
  return Array.isArray(headers);
}

/** Flattens either input shape to name → last value (a repeated header's last value wins). */
function flatten(headers: KafkaHeadersInput): Map<string, string> {
  const out = new Map<string, string>();
  const records: ReadonlyArray<Readonly<Record<string, KafkaHeaderValue | readonly KafkaHeaderValue[] | undefined>>> = isList(headers) ? headers : [headers];
  for (const [name, value] of records.flatMap((record) => Object.entries(record))) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      const values = value as readonly KafkaHeaderValue[];
      const last = values[values.length - 1];
      if (last !== undefined) out.set(name, text(last));
    } else {
      out.set(name, text(value as KafkaHeaderValue));
    }
  }
  return out;
}

/**
 * Reads the CloudEvents 1.0 attributes of a record in binary content mode. Throws
 * `CloudEventHeadersError` naming every missing required attribute (`specversion`, `id`,
 * `source`, `type`), or when `specversion` is not `1.0`.
 */
export function parseCloudEventHeaders(headers: KafkaHeadersInput): CloudEventAttributes {
  const all = flatten(headers);
  const attributes = new Map<string, string>();
  for (const [name, value] of all) if (name.startsWith('ce_')) attributes.set(name.slice(3), value);
  const missing = REQUIRED.filter((name) => (attributes.get(name) ?? '') === '');
  if (missing.length > 0) {
    throw new CloudEventHeadersError(`CloudEvents headers missing required attributes: ${missing.map((m) => `ce_${m}`).join(', ')}`, missing);
  }
  const specversion = attributes.get('specversion');
  if (specversion !== CLOUDEVENTS_SPEC_VERSION) {
    throw new CloudEventHeadersError(`unsupported CloudEvents specversion ${JSON.stringify(specversion)}: expected "1.0"`);
  }
  const known = new Set<string>([...REQUIRED, 'time', 'subject', 'dataschema']);
  const extensions = Object.fromEntries([...attributes].filter(([name]) => !known.has(name)));
  const optional = (name: string): string | undefined => attributes.get(name);
  const time = optional('time');
  const subject = optional('subject');
  const dataschema = optional('dataschema');
  const datacontenttype = all.get('content-type');
  return {
    specversion,
    id: attributes.get('id')!,
    source: attributes.get('source')!,
    type: attributes.get('type')!,
    ...(time === undefined ? {} : { time }),
    ...(subject === undefined ? {} : { subject }),
    ...(dataschema === undefined ? {} : { dataschema }),
    ...(datacontenttype === undefined ? {} : { datacontenttype }),
    extensions,
  };
}
