import { readHeaders } from '@herald/headers';
import type { ConsumedHeaders, ConsumedHeaderValue } from '@herald/headers';
import { CloudEventHeadersError } from '../errors/cloud-event-headers-error.js';
import { CLOUDEVENTS_SPEC_VERSION } from './cloud-event-attributes.js';
import type { CloudEventAttributes } from './cloud-event-attributes.js';

/** One header value as Kafka clients hand them out. */
export type KafkaHeaderValue = ConsumedHeaderValue;

/**
 * Record headers as consumers receive them: a record (KafkaJS style, a repeated header as an
 * array) or a list of single-entry records (the native `@confluentinc/kafka-javascript` style).
 */
export type KafkaHeadersInput = ConsumedHeaders;

const REQUIRED = ['specversion', 'id', 'source', 'type'] as const;
/**
 * Reads the CloudEvents 1.0 attributes of a record in binary content mode. Throws
 * `CloudEventHeadersError` naming every missing required attribute (`specversion`, `id`,
 * `source`, `type`), or when `specversion` is not `1.0`.
 */
export function parseCloudEventHeaders(headers: KafkaHeadersInput): CloudEventAttributes {
  // Herald's one header rule (@herald/headers): names as sent, the last of a repeated header wins.
  const all = readHeaders(headers);
  const attributes = new Map<string, string>();
  for (const [name, value] of all) if (name.startsWith('ce_')) attributes.set(name.slice(3), value);
  const missing = REQUIRED.filter((name) => (attributes.get(name) ?? '') === '');
  if (missing.length > 0) {
    throw new CloudEventHeadersError(
      `CloudEvents headers missing required attributes: ${missing.map((m) => `ce_${m}`).join(', ')}`,
      missing,
    );
  }
  const specversion = attributes.get('specversion');
  if (specversion !== CLOUDEVENTS_SPEC_VERSION) {
    throw new CloudEventHeadersError(
      `unsupported CloudEvents specversion ${JSON.stringify(specversion)}: expected "1.0"`,
    );
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
