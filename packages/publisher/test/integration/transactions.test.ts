// Transactions against the real single-node broker, read back by read_committed consumers (and
// read_uncommitted ones, to show the aborted records really reached the log).
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createTransactionalPublisher, EncodeError, TransactionAbortedError } from '../../src/index.js';
import type { TransactionalPublisher } from '../../src/index.js';
import { brokers } from '../../../../test-support/brokers.js';
import { consumeAll, createTopic, uniqueTopic } from '../../../../test-support/kafka-admin.js';
import { checkReliability, newOutcomes } from '../../../../test-support/reliability-oracle.js';
import type { OracleEvent } from '../../../../test-support/reliability-oracle.js';
import { memoryLogger } from '../support/fake-transport.js';

type Event = OracleEvent & { readonly topic?: string };

const codec = {
  encode(e: Event): Buffer {
    if (typeof e.id !== 'string') throw new TypeError('id must be a string');
    return Buffer.from(JSON.stringify({ id: e.id, key: e.key, seq: e.seq }));
  },
};

const killedChild = fileURLToPath(new URL('./fixtures/transaction-until-killed.mjs', import.meta.url));

const open: Array<TransactionalPublisher<Event>> = [];
afterAll(async () => {
  await Promise.all(open.map((p) => p.close({ timeoutMs: 5_000 })));
});

function transactional(extra: { poolSize?: number; topic?: string } = {}) {
  const publisher = createTransactionalPublisher<Event>({
    brokers: brokers().single,
    route: (e) => e.topic ?? extra.topic ?? 'unused',
    codec,
    key: (e) => e.key,
    logger: memoryLogger(),
    transactionalIdPrefix: `herald-test-${randomUUID()}`,
    poolSize: extra.poolSize ?? 2,
  });
  open.push(publisher);
  return publisher;
}

const events = (prefix: string, n: number, topic?: string): Event[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `${prefix}-${i}`,
    key: `k-${i % 10}`,
    seq: Math.floor(i / 10),
    ...(topic === undefined ? {} : { topic }),
  }));

describe('transactions on a real broker', () => {
  it('commits: every event visible to read_committed, with its report', async () => {
    const topic = uniqueTopic('herald-tx-commit');
    await createTopic(brokers().single, { topic, partitions: 3 });
    const publisher = transactional({ topic });
    const batch = events('c', 100);
    const result = await publisher.transaction((tx) => {
      for (const e of batch) tx.publish(e);
      return 'done';
    });
    expect(result.value).toBe('done');
    expect(result.reports).toHaveLength(100);
    expect(result.reports.every((r) => r.topic === topic && r.offset >= 0)).toBe(true);
    const outcomes = newOutcomes();
    for (const e of batch) outcomes.acked.add(e.id);
    const report = checkReliability(100, outcomes, await consumeAll(brokers().single, topic, 100, 20_000));
    expect(report).toMatchObject({ lost: [], duplicates: [], reordered: [] });
  });

  it('aborts when the function throws: read_committed sees nothing, though the records reached the log', async () => {
    const topic = uniqueTopic('herald-tx-abort');
    await createTopic(brokers().single, { topic, partitions: 3 });
    const publisher = transactional({ topic });
    const boom = new Error('boom');
    const error = await publisher
      .transaction(async (tx) => {
        for (const e of events('a', 50)) tx.publish(e);
        // Give librdkafka time to write them, so the abort has something to hide.
        await new Promise((r) => setTimeout(r, 500));
        throw boom;
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransactionAbortedError);
    expect(error).toMatchObject({ code: 'TRANSACTION_ABORTED', outcome: 'not-written', events: 50, cause: boom });
    // A committed marker transaction after the aborted one, so the consumers know where to stop.
    await publisher.transaction((tx) => tx.publish({ id: 'after', key: 'k-0', seq: 999 }));
    const committed = await consumeAll(brokers().single, topic, 51, 10_000);
    expect(committed.map((r) => (JSON.parse(r.value!.toString()) as Event).id)).toEqual(['after']);
    const uncommitted = await consumeAll(brokers().single, topic, 51, 20_000, { readUncommitted: true });
    expect(uncommitted).toHaveLength(51);
  });

  it('aborts on an invalid event thrown by tx.publish, and the producer serves the next transaction', async () => {
    const topic = uniqueTopic('herald-tx-invalid');
    await createTopic(brokers().single, { topic });
    const publisher = transactional({ topic, poolSize: 1 });
    const error = await publisher
      .transaction((tx) => {
        tx.publish({ id: 'ok', key: 'k', seq: 0 });
        tx.publish({ id: 42 } as unknown as Event);
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransactionAbortedError);
    expect((error as Error).cause).toBeInstanceOf(EncodeError);
    await expect(publisher.transaction((tx) => tx.publish({ id: 'next', key: 'k', seq: 1 }))).resolves.toMatchObject({
      reports: [{ topic }],
    });
    const seen = await consumeAll(brokers().single, topic, 2, 8_000);
    expect(seen.map((r) => (JSON.parse(r.value!.toString()) as Event).id)).toEqual(['next']);
  });

  it('commits 10k events across 3 topics atomically, running concurrent transactions through the pool', async () => {
    const topics = [uniqueTopic('herald-tx-a'), uniqueTopic('herald-tx-b'), uniqueTopic('herald-tx-c')];
    await Promise.all(topics.map((topic) => createTopic(brokers().single, { topic, partitions: 3 })));
    const publisher = transactional({ poolSize: 3 });
    const big = Array.from({ length: 10_000 }, (_, i) => ({
      id: `big-${i}`,
      key: `k-${i % 30}`,
      seq: Math.floor(i / 30),
      topic: topics[i % 3] as string,
    }));
    // Two small transactions alongside the big one use the other pooled producers.
    let seenBeforeCommit = -1;
    const [bigResult, ...small] = await Promise.all([
      publisher.transaction(async (tx) => {
        for (const e of big) tx.publish(e);
        // Written but not committed: a read_committed consumer must see none of it yet.
        await new Promise((r) => setTimeout(r, 1_000));
        seenBeforeCommit = (await consumeAll(brokers().single, topics, 10_000, 3_000)).filter((r) =>
          r.value?.toString().includes('"big-'),
        ).length;
      }),
      publisher.transaction((tx) => tx.publish({ id: 's-1', key: 'x', seq: 0, topic: topics[0] as string })),
      publisher.transaction((tx) => tx.publish({ id: 's-2', key: 'y', seq: 0, topic: topics[1] as string })),
    ]);
    expect(seenBeforeCommit).toBe(0);
    expect(bigResult.reports).toHaveLength(10_000);
    expect(small.map((r) => r.reports.length)).toEqual([1, 1]);
    const outcomes = newOutcomes();
    for (const e of big) outcomes.acked.add(e.id);
    outcomes.acked.add('s-1');
    outcomes.acked.add('s-2');
    const records = await consumeAll(brokers().single, topics, 10_002, 60_000);
    const report = checkReliability(10_002, outcomes, records);
    expect(report).toMatchObject({ lost: [], duplicates: [], reordered: [], failedButWritten: [] });
    expect(records).toHaveLength(10_002);
  }, 120_000);

  it('leaves nothing visible when the producer process is SIGKILLed mid-transaction', async () => {
    const topic = uniqueTopic('herald-tx-kill');
    await createTopic(brokers().single, { topic, partitions: 3 });
    const transactionalId = `herald-test-kill-${randomUUID()}`;
    const proc = spawn(process.execPath, [killedChild, brokers().single, topic, transactionalId, '500'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    proc.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    proc.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    await expect.poll(() => stdout, { timeout: 30_000, message: stderr }).toContain('in-transaction');
    proc.kill('SIGKILL');
    await once(proc, 'exit');
    // The successor with the same transactional.id fences the dead one and aborts its transaction.
    const successor = createTransactionalPublisher<Event>({
      brokers: brokers().single,
      topic,
      codec,
      key: (e) => e.key,
      logger: memoryLogger(),
      transactionalId,
    });
    open.push(successor);
    await successor.transaction((tx) => tx.publish({ id: 'successor', key: 'k-0', seq: 1_000 }));
    const committed = await consumeAll(brokers().single, topic, 501, 8_000);
    expect(committed.map((r) => (JSON.parse(r.value!.toString()) as Event).id)).toEqual(['successor']);
    // The killed process's records did reach the log: only the isolation level hides them.
    const uncommitted = await consumeAll(brokers().single, topic, 501, 20_000, { readUncommitted: true });
    expect(uncommitted.filter((r) => r.value!.toString().includes('"killed-'))).toHaveLength(500);
  }, 90_000);
});
