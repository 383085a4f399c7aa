// The transactional publisher's state machine through its real pipeline on a fake transactional
// transport: commit, abort, unknown commit outcome, producer replacement, the pool.
import { InvalidOptionsError } from '@herald/errors';
import { describe, expect, it } from 'vitest';
import {
  createTransactionalPublisher,
  TransactionAbortedError,
  TransactionOutcomeUnknownError,
} from '../../src/index.js';
import { fakeTransactionalTransports } from '../support/fake-transactions.js';
import type { FakeTransactionalTransport } from '../support/fake-transactions.js';
import { jsonCodec, memoryLogger } from '../support/fake-transport.js';

type Event = { id: string };

function setup(extra: Record<string, unknown> = {}, prepare?: (t: FakeTransactionalTransport) => void) {
  const transports = fakeTransactionalTransports(prepare);
  const publisher = createTransactionalPublisher<Event>({
    brokers: '127.0.0.1:9092',
    topic: 'orders',
    codec: jsonCodec,
    key: (e) => e.id,
    logger: memoryLogger(),
    transport: transports.factory,
    transactionalIdPrefix: 'svc',
    poolSize: 2,
    ...extra,
  });
  return { publisher, transports };
}

describe('transactional publisher', () => {
  it('commits when fn resolves and settles every event together with its report', async () => {
    const { publisher, transports } = setup();
    const result = await publisher.transaction((tx) => {
      tx.publish({ id: 'a' });
      tx.publish({ id: 'b' });
      expect(tx.size).toBe(2);
      return 42;
    });
    expect(result.value).toBe(42);
    expect(result.reports.map((r) => [r.key, r.offset])).toEqual([
      ['a', 0],
      ['b', 1],
    ]);
    const [t] = transports.all;
    expect(t?.transactionalId).toBe('svc-0');
    expect(t?.calls).toEqual(['init', 'begin', 'commit']);
    expect(t?.context.config).toMatchObject({
      'enable.idempotence': true,
      'transaction.timeout.ms': 60_000,
      'message.timeout.ms': 60_000,
    });
  });

  it('aborts when fn throws, with what it threw as the cause', async () => {
    const { publisher, transports } = setup();
    const boom = new Error('boom');
    const error = await publisher
      .transaction((tx) => {
        tx.publish({ id: 'a' });
        throw boom;
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransactionAbortedError);
    expect(error).toMatchObject({
      code: 'TRANSACTION_ABORTED',
      outcome: 'not-written',
      events: 1,
      cause: boom,
      retriable: false,
    });
    expect(transports.all[0]?.calls).toEqual(['init', 'begin', 'abort']);
  });

  it('aborts when an event fails at the broker, even though fn resolved', async () => {
    const { publisher, transports } = setup({}, (t) => t.deliveryCodes.push(0, 29));
    const error = await publisher
      .transaction(async (tx) => {
        tx.publish({ id: 'a' });
        tx.publish({ id: 'b' });
        await new Promise((r) => setImmediate(r));
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'TRANSACTION_ABORTED', cause: { code: 'TOPIC_AUTHORIZATION' } });
    expect(transports.all[0]?.calls).toEqual(['init', 'begin', 'abort']);
  });

  it('refuses publishing after fn returned', async () => {
    const { publisher } = setup();
    let leaked: { publish(e: Event): void } | undefined;
    await publisher.transaction((tx) => void (leaked = tx));
    expect(() => leaked?.publish({ id: 'late' })).toThrow(/transaction is over/);
  });

  it('aborts when the commit requires it', async () => {
    const { publisher, transports } = setup({}, (t) =>
      t.answers.commit.push({ abortable: true, name: 'ERR_INVALID_TXN_STATE' }),
    );
    await expect(publisher.transaction((tx) => tx.publish({ id: 'a' }))).rejects.toBeInstanceOf(
      TransactionAbortedError,
    );
    expect(transports.all[0]?.calls).toEqual(['init', 'begin', 'commit', 'abort']);
  });

  it('settles as unknown on a commit timeout and replaces the producer with one of the same id', async () => {
    const { publisher, transports } = setup({ poolSize: 1 }, (t) => {
      if (transports.all.length === 0) t.answers.commit.push({ retriable: true, code: -185, name: 'ERR__TIMED_OUT' });
    });
    const error = await publisher.transaction((tx) => tx.publish({ id: 'a' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransactionOutcomeUnknownError);
    expect(error).toMatchObject({ code: 'TRANSACTION_OUTCOME_UNKNOWN', outcome: 'unknown', events: 1 });
    await expect(publisher.transaction((tx) => tx.publish({ id: 'b' }))).resolves.toMatchObject({
      reports: [{ key: 'b' }],
    });
    expect(transports.all.map((t) => t.transactionalId)).toEqual(['svc-0', 'svc-0']);
    expect(transports.all[0]?.disconnected).toBe(true);
    expect(transports.all[1]?.calls).toEqual(['init', 'begin', 'commit']);
  });

  it('replaces a fenced producer (fatal on begin) and aborts that transaction as not written', async () => {
    const { publisher, transports } = setup({ poolSize: 1 }, (t) => {
      if (transports.all.length === 0) t.answers.begin.push({ fatal: true, name: 'ERR__FENCED' });
    });
    await expect(publisher.transaction((tx) => tx.publish({ id: 'a' }))).rejects.toMatchObject({
      code: 'TRANSACTION_ABORTED',
      outcome: 'not-written',
    });
    await expect(publisher.transaction((tx) => tx.publish({ id: 'b' }))).resolves.toBeDefined();
    expect(transports.all).toHaveLength(2);
  });

  it('runs up to poolSize transactions at once on producers svc-0, svc-1; a third waits for one', async () => {
    const { publisher, transports } = setup();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const order: string[] = [];
    const run = (id: string) =>
      publisher.transaction(async (tx) => {
        order.push(`start ${id}`);
        tx.publish({ id });
        await gate;
        order.push(`end ${id}`);
      });
    const all = [run('1'), run('2'), run('3')];
    await new Promise((r) => setTimeout(r, 20));
    expect(order).toEqual(['start 1', 'start 2']);
    release();
    await Promise.all(all);
    expect(order.slice(2, 4).sort()).toEqual(['end 1', 'end 2']);
    expect(order.at(-1)).toBe('end 3');
    expect(transports.all.map((t) => t.transactionalId).sort()).toEqual(['svc-0', 'svc-1']);
  });

  it('checks its options', () => {
    expect(() => setup({ transactionalId: 'x' })).toThrow(InvalidOptionsError);
    expect(() => setup({ transactionalIdPrefix: undefined, transactionalId: 'x', poolSize: 2 })).toThrow(
      /transactionalIdPrefix/,
    );
    expect(() => setup({ transactionalIdPrefix: undefined })).toThrow(/exactly one/);
  });
});
