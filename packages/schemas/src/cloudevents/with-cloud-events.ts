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
   * @defaultValue the encoder's `schemaId` (none when it has none); `null` sends no `ce_dataschema`
   */
  readonly dataschema?: string | null;
}

/**
 * What {@link withCloudEvents} can wrap: anything with a codec's `encode`, such as a generated
 * `Codec<T>` or a team's hand-written encoder. `schemaId` and `contentType` are read when present.
 */
export interface CloudEventsEncoder<T> {
  encode(message: T): Uint8Array;
  /** Sent as `ce_dataschema` unless `options.dataschema` says otherwise. */
  readonly schemaId?: string | undefined;
  /** Sent as `content-type`. @defaultValue 'application/json' */
  readonly contentType?: string | undefined;
  /** Headers the encoder adds itself; kept, with the CloudEvents ones winning a name they share. */
  readonly headers?: ((message: T) => Readonly<Record<string, string | Uint8Array>>) | undefined;
}

/** The message type an encoder's `encode` takes. */
export type EncodedMessage<E> = E extends { encode(message: infer T): unknown } ? T : never;

/** The value type of the headers `E` adds itself, if any (string when it adds none). */
type OwnHeaderValue<E> = 'headers' extends keyof E
  ? NonNullable<E['headers' & keyof E]> extends (message: never) => infer H
    ? H[keyof H]
    : never
  : never;

/** What {@link withCloudEvents} returns: every member of `E`, and `headers` giving CloudEvents headers. */
export type WithCloudEvents<E> = Omit<E, 'headers'> & {
  headers(message: EncodedMessage<E>): Record<string, string | OwnHeaderValue<E>>;
};

/** The encoder's members (own and inherited), methods bound to it, so a class instance works too. */
function members(encoder: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (
    let o: object | null = encoder;
    o !== null && o !== Object.prototype;
    o = Object.getPrototypeOf(o) as object | null
  ) {
    for (const key of Object.getOwnPropertyNames(o)) {
      if (key === 'constructor' || key in out) continue;
      const value: unknown = (encoder as Record<string, unknown>)[key];
      out[key] = typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(encoder) : value;
    }
  }
  return out;
}

/**
 * The same encoder with `headers(message)` returning fresh CloudEvents headers for each call: one
 * call per published event (which the publisher makes once, before any retry), so one `ce_id`
 * per event. Works on any encoder (a generated codec, a hand-written one): the result keeps its
 * members and types, e.g. a `Codec<T>` stays a `Codec<T>` with `decode`, `validate` and `is`.
 */
export function withCloudEvents<T, E extends CloudEventsEncoder<T>>(
  encoder: E & CloudEventsEncoder<T>,
  options: CloudEventsOptions<T>,
): WithCloudEvents<E> {
  const { source, type, subject, time, id } = options;
  const dataschema = options.dataschema === undefined ? encoder.schemaId : (options.dataschema ?? undefined);
  const contentType = encoder.contentType;
  const own = encoder.headers?.bind(encoder);
  const headers = (message: T): Record<string, string | Uint8Array> => {
    const cloudEvent = cloudEventHeaders({
      source,
      type: typeof type === 'string' ? type : type(message),
      ...(id === undefined ? {} : { id: id(message) }),
      ...(time === undefined ? {} : { time: time(message) }),
      ...(subject === undefined ? {} : { subject: subject(message) }),
      ...(dataschema === undefined ? {} : { dataschema }),
      ...(contentType === undefined ? {} : { datacontenttype: contentType }),
    });
    return own === undefined ? cloudEvent : { ...own(message), ...cloudEvent };
  };
  return Object.freeze({ ...members(encoder), headers }) as unknown as WithCloudEvents<E>;
}
