import type { Codec } from '../codec/codec.js';
import { cloudEventHeaders } from './cloud-event-headers.js';

/** How {@link withCloudEvents} describes each message. */
export interface CloudEventsOptions<T> {
  /** URI reference of the producing context, e.g. `/herald/orders-service`. */
  readonly source: string;
  /** The event type, fixed or per message (created / updated / cancelled share a payload). See `eventType()`. */
  readonly type: string | ((message: T) => string);
  /** The event's subject, e.g. `(m) => m.order_id`. */
  readonly subject?: (message: T) => string;
  /** When it happened. @defaultValue now, at the `headers()` call */
  readonly time?: (message: T) => string | Date;
  /**
   * The event id; give one derived from the message to keep ids stable across application-level
   * re-publishes. @defaultValue a fresh UUID per `headers()` call
   */
  readonly id?: (message: T) => string;
  /**
   * URI of the payload's schema.
   * @defaultValue the codec's `schemaId`; `null` sends no `ce_dataschema`
   */
  readonly dataschema?: string | null;
}

/**
 * The same codec with `headers(message)` returning fresh CloudEvents headers for each call: one
 * call per published event (which the publisher makes once, before any retry), so one `ce_id`
 * per event.
 */
export function withCloudEvents<T>(
  codec: Codec<T>,
  options: CloudEventsOptions<T>,
): Codec<T> & { headers(message: T): Record<string, string> } {
  const { source, type, subject, time, id } = options;
  const dataschema = options.dataschema === undefined ? codec.schemaId : options.dataschema;
  const headers = (message: T): Record<string, string> =>
    cloudEventHeaders({
      source,
      type: typeof type === 'string' ? type : type(message),
      ...(id === undefined ? {} : { id: id(message) }),
      ...(time === undefined ? {} : { time: time(message) }),
      ...(subject === undefined ? {} : { subject: subject(message) }),
      ...(dataschema === null ? {} : { dataschema }),
      datacontenttype: codec.contentType,
    });
  return Object.freeze({ ...codec, headers });
}
