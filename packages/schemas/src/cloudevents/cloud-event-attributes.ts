/** The CloudEvents specification version these headers follow. */
export const CLOUDEVENTS_SPEC_VERSION = '1.0';

/** CloudEvents 1.0 context attributes of one event, as read back from Kafka headers. */
export interface CloudEventAttributes {
  readonly specversion: typeof CLOUDEVENTS_SPEC_VERSION;
  /** Unique per event within its `source`; consumers de-duplicate on (`source`, `id`). */
  readonly id: string;
  /** URI reference of the producing context, e.g. `/herald/orders-service`. */
  readonly source: string;
  /** What happened, versioned, e.g. `com.herald.order.created.v1`. */
  readonly type: string;
  /** When it happened, RFC 3339. */
  readonly time?: string;
  /** What it happened to within `source`, e.g. the order id. */
  readonly subject?: string;
  /** URI of the payload's schema, e.g. `urn:herald:schema:order-event:v1`. */
  readonly dataschema?: string;
  /** The payload's MIME type, from the `content-type` header. */
  readonly datacontenttype?: string;
  /** Any other `ce_*` headers, by attribute name (without the prefix). */
  readonly extensions: Readonly<Record<string, string>>;
}
