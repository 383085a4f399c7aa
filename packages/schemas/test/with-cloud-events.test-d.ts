// withCloudEvents keeps the wrapped encoder's type: a codec stays a codec, a hand-written encoder
// keeps its own members, and `headers` takes the encoder's message type.
import { describe, expectTypeOf, it } from 'vitest';
import { orderEventMessageV1Codec, withCloudEvents } from '../src/index.js';
import type { Codec, OrderEventMessage } from '../src/index.js';

// The shape @herald/publisher accepts as a codec (its `EventEncoder<T>`; docs/examples checks the real one).
type Headers = Readonly<Record<string, string | Buffer>>;
interface EventEncoder<T> {
  encode(event: T): Buffer;
  readonly encodeTransient?: ((event: T) => Buffer) | undefined;
  readonly headers?: ((event: T) => Headers) | undefined;
}

interface Ping {
  readonly at: number;
}

class PingEncoder {
  readonly schemaId = 'urn:acme:ping:v1';
  encode(message: Ping): Buffer {
    return Buffer.from(JSON.stringify(message));
  }
  size(message: Ping): number {
    return this.encode(message).length;
  }
}

describe('withCloudEvents types', () => {
  it('keeps a codec a Codec<T> with string headers', () => {
    const codec = withCloudEvents(orderEventMessageV1Codec, { source: 's', type: (m) => m.order_id });
    expectTypeOf(codec).toExtend<Codec<OrderEventMessage>>();
    expectTypeOf<(typeof codec)['decode']>().returns.toEqualTypeOf<OrderEventMessage>();
    expectTypeOf<(typeof codec)['headers']>().parameter(0).toEqualTypeOf<OrderEventMessage>();
    expectTypeOf<(typeof codec)['headers']>().returns.toEqualTypeOf<Record<string, string>>();
  });

  it('keeps the members of a hand-written encoder and infers its message type', () => {
    const encoder = withCloudEvents(new PingEncoder(), { source: 's', type: 't', subject: (m) => String(m.at) });
    expectTypeOf<(typeof encoder)['size']>().toEqualTypeOf<(message: Ping) => number>();
    expectTypeOf<(typeof encoder)['encode']>().returns.toEqualTypeOf<Buffer>();
    expectTypeOf<(typeof encoder)['headers']>().parameter(0).toEqualTypeOf<Ping>();
    expectTypeOf(encoder).toExtend<EventEncoder<Ping>>();
    // @ts-expect-error: a Ping has no order_id
    withCloudEvents(new PingEncoder(), { source: 's', type: (m) => m.order_id }); // eslint-disable-line @typescript-eslint/no-unsafe-return -- the point: it does not type-check
  });

  it('keeps Buffer values of an encoder that adds its own headers', () => {
    const base: EventEncoder<Ping> = {
      encode: (m) => Buffer.from(JSON.stringify(m)),
      headers: (): Headers => ({ trace: Buffer.from('x') }),
    };
    const encoder = withCloudEvents(base, { source: 's', type: 't' });
    expectTypeOf<(typeof encoder)['headers']>().returns.toEqualTypeOf<Record<string, string | Buffer>>();
    expectTypeOf(encoder).toExtend<EventEncoder<Ping>>();
  });
});
