// The retry policy through the real publisher pipeline on the fake transport: backoff, same bytes
// on every attempt, per-key order behind a retry, the queue bound, attempt and time limits.
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { createPublisher, DeliveryTimeoutError, RetryQueueFullError, UnknownTopicError } from '../../src/index.js';
import type { RetryOptions } from '../../src/index.js';
import { backoffMs, resolveRetryPolicy } from '../../src/resilience/retry-policy.js';
import { fakeTransports, jsonCodec, memoryLogger } from '../support/fake-transport.js';
import type { FakeTransport } from '../support/fake-transport.js';

type Event = { id: string; k: string };

const NOT_ENOUGH_REPLICAS = 19; // retriable, definitely not written
const MSG_TIMED_OUT = -192; // retriable, outcome unknown

function setup(retry: RetryOptions = { initialDelayMs: 1, maxDelayMs: 5 }, extra: Record<string, unknown> = {}) {
  const transports = fakeTransports();
  const logger = memoryLogger();
  const publisher = createPublisher<Event>({
    brokers: '127.0.0.1:9092',
    topic: 'orders',
    codec: { ...jsonCodec, headers: (e: Event) => ({ ce_id: `id-${e.id}` }) },
    key: (e) => e.k,
    logger,
    transport: transports.factory,
    retry,
    ...extra,
  });
  return { publisher, transports, logger };
}

const tick = () => new Promise((r) => setImmediate(r));

/** Fails the produced record whose value has `id` (a delivery report with `code`). */
function failId(t: FakeTransport, id: string, code: number) {
  const i = t.produced.findIndex((r) => (JSON.parse(r.value.toString()) as Event).id === id);
  if (i < 0) throw new Error(`${id} not in flight`);
  const [record] = t.produced.splice(i, 1);
  t.context.events.delivery(record!.id, { code, name: `ERR_${code}`, message: 'failed' }, -1, -1, undefined);
}

const ids = (t: FakeTransport) => t.history.map((v) => (JSON.parse(v) as Event).id);

describe('retry policy', () => {
  it('draws full-jitter backoff below a cap that doubles per attempt up to maxDelayMs', () => {
    const policy = resolveRetryPolicy({ initialDelayMs: 100, maxDelayMs: 1_000 });
    expect(backoffMs(policy, 1, () => 0)).toBe(0);
    expect(backoffMs(policy, 1, () => 0.999)).toBe(99);
    expect(backoffMs(policy, 3, () => 0.999)).toBe(399);
    expect(backoffMs(policy, 10, () => 0.999)).toBe(999);
    expect(() => resolveRetryPolicy({ on: 'always' as never })).toThrow(/retry.on/);
    expect(() => resolveRetryPolicy({ initialDelayMs: 10, maxDelayMs: 5 })).toThrow(/maxDelayMs/);
  });

  it('sends a not-written failure again with the same bytes, key and headers, then resolves', async () => {
    const { publisher, transports } = setup();
    const delivered = publisher.publish({ id: '1', k: 'a' });
    await tick();
    const first = transports.last.produced[0]!;
    failId(transports.last, '1', NOT_ENOUGH_REPLICAS);
    expect(publisher.pending).toBe(1);
    await expect.poll(() => transports.last.produced.length).toBe(1);
    const second = transports.last.produced[0]!;
    expect(second.value.equals(first.value)).toBe(true);
    expect(second.key).toBe(first.key);
    expect(second.headers).toEqual(first.headers);
    transports.last.ack();
    await expect(delivered).resolves.toMatchObject({ topic: 'orders', key: 'a' });
    expect(publisher.pending).toBe(0);
  });

  it('holds later records of a key behind its retry, in order, while other keys go directly', async () => {
    // Full jitter could draw a delay of ~0 ms and retry before the first check: draw near the cap.
    const random = vi.spyOn(Math, 'random').mockReturnValue(0.99);
    onTestFinished(() => random.mockRestore());
    const { publisher, transports } = setup({ initialDelayMs: 300, maxDelayMs: 300 });
    const t = () => transports.last;
    const a1 = publisher.publish({ id: 'a1', k: 'a' });
    await tick();
    failId(t(), 'a1', NOT_ENOUGH_REPLICAS);
    const a2 = publisher.publish({ id: 'a2', k: 'a' });
    const b1 = publisher.publish({ id: 'b1', k: 'b' });
    const a3 = publisher.publish({ id: 'a3', k: 'a' });
    await tick();
    // a2 and a3 wait behind a1's retry; b1 has no retry in its way.
    expect(ids(t())).toEqual(['a1', 'b1']);
    await expect.poll(() => ids(t()), { timeout: 5_000 }).toEqual(['a1', 'b1', 'a1', 'a2', 'a3']);
    t().ack();
    await expect(Promise.all([a1, a2, a3, b1])).resolves.toHaveLength(4);
    // The lane is gone: the key publishes directly again.
    void publisher.publish({ id: 'a4', k: 'a' });
    await tick();
    expect(ids(t()).at(-1)).toBe('a4');
  });

  it('keeps a lane in order when a record fails while the producer holds others of its key', async () => {
    const { publisher, transports } = setup({ initialDelayMs: 5, maxDelayMs: 5 });
    const t = () => transports.last;
    const all = ['1', '2', '3', '4'].map((id) => publisher.publish({ id, k: id === '4' ? 'b' : 'a' }));
    await tick();
    // 2 is to be retried while 1, 3 and 4 are still in the producer: it releases them (3 could
    // otherwise be acked before 2's retry), and they go again in publish order behind 2.
    failId(t(), '2', NOT_ENOUGH_REPLICAS);
    expect(t().purgeCalls).toBe(1);
    const sent = () => t().produced.map((r) => JSON.parse(r.value.toString()) as Event);
    await expect.poll(() => sent().length).toBe(4);
    expect(
      sent()
        .filter((e) => e.k === 'a')
        .map((e) => e.id),
    ).toEqual(['1', '2', '3']);
    expect(sent().map((e) => e.id)).toContain('4');
    t().ack();
    await Promise.all(all);
    expect(t().purgeCalls).toBe(1);
  });

  it('holds a publish made while released records are on their way back, then sends it behind them', async () => {
    const { publisher, transports } = setup({ initialDelayMs: 5, maxDelayMs: 5 });
    const t = () => transports.last;
    const first = [publisher.publish({ id: '1', k: 'a' }), publisher.publish({ id: '2', k: 'b' })];
    await tick();
    failId(t(), '1', NOT_ENOUGH_REPLICAS);
    // 2 is released, but its failure has not come back yet, so key b has no lane: 3 must still
    // not overtake it.
    const third = publisher.publish({ id: '3', k: 'b' });
    const sent = () => t().produced.map((r) => (JSON.parse(r.value.toString()) as Event).id);
    expect(sent()).toEqual([]);
    await expect.poll(() => sent().length).toBe(3);
    expect(sent().filter((id) => id !== '1')).toEqual(['2', '3']);
    t().ack();
    await Promise.all([...first, third]);
  });

  it('fails a publish with RetryQueueFullError when the lanes are full, and sends nothing for it', async () => {
    const { publisher, transports } = setup({ initialDelayMs: 50, maxDelayMs: 50, maxQueued: 2 });
    void publisher.publish({ id: 'a1', k: 'a' });
    await tick();
    failId(transports.last, 'a1', NOT_ENOUGH_REPLICAS);
    void publisher.publish({ id: 'a2', k: 'a' });
    const overflow = publisher.publish({ id: 'a3', k: 'a' });
    await expect(overflow).rejects.toBeInstanceOf(RetryQueueFullError);
    await expect(overflow).rejects.toMatchObject({ code: 'RETRY_QUEUE_FULL', outcome: 'not-written', retriable: true });
    await expect.poll(() => ids(transports.last)).toEqual(['a1', 'a1', 'a2']);
  });

  it("retries an unknown outcome only with on: 'not-written-or-unknown'", async () => {
    const strict = setup();
    const p1 = strict.publisher.publish({ id: '1', k: 'a' });
    await tick();
    failId(strict.transports.last, '1', MSG_TIMED_OUT);
    await expect(p1).rejects.toBeInstanceOf(DeliveryTimeoutError);

    const lax = setup({ on: 'not-written-or-unknown', initialDelayMs: 1, maxDelayMs: 2 });
    const p2 = lax.publisher.publish({ id: '1', k: 'a' });
    await tick();
    failId(lax.transports.last, '1', MSG_TIMED_OUT);
    await expect.poll(() => lax.transports.last.produced.length).toBe(1);
    lax.transports.last.ack();
    await expect(p2).resolves.toMatchObject({ key: 'a' });
  });

  it('gives up after maxAttempts with the last error, and never retries a permanent failure', async () => {
    const { publisher, transports } = setup({ maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 2 });
    const delivered = publisher.publish({ id: '1', k: 'a' });
    for (let attempt = 1; attempt <= 3; attempt++) {
      await expect.poll(() => transports.last.produced.length).toBe(1);
      failId(transports.last, '1', NOT_ENOUGH_REPLICAS);
    }
    await expect(delivered).rejects.toMatchObject({ code: 'DELIVERY_FAILED', kafkaCode: NOT_ENOUGH_REPLICAS });
    expect(ids(transports.last)).toEqual(['1', '1', '1']);

    const permanent = publisher.publish({ id: '2', k: 'b' });
    await tick();
    failId(transports.last, '2', 3);
    await expect(permanent).rejects.toBeInstanceOf(UnknownTopicError);
    expect(ids(transports.last).filter((id) => id === '2')).toHaveLength(1);
  });

  it('does not start an attempt after maxElapsedMs', async () => {
    const { publisher, transports } = setup({ maxAttempts: 100, maxElapsedMs: 60, initialDelayMs: 30, maxDelayMs: 30 });
    const delivered = publisher.publish({ id: '1', k: 'a' });
    const started = Date.now();
    const failing = setInterval(() => {
      if (transports.last.produced.length > 0) failId(transports.last, '1', NOT_ENOUGH_REPLICAS);
    }, 1);
    await expect(delivered).rejects.toMatchObject({ code: 'DELIVERY_FAILED' });
    clearInterval(failing);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(ids(transports.last).length).toBeLessThan(10);
  });

  it('settles what waits in lanes when the publisher closes', async () => {
    const { publisher, transports } = setup({ initialDelayMs: 10_000, maxDelayMs: 10_000 });
    const a1 = publisher.publish({ id: 'a1', k: 'a' });
    await tick();
    failId(transports.last, 'a1', NOT_ENOUGH_REPLICAS);
    const a2 = publisher.publish({ id: 'a2', k: 'a' });
    const report = await publisher.close({ timeoutMs: 50 });
    expect(report.undelivered).toBe(2);
    await expect(a1).rejects.toMatchObject({ code: 'DELIVERY_FAILED', outcome: 'not-written' });
    await expect(a2).rejects.toMatchObject({ code: 'PUBLISHER_CLOSED', outcome: 'not-written' });
  });

  it('logs when retrying starts and ends', async () => {
    const { publisher, transports, logger } = setup();
    const delivered = publisher.publish({ id: '1', k: 'a' });
    await tick();
    failId(transports.last, '1', NOT_ENOUGH_REPLICAS);
    await expect.poll(() => transports.last.produced.length).toBe(1);
    transports.last.ack();
    await delivered;
    const messages = logger.lines.map((l) => l.message);
    expect(messages).toContain('publishes are failing: retrying them, later records of their keys wait behind');
    expect(messages).toContain('retry lanes drained');
  });
});
