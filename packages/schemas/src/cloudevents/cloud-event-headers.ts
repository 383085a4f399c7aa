import { randomUUID } from 'node:crypto';
import { CloudEventHeadersError } from '../errors/cloud-event-headers-error.js';
import { isRfc3339 } from '../time/rfc3339.js';
import { CLOUDEVENTS_SPEC_VERSION } from './cloud-event-attributes.js';

/** What {@link cloudEventHeaders} needs to describe one event. */
export interface CloudEventInit {
  /** What happened, versioned: see `eventType()`. */
  readonly type: string;
  /** URI reference of the producing context, e.g. `/herald/orders-service`. */
  readonly source: string;
  /**
   * Unique per event within `source`.
   * @defaultValue a fresh `crypto.randomUUID()`
   */
  readonly id?: string;
  /**
   * When it happened: a `Date` or an RFC 3339 string.
   * @defaultValue now
   */
  readonly time?: string | Date;
  /** What it happened to within `source`, e.g. the order id. */
  readonly subject?: string;
  /** URI of the payload's schema, e.g. a codec's `schemaId`. */
  readonly dataschema?: string;
  /**
   * The payload's MIME type, sent as the `content-type` header.
   * @defaultValue 'application/json'
   */
  readonly datacontenttype?: string;
}

// `new Date().toISOString()` costs about a microsecond; under load many events share a millisecond.
let lastMs = Number.NaN;
let lastIso = '';
function nowIso(): string {
  const ms = Date.now();
  if (ms !== lastMs) {
    lastMs = ms;
    lastIso = new Date(ms).toISOString();
  }
  return lastIso;
}

function timeOf(time: string | Date | undefined): string {
  if (time === undefined) return nowIso();
  if (typeof time !== 'string') {
    if (Number.isNaN(time.getTime())) throw new CloudEventHeadersError('CloudEvents time is an invalid Date');
    return time.toISOString();
  }
  // The calendar is checked too: Date.parse would roll 2025-02-30 over to March 2.
  if (!isRfc3339(time)) {
    throw new CloudEventHeadersError(`CloudEvents time must be RFC 3339, got ${JSON.stringify(time)}`);
  }
  return time;
}

/**
 * The Kafka headers of one event in CloudEvents 1.0 binary content mode (Kafka protocol binding):
 * `ce_specversion`, `ce_id`, `ce_source`, `ce_type`, `ce_time`, `content-type`, and `ce_subject` /
 * `ce_dataschema` when given. The payload stays the bare message. Each call without `id`
 * generates a new one: call it once per event, not per send attempt.
 */
export function cloudEventHeaders(init: CloudEventInit): Record<string, string> {
  const missing: string[] = [];
  if (typeof init.type !== 'string' || init.type === '') missing.push('type');
  if (typeof init.source !== 'string' || init.source === '') missing.push('source');
  if (init.id === '') missing.push('id');
  if (missing.length > 0) {
    throw new CloudEventHeadersError(`CloudEvents attributes missing or empty: ${missing.join(', ')}`, missing);
  }
  const headers: Record<string, string> = {
    ce_specversion: CLOUDEVENTS_SPEC_VERSION,
    ce_id: init.id ?? randomUUID(),
    ce_source: init.source,
    ce_type: init.type,
    ce_time: timeOf(init.time),
    'content-type': init.datacontenttype ?? 'application/json',
  };
  if (init.subject !== undefined) headers['ce_subject'] = init.subject;
  if (init.dataschema !== undefined) headers['ce_dataschema'] = init.dataschema;
  return headers;
}
