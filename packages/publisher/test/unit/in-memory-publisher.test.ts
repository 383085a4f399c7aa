// The test double is the real pipeline: every rule of createPublisher holds for it.
import { describe, expect, it } from 'vitest';
import { EncodeError, HeraldError, InvalidHeaderError, InvalidTopicError, UnknownTopicError } from '../../src/index.js';
import type { PublisherError } from '../../src/index.js';
import { InMemoryPublisher } from '../../src/testing/index.js';
import { jsonCodec, memoryLogger } from '../support/fake-transport.js';

type Event = { id: string };

function double(options: Partial<ConstructorParameters<typeof InMemoryPublisher<Event>>[0]> = {}) {
  return new InMemoryPublisher<Event>({
    topic: 'orders',
    codec: jsonCodec,
    key: (e) => e.id,
    logger: memoryLogger(),
    ...options,
  });
}

describe('InMemoryPublisher', () => {
  it('records what it delivered with its report, headers and call options, and waitFor finds it', async () => {
    const publisher = double({ headers: { team: 'shop' } });
    const waiting = publisher.waitFor((r) => r.event.id === 'b');
    await publisher.publish({ id: 'a' });
    const report = await publisher.publish({ id: 'b' }, { headers: { extra: 'x' } });
    expect(report).toMatchObject({ topic: 'orders', partition: 0, offset: 1, key: 'b' });
    const found = await waiting;
    expect(found).toMatchObject({
      event: { id: 'b' },
      topic: 'orders',
      key: 'b',
      headers: { team: 'shop', extra: 'x' },
      options: { headers: { extra: 'x' } },
    });
    expect(found.value.toString()).toBe('{"id":"b"}');
    expect(publisher.published.map((r) => r.report.offset)).toEqual([0, 1]);
  });

  it('wraps a codec error like the real publisher: EncodeError, not written, codec error as cause', async () => {
    const publisher = double();
    const error = await publisher.publish({ id: 7 } as unknown as Event).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EncodeError);
    expect(error).toMatchObject({ code: 'ENCODE_FAILED', outcome: 'not-written' });
    expect((error as Error).cause).toBeInstanceOf(TypeError);
    expect(publisher.published).toHaveLength(0);
  });

  it('sends an explicit key: null as no key instead of asking key(event)', async () => {
    const publisher = double();
    await publisher.publish({ id: 'a' }, { key: null });
    expect(publisher.published[0]?.key).toBeNull();
  });

  it('checks topics and headers like the real publisher', async () => {
    const publisher = double();
    await expect(publisher.publish({ id: 'a' }, { topic: 'no spaces' })).rejects.toBeInstanceOf(InvalidTopicError);
    await expect(publisher.publish({ id: 'a' }, { headers: { h: 7 as unknown as string } })).rejects.toBeInstanceOf(
      InvalidHeaderError,
    );
    expect(publisher.published).toHaveLength(0);
  });

  it('applies backpressure: publishes beyond maxInFlight wait, in order', async () => {
    const publisher = double({ maxInFlight: 1 });
    const all = Promise.all(['a', 'b', 'c'].map((id) => publisher.publish({ id })));
    expect(publisher.pending).toBe(3);
    await all;
    expect(publisher.pending).toBe(0);
    expect(publisher.published.map((r) => r.event.id)).toEqual(['a', 'b', 'c']);
  });

  it('fails deliveries as the broker would, classified by the real pipeline', async () => {
    const publisher = double();
    publisher.failWhen((r) => (r.event.id === 'gone' ? 'UNKNOWN_TOPIC' : undefined));
    const error = await publisher.publish({ id: 'gone' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnknownTopicError);
    expect(error).toMatchObject({ code: 'UNKNOWN_TOPIC', outcome: 'not-written', kafkaCode: 3 });
    publisher.failWhen(() => 'DELIVERY_TIMEOUT');
    await expect(publisher.publish({ id: 'slow' })).rejects.toMatchObject({
      code: 'DELIVERY_TIMEOUT',
      outcome: 'unknown',
    });
    publisher.failWhen(undefined);
    await publisher.publish({ id: 'ok' });
    expect(publisher.published.map((r) => r.event.id)).toEqual(['ok']);
    const batch = await publisher.publishBatch([{ id: 'x' }, { id: 5 } as unknown as Event]);
    expect(batch.map((o) => o.status)).toEqual(['acked', 'failed']);
  });

  it('models the release after a timeout: records sent with it fail too, as never written', async () => {
    const publisher = double();
    publisher.failWhen((r) => (r.event.id === 'slow' ? 'DELIVERY_TIMEOUT' : undefined));
    const outcomes = await Promise.all(
      ['slow', 'b', 'c'].map((id) =>
        publisher.publish({ id }).then(
          () => undefined,
          (e: unknown) => e as PublisherError,
        ),
      ),
    );
    expect(outcomes.map((e) => [e?.code, e?.outcome])).toEqual([
      ['DELIVERY_TIMEOUT', 'unknown'],
      ['DELIVERY_TIMEOUT', 'not-written'],
      ['DELIVERY_TIMEOUT', 'not-written'],
    ]);
    await publisher.publish({ id: 'd' });
    expect(publisher.published.map((r) => r.event.id)).toEqual(['d']);
  });

  it('closes like the real publisher: later publishes fail with PUBLISHER_CLOSED', async () => {
    const publisher = double();
    await publisher.publish({ id: 'a' });
    expect(await publisher.close()).toEqual({ undelivered: 0 });
    const error = await publisher.publish({ id: 'b' }).catch((e: unknown) => e);
    expect(HeraldError.is(error)).toBe(true);
    expect(error).toMatchObject({ code: 'PUBLISHER_CLOSED', outcome: 'not-written' });
  });
});
