// Dead-letter routing through the real publisher pipeline on the fake transport.
import { describe, expect, it } from 'vitest';
import { createPublisher, DeadLetteredError, DeadLetterFailedError, DLQ_HEADERS } from '../../src/index.js';
import type { DeadLetterOptions, RetryOptions } from '../../src/index.js';
import { fakeTransports, jsonCodec, memoryLogger } from '../support/fake-transport.js';
import type { FakeTransport } from '../support/fake-transport.js';

type Event = { id: string };

function setup(deadLetter: DeadLetterOptions, retry?: RetryOptions) {
  const transports = fakeTransports();
  const publisher = createPublisher<Event>({
    brokers: '127.0.0.1:9092',
    route: (e) => (e.id.startsWith('p') ? 'payments' : 'orders'),
    codec: { ...jsonCodec, headers: (e: Event) => ({ ce_id: `id-${e.id}` }) },
    key: (e) => e.id,
    logger: memoryLogger(),
    transport: transports.factory,
    clientId: 'svc-a',
    deadLetter,
    ...(retry === undefined ? {} : { retry }),
  });
  return { publisher, transports };
}

const tick = () => new Promise((r) => setImmediate(r));
const headersOf = (t: FakeTransport, i: number) =>
  Object.assign({}, ...(t.produced[i]?.headers ?? [])) as Record<string, string | Buffer>;

function failOldest(t: FakeTransport, code: number) {
  t.fail({ code, name: `ERR_${code}` });
}

describe('dead-letter topic', () => {
  it('writes a permanent failure to the dead-letter topic with the original bytes and herald.dlq headers', async () => {
    const { publisher, transports } = setup({ topic: 'orders.dlq' });
    const delivered = publisher.publish({ id: 'o-1' });
    await tick();
    const original = transports.last.produced[0]!;
    failOldest(transports.last, 3);
    await tick();
    const copy = transports.last.produced[0]!;
    expect(copy.topic).toBe('orders.dlq');
    expect(copy.value.equals(original.value)).toBe(true);
    expect(copy.key).toBe('o-1');
    const headers = headersOf(transports.last, 0);
    expect(headers).toMatchObject({
      ce_id: 'id-o-1',
      [DLQ_HEADERS.topic]: 'orders',
      [DLQ_HEADERS.code]: 'UNKNOWN_TOPIC',
      [DLQ_HEADERS.name]: 'ERR_3',
      [DLQ_HEADERS.attempts]: '1',
      [DLQ_HEADERS.outcome]: 'not-written',
      [DLQ_HEADERS.clientId]: 'svc-a',
    });
    expect(Date.parse(String(headers[DLQ_HEADERS.firstFailure]))).toBeGreaterThan(0);
    expect(headers[DLQ_HEADERS.lastFailure]).toBe(headers[DLQ_HEADERS.firstFailure]);
    transports.last.ack();
    const error = await delivered.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeadLetteredError);
    expect(error).toMatchObject({
      code: 'DEAD_LETTERED',
      outcome: 'not-written',
      deadLetter: { topic: 'orders.dlq', offset: 0 },
      cause: { code: 'UNKNOWN_TOPIC' },
    });
    expect(publisher.pending).toBe(0);
  });

  it('settles as failed with both causes when the dead-letter write fails too', async () => {
    const { publisher, transports } = setup({ topic: 'orders.dlq' });
    const delivered = publisher.publish({ id: 'o-1' });
    await tick();
    failOldest(transports.last, 10);
    await tick();
    failOldest(transports.last, 29);
    const error = await delivered.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeadLetterFailedError);
    expect(error).toMatchObject({
      code: 'DEAD_LETTER_FAILED',
      cause: { code: 'MESSAGE_TOO_LARGE' },
      deadLetterCause: { code: 'TOPIC_AUTHORIZATION' },
    });
  });

  it('routes per original topic, and leaves routes without a dead-letter topic failing as before', async () => {
    const { publisher, transports } = setup({ topic: (topic) => (topic === 'payments' ? 'payments.dlq' : undefined) });
    const payment = publisher.publish({ id: 'p-1' });
    const order = publisher.publish({ id: 'o-1' });
    await tick();
    failOldest(transports.last, 29);
    failOldest(transports.last, 29);
    await expect(order).rejects.toMatchObject({ code: 'TOPIC_AUTHORIZATION' });
    await tick();
    expect(transports.last.produced.map((r) => r.topic)).toEqual(['payments.dlq']);
    transports.last.ack();
    await expect(payment).rejects.toMatchObject({ code: 'DEAD_LETTERED', deadLetter: { topic: 'payments.dlq' } });
  });

  it('dead-letters a retriable failure only once the retry policy gave up, with its attempts', async () => {
    const { publisher, transports } = setup(
      { topic: 'orders.dlq' },
      { maxAttempts: 2, initialDelayMs: 1, maxDelayMs: 2 },
    );
    const delivered = publisher.publish({ id: 'o-1' });
    await tick();
    failOldest(transports.last, 19);
    await expect.poll(() => transports.last.produced.length).toBe(1);
    expect(transports.last.produced[0]?.topic).toBe('orders');
    failOldest(transports.last, 19);
    await tick();
    expect(transports.last.produced[0]?.topic).toBe('orders.dlq');
    expect(headersOf(transports.last, 0)).toMatchObject({
      [DLQ_HEADERS.attempts]: '2',
      [DLQ_HEADERS.code]: 'DELIVERY_FAILED',
      [DLQ_HEADERS.name]: 'ERR_19',
    });
    transports.last.ack();
    await expect(delivered).rejects.toMatchObject({ code: 'DEAD_LETTERED', attempts: 2 });
  });

  it('keeps retriable failures the caller’s without a retry policy', async () => {
    const { publisher, transports } = setup({ topic: 'orders.dlq' });
    const delivered = publisher.publish({ id: 'o-1' });
    await tick();
    failOldest(transports.last, -192);
    await expect(delivered).rejects.toMatchObject({ code: 'DELIVERY_TIMEOUT', outcome: 'unknown' });
    expect(transports.last.produced).toEqual([]);
  });

  it("reports 'dead-lettered' in publishBatch, never 'acked'", async () => {
    const { publisher, transports } = setup({ topic: 'orders.dlq' });
    const outcomes = publisher.publishBatch([{ id: 'o-1' }, { id: 'o-2' }]);
    await tick();
    failOldest(transports.last, 3);
    transports.last.ack(1);
    await tick();
    transports.last.ack();
    const [first, second] = await outcomes;
    expect(first).toMatchObject({ status: 'dead-lettered', deadLetter: { topic: 'orders.dlq' } });
    expect(second).toMatchObject({ status: 'acked', report: { topic: 'orders' } });
  });

  it('refuses an invalid dead-letter topic name at creation', () => {
    expect(() => setup({ topic: 'no spaces' })).toThrow(/invalid topic name/);
  });
});
