import { describe, expect, it } from 'vitest';
import {
  createPublisher,
  DeliveryTimeoutError,
  EncodeError,
  HeraldError,
  InvalidHeaderError,
  InvalidKeyError,
  InvalidTopicError,
  PublisherError,
  TopicAuthorizationError,
} from '../../src/index.js';
import { fakeTransports, jsonCodec, memoryLogger } from '../support/fake-transport.js';

type Event = { id: string; kind?: string };

function setup(overrides: Record<string, unknown> = {}) {
  const transports = fakeTransports();
  const publisher = createPublisher<Event>({
    brokers: '127.0.0.1:9092',
    topic: 'orders',
    codec: jsonCodec,
    key: (e) => e.id,
    logger: memoryLogger(),
    transport: transports.factory,
    ...overrides,
  });
  return { publisher, transports };
}

const tick = () => new Promise((r) => setImmediate(r));

// What a translators or schemas error looks like to the publisher: a Herald error of another package.
const domainError = new HeraldError('DOMAIN_VALIDATION', 'order o-1 is bad', { retriable: false });

describe('publish', () => {
  it('resolves with the broker report once the record is acked', async () => {
    const { publisher, transports } = setup();
    const delivered = publisher.publish({ id: 'o-1' });
    await tick();
    expect(transports.last.produced).toHaveLength(1);
    expect(transports.last.produced[0]).toMatchObject({ topic: 'orders', key: 'o-1' });
    expect(transports.last.produced[0]?.value.toString()).toBe('{"id":"o-1"}');
    expect(publisher.pending).toBe(1);
    transports.last.ack();
    await expect(delivered).resolves.toEqual({ topic: 'orders', partition: 0, offset: 0, timestamp: 1234, key: 'o-1' });
    expect(publisher.pending).toBe(0);
  });

  it('routes each event to the topic route(event) names', async () => {
    const { publisher, transports } = setup({ topic: undefined, route: (e: Event) => `orders.${e.kind ?? 'x'}` });
    void publisher.publish({ id: '1', kind: 'created' });
    void publisher.publish({ id: '2', kind: 'cancelled' });
    await tick();
    expect(transports.last.produced.map((r) => r.topic)).toEqual(['orders.created', 'orders.cancelled']);
  });

  it('merges static, codec and per-call headers, later ones winning', async () => {
    const codec = { ...jsonCodec, headers: () => ({ ce_type: 'from-codec', ce_id: 'c' }) };
    const { publisher, transports } = setup({ codec, headers: { team: 'shop', ce_type: 'static' } });
    void publisher.publish({ id: '1' }, { headers: { ce_id: 'call' } });
    await tick();
    const headers = Object.assign({}, ...(transports.last.produced[0]?.headers ?? [])) as Record<string, string>;
    expect(headers).toEqual({ ce_type: 'static', ce_id: 'call', team: 'shop' });
  });

  it.each([
    ['an invalid event', { id: 1 }, {}, EncodeError, 'ENCODE_FAILED'],
    ['a numeric key', { id: 'a' }, { key: 42 }, InvalidKeyError, 'INVALID_KEY'],
    ['a key with a lone surrogate', { id: 'a' }, { key: 'a\ud800' }, InvalidKeyError, 'INVALID_KEY'],
    ['a null header value', { id: 'a' }, { headers: { h: null } }, InvalidHeaderError, 'INVALID_HEADER'],
    ['a numeric header value', { id: 'a' }, { headers: { h: 7 } }, InvalidHeaderError, 'INVALID_HEADER'],
    ['an empty header name', { id: 'a' }, { headers: { '': 'v' } }, InvalidHeaderError, 'INVALID_HEADER'],
    ['an invalid topic name', { id: 'a' }, { topic: 'no spaces' }, InvalidTopicError, 'INVALID_TOPIC'],
  ])('rejects %s with a typed error and sends nothing', async (_name, event, call, ErrorClass, code) => {
    const { publisher, transports } = setup();
    const error = await publisher.publish(event as Event, call as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({ code, retriable: false, outcome: 'not-written' });
    expect(HeraldError.is(error)).toBe(true);
    expect(PublisherError.is(error)).toBe(true);
    await tick();
    expect(transports.all.flatMap((t) => t.produced)).toHaveLength(0);
    // The publisher stays usable.
    const ok = publisher.publish({ id: 'next' });
    await tick();
    transports.last.ack();
    await expect(ok).resolves.toMatchObject({ key: 'next' });
  });

  it.each([
    [
      'key(event)',
      {
        key: () => {
          throw domainError;
        },
      },
      InvalidKeyError,
    ],
    [
      'route(event)',
      {
        topic: undefined,
        route: () => {
          throw domainError;
        },
      },
      InvalidTopicError,
    ],
    [
      'codec.encode(event)',
      {
        codec: {
          encode: () => {
            throw domainError;
          },
        },
      },
      EncodeError,
    ],
    [
      'headers(event)',
      {
        headers: () => {
          throw domainError;
        },
      },
      InvalidHeaderError,
    ],
  ])(
    'wraps an error of another Herald package thrown by %s, keeping it as cause',
    async (what, overrides, ErrorClass) => {
      const { publisher, transports } = setup(overrides);
      const error = await publisher.publish({ id: 'a' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ErrorClass);
      expect(error).toMatchObject({ retriable: false, outcome: 'not-written', cause: domainError });
      expect((error as Error).message).toBe(`${what} threw: order o-1 is bad`);
      await tick();
      expect(transports.all.flatMap((t) => t.produced)).toHaveLength(0);
    },
  );

  it('never mutates the event or the per-call options', async () => {
    const { publisher, transports } = setup();
    const event = Object.freeze({ id: 'o-1' });
    const call = Object.freeze({ headers: Object.freeze({ a: 'b' }) });
    const delivered = publisher.publish(event, call);
    await tick();
    transports.last.ack();
    await delivered;
    expect(event).toEqual({ id: 'o-1' });
    expect(call).toEqual({ headers: { a: 'b' } });
  });

  it('settles a timed-out delivery as unknown outcome and an authorization failure as not written', async () => {
    const { publisher, transports } = setup();
    const first = publisher.publish({ id: '1' }).catch((e: unknown) => e);
    await tick();
    transports.last.fail({ code: -192, name: 'ERR__MSG_TIMED_OUT' });
    const second = publisher.publish({ id: '2' }).catch((e: unknown) => e);
    await tick();
    transports.last.fail({ code: 29, name: 'ERR_TOPIC_AUTHORIZATION_FAILED' });
    expect(await first).toBeInstanceOf(DeliveryTimeoutError);
    expect(await first).toMatchObject({
      code: 'DELIVERY_TIMEOUT',
      outcome: 'unknown',
      retriable: true,
      kafkaCode: -192,
    });
    expect(await second).toBeInstanceOf(TopicAuthorizationError);
    expect(await second).toMatchObject({
      outcome: 'not-written',
      retriable: false,
      kafkaName: 'ERR_TOPIC_AUTHORIZATION_FAILED',
    });
  });

  it('fails a record the producer refuses at once (message too large) without waiting', async () => {
    const { publisher, transports } = setup();
    await publisher.connect();
    transports.last.produceCodes.push(10);
    await expect(publisher.publish({ id: 'big' })).rejects.toMatchObject({ code: 'MESSAGE_TOO_LARGE', kafkaCode: 10 });
    expect(publisher.pending).toBe(0);
  });

  it('uses encodeTransient for records sent at once and copies the bytes of records that wait', async () => {
    const scratch = Buffer.alloc(64);
    const transientCodec = {
      encode: (e: Event) => Buffer.from(JSON.stringify(e)),
      // Reuses one buffer, like the schemas codecs: each call overwrites the last bytes.
      encodeTransient: (e: Event) => scratch.subarray(0, scratch.write(JSON.stringify(e))),
    };
    const { publisher, transports } = setup({ codec: transientCodec, maxInFlight: 1 });
    await publisher.connect();
    const all = ['first', 'second', 'third'].map((id) => publisher.publish({ id }));
    transports.last.ack(1);
    transports.last.ack(1);
    transports.last.ack(1);
    await Promise.all(all);
    expect(transports.last.history).toEqual(['{"id":"first"}', '{"id":"second"}', '{"id":"third"}']);
  });

  it('reports each event of a batch in input order', async () => {
    const { publisher, transports } = setup();
    const batch = publisher.publishBatch([{ id: 'a' }, { id: 1 } as unknown as Event, { id: 'c' }]);
    await tick();
    transports.last.ack();
    const outcomes = await batch;
    expect(outcomes.map((o) => o.status)).toEqual(['acked', 'failed', 'acked']);
    expect(outcomes[1]).toMatchObject({ status: 'failed', error: { code: 'ENCODE_FAILED' } });
    expect(outcomes[2]).toMatchObject({ status: 'acked', report: { key: 'c', offset: 1 } });
  });
});
