// What the publisher does with the records the producer still holds when one of them times out
// (librdkafka would send them again under a new epoch, where the broker cannot deduplicate them):
// through the real publisher pipeline on the fake transport.
import { describe, expect, it } from 'vitest';
import { createPublisher, DeliveryTimeoutError } from '../../src/index.js';
import type { DeliveryReport, PublisherOptions } from '../../src/index.js';
import { fakeTransports, jsonCodec, memoryLogger } from '../support/fake-transport.js';
import type { FakeTransport } from '../support/fake-transport.js';

type Event = { id: string };
const MSG_TIMED_OUT = -192;
const tick = () => new Promise((r) => setImmediate(r));

function setup(extra: Partial<PublisherOptions<Event>> = {}, prepare?: (t: FakeTransport) => void) {
  const transports = fakeTransports(prepare);
  const logger = memoryLogger();
  const publisher = createPublisher<Event>({
    brokers: '127.0.0.1:9092',
    topic: 'orders',
    codec: jsonCodec,
    key: (e) => e.id,
    logger,
    transport: transports.factory,
    ...extra,
  });
  const settle = (id: string) =>
    publisher.publish({ id }).then(
      (r: DeliveryReport) => r,
      (e: unknown) => e,
    );
  return { publisher, transports, logger, settle };
}

describe('release after a delivery timeout', () => {
  it('purges what an idempotent producer holds, once; held records fail as timeouts with their own outcome', async () => {
    const { transports, logger, settle } = setup();
    const held = ['1', '2', '3'].map(settle);
    await tick();
    transports.last.fail({ code: MSG_TIMED_OUT, status: 'possibly-persisted' });
    const [first, second, third] = await Promise.all(held);
    expect(first).toBeInstanceOf(DeliveryTimeoutError);
    expect(first).toMatchObject({ outcome: 'unknown', kafkaCode: MSG_TIMED_OUT });
    // Purged before they were sent: the same error class (a breaker counts them), but not written.
    for (const error of [second, third]) {
      expect(error).toBeInstanceOf(DeliveryTimeoutError);
      expect(error).toMatchObject({ code: 'DELIVERY_TIMEOUT', outcome: 'not-written', kafkaCode: MSG_TIMED_OUT });
      expect((error as Error).message).toContain('released after ERR_-192');
    }
    expect(transports.last.purgeCalls).toBe(1);
    expect(transports.all).toHaveLength(1);
    expect(logger.lines.filter((l) => l.message.includes('purging what the producer holds'))).toHaveLength(1);
    // The same producer goes on: a later publish is sent and acked.
    const later = settle('4');
    await tick();
    transports.last.ack();
    await expect(later).resolves.toMatchObject({ offset: 0 });
  });

  it('starts a new release only for a record sent after the last one', async () => {
    const { transports, settle } = setup();
    const first = ['1', '2'].map(settle);
    await tick();
    transports.last.fail({ code: MSG_TIMED_OUT });
    await Promise.all(first);
    const second = ['3', '4'].map(settle);
    await tick();
    transports.last.fail({ code: MSG_TIMED_OUT });
    await Promise.all(second);
    expect(transports.last.purgeCalls).toBe(2);
  });

  it('says a timed-out record that was never sent was not written', async () => {
    const { transports, settle } = setup();
    const only = settle('1');
    await tick();
    transports.last.fail({ code: MSG_TIMED_OUT, status: 'not-persisted' });
    await expect(only).resolves.toMatchObject({ code: 'DELIVERY_TIMEOUT', outcome: 'not-written', retriable: true });
  });

  it('replaces a producer whose transport cannot purge; what it held fails as possibly written', async () => {
    const { transports, logger, settle } = setup({}, (t) => delete t.purge);
    const held = ['1', '2', '3'].map(settle);
    await tick();
    const old = transports.last;
    old.fail({ code: MSG_TIMED_OUT });
    const outcomes = await Promise.all(held);
    expect(outcomes.every((e) => e instanceof DeliveryTimeoutError && e.outcome === 'unknown')).toBe(true);
    expect(old.disconnected).toBe(true);
    await expect.poll(() => transports.all.length).toBe(2);
    expect(logger.lines.some((l) => l.level === 'error' && l.message.includes('replacing the producer'))).toBe(true);
    const later = settle('4');
    await tick();
    transports.last.ack();
    await expect(later).resolves.toMatchObject({ key: '4' });
  });

  it('leaves a producer without idempotence alone: nothing would be re-sent under a new epoch', async () => {
    const { transports, settle } = setup({ rdkafka: { 'enable.idempotence': false } });
    const held = ['1', '2'].map(settle);
    await tick();
    transports.last.fail({ code: MSG_TIMED_OUT });
    await expect(held[0]).resolves.toBeInstanceOf(DeliveryTimeoutError);
    expect(transports.last.purgeCalls).toBe(0);
    transports.last.ack();
    await expect(held[1]).resolves.toMatchObject({ key: '2' });
  });
});
