import { describe, expect, it } from 'vitest';
import {
  BrokerUnreachableError,
  createPublisher,
  FatalProducerError,
  FlushTimeoutError,
  PublisherClosedError,
  QueueFullTimeoutError,
} from '../../src/index.js';
import type { PublisherOptions } from '../../src/index.js';
import { fakeTransports, jsonCodec, memoryLogger } from '../support/fake-transport.js';
import type { FakeTransport } from '../support/fake-transport.js';

type Event = { id: string };

function setup(overrides: Partial<PublisherOptions<Event>> = {}, configure?: (t: FakeTransport) => void) {
  const transports = fakeTransports(configure);
  const logger = memoryLogger();
  const publisher = createPublisher<Event>({
    brokers: ['127.0.0.1:9092'],
    topic: 'orders',
    codec: jsonCodec,
    key: (e) => e.id,
    logger,
    transport: transports.factory,
    ...overrides,
  });
  return { publisher, transports, logger };
}

const tick = () => new Promise((r) => setImmediate(r));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('backpressure', () => {
  it('holds publishes beyond maxInFlight until deliveries make room, in order', async () => {
    const { publisher, transports } = setup({ maxInFlight: 2 });
    const all = ['a', 'b', 'c', 'd'].map((id) => publisher.publish({ id }));
    await tick();
    expect(transports.last.produced.map((r) => r.key)).toEqual(['a', 'b']);
    expect(publisher.pending).toBe(4);
    transports.last.ack(1);
    expect(transports.last.produced.map((r) => r.key)).toEqual(['b', 'c']);
    transports.last.ack();
    transports.last.ack();
    const reports = await Promise.all(all);
    expect(reports.map((r) => r.key)).toEqual(['a', 'b', 'c', 'd']);
    expect(reports.map((r) => r.offset)).toEqual([0, 1, 2, 3]);
  });

  it('caps bytes in flight with maxInFlightBytes', async () => {
    const { publisher, transports } = setup({ maxInFlightBytes: 30 });
    const all = ['a', 'b', 'c'].map((id) => publisher.publish({ id })); // 12 B value + 1 B key each
    await tick();
    expect(transports.last.produced).toHaveLength(2);
    transports.last.ack();
    expect(transports.last.produced).toHaveLength(1);
    transports.last.ack();
    await Promise.all(all);
  });

  it('waits through librdkafka "queue full" and never surfaces it', async () => {
    const { publisher, transports } = setup();
    await publisher.connect();
    const first = publisher.publish({ id: 'a' });
    transports.last.produceCodes.push(-184);
    const second = publisher.publish({ id: 'b' });
    const third = publisher.publish({ id: 'c' });
    await tick();
    expect(transports.last.produced.map((r) => r.key)).toEqual(['a']);
    transports.last.ack(1); // a delivery frees room: the queued ones are tried again, in order
    expect(transports.last.produced.map((r) => r.key)).toEqual(['b', 'c']);
    transports.last.ack();
    await expect(Promise.all([first, second, third])).resolves.toHaveLength(3);
  });

  it('gives up after maxBlockMs with QueueFullTimeoutError, and the event was not sent', async () => {
    const { publisher, transports } = setup({ maxInFlight: 1, maxBlockMs: 50 });
    const first = publisher.publish({ id: 'a' });
    const blocked = publisher.publish({ id: 'b' }).catch((e: unknown) => e);
    const error = await blocked;
    expect(error).toBeInstanceOf(QueueFullTimeoutError);
    expect(error).toMatchObject({ code: 'QUEUE_FULL_TIMEOUT', outcome: 'not-written', retriable: true });
    transports.last.ack();
    await first;
    expect(transports.last.produced).toHaveLength(0);
    expect(publisher.pending).toBe(0);
  });
});

describe('connect', () => {
  it('shares one attempt between concurrent callers', async () => {
    const { publisher, transports } = setup();
    await Promise.all([
      publisher.connect(),
      publisher.connect(),
      publisher.publish({ id: 'a' }).catch(() => undefined),
      tick().then(() => transports.last.ack()),
    ]);
    expect(transports.all).toHaveLength(1);
  });

  it('fails waiting publishes with the connect error and retries on the next publish', async () => {
    let attempts = 0;
    const { publisher, transports } = setup({}, (t) => {
      attempts += 1;
      if (attempts === 1) t.connectBehaviour = new BrokerUnreachableError('no broker answered');
    });
    await expect(publisher.publish({ id: 'a' })).rejects.toBeInstanceOf(BrokerUnreachableError);
    expect(transports.all[0]?.disconnected).toBe(true);
    const second = publisher.publish({ id: 'b' });
    await tick();
    transports.last.ack();
    await expect(second).resolves.toMatchObject({ key: 'b' });
    expect(transports.all).toHaveLength(2);
  });
});

describe('fatal producer errors', () => {
  it('fails what was in flight, replaces the producer and keeps serving', async () => {
    const { publisher, transports, logger } = setup();
    const inFlight = [publisher.publish({ id: 'a' }), publisher.publish({ id: 'b' })].map((p) =>
      p.catch((e: unknown) => e),
    );
    await tick();
    const first = transports.last;
    first.fatal();
    for (const error of await Promise.all(inFlight)) {
      expect(error).toBeInstanceOf(FatalProducerError);
      expect(error).toMatchObject({ code: 'FATAL_PRODUCER', outcome: 'unknown', kafkaCode: -150 });
    }
    expect(first.disconnected).toBe(true);
    const after = publisher.publish({ id: 'c' });
    await tick();
    expect(transports.all).toHaveLength(2);
    expect(transports.last.produced.map((r) => r.key)).toEqual(['c']);
    transports.last.ack();
    await expect(after).resolves.toMatchObject({ key: 'c' });
    expect(logger.lines.some((l) => l.level === 'error' && l.message.startsWith('fatal producer error'))).toBe(true);
  });
});

describe('flush and close', () => {
  it('flush resolves when everything settled and throws FlushTimeoutError { remaining } at the deadline', async () => {
    const { publisher, transports } = setup();
    void publisher.publish({ id: 'a' });
    void publisher.publish({ id: 'b' });
    await tick();
    const error = await publisher.flush(30).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FlushTimeoutError);
    expect(error).toMatchObject({ code: 'FLUSH_TIMEOUT', remaining: 2 });
    const flushed = publisher.flush(1_000);
    transports.last.ack();
    await expect(flushed).resolves.toBeUndefined();
    expect(transports.last.flushCalls).toBeGreaterThan(0);
  });

  it('close flushes, settles everything, disconnects, runs once and refuses new work', async () => {
    const { publisher, transports } = setup();
    const delivered = publisher.publish({ id: 'a' });
    await tick();
    const closing = publisher.close({ timeoutMs: 1_000 });
    expect(publisher.closed).toBe(true);
    expect(publisher.close()).toBe(closing);
    await expect(publisher.publish({ id: 'late' })).rejects.toBeInstanceOf(PublisherClosedError);
    transports.last.ack();
    await expect(delivered).resolves.toMatchObject({ key: 'a' });
    await expect(closing).resolves.toEqual({ undelivered: 0 });
    expect(transports.last.disconnected).toBe(true);
    await expect(publisher.connect()).rejects.toBeInstanceOf(PublisherClosedError);
  });

  it('close at its deadline settles in-flight as unknown and waiting as not written', async () => {
    const { publisher } = setup({ maxInFlight: 1 });
    const inFlight = publisher.publish({ id: 'a' }).catch((e: unknown) => e);
    const waiting = publisher.publish({ id: 'b' }).catch((e: unknown) => e);
    await tick();
    await expect(publisher.close({ timeoutMs: 30 })).resolves.toEqual({ undelivered: 2 });
    expect(await inFlight).toMatchObject({ code: 'DELIVERY_TIMEOUT', outcome: 'unknown' });
    expect(await waiting).toMatchObject({ code: 'PUBLISHER_CLOSED', outcome: 'not-written' });
    expect(publisher.pending).toBe(0);
  });

  it('close during a connect that never finishes returns by its deadline', async () => {
    const { publisher, transports } = setup({}, (t) => (t.connectBehaviour = 'hang'));
    const waiting = publisher.publish({ id: 'a' }).catch((e: unknown) => e);
    await tick();
    const started = Date.now();
    await expect(publisher.close({ timeoutMs: 50 })).resolves.toEqual({ undelivered: 1 });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(await waiting).toBeInstanceOf(PublisherClosedError);
    expect(transports.last.disconnected).toBe(true);
  });

  it('await using closes the publisher', async () => {
    const { publisher } = setup();
    {
      await using p = publisher;
      expect(p.closed).toBe(false);
    }
    expect(publisher.closed).toBe(true);
    await sleep(0);
  });
});
