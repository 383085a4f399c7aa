// The test double for transactions: the real transactional publisher on the in-memory transport.
// What reaches onAck is what a read_committed consumer would see.
import { describe, expect, it } from 'vitest';
import { createTransactionalPublisher, TransactionAbortedError } from '../../src/index.js';
import { createInMemoryTransport } from '../../src/testing/index.js';

type Event = { id: string };

function setup() {
  const visible: string[] = [];
  const publisher = createTransactionalPublisher<Event>({
    brokers: '127.0.0.1:9092',
    topic: 'orders',
    codec: { encode: (e: Event) => Buffer.from(JSON.stringify(e)) },
    key: (e) => e.id,
    transactionalIdPrefix: 'test',
    transport: createInMemoryTransport({ onAck: (record) => visible.push(record.key as string) }),
  });
  return { publisher, visible };
}

describe('transactions on the in-memory transport', () => {
  it('makes a committed transaction visible all at once, with offsets', async () => {
    const { publisher, visible } = setup();
    const result = await publisher.transaction((tx) => {
      tx.publish({ id: 'a' });
      tx.publish({ id: 'b' });
      expect(visible).toEqual([]);
    });
    expect(visible).toEqual(['a', 'b']);
    expect(result.reports.map((r) => r.offset)).toEqual([0, 1]);
  });

  it('never shows an aborted transaction, whose records still took their offsets', async () => {
    const { publisher, visible } = setup();
    await expect(
      publisher.transaction(async (tx) => {
        tx.publish({ id: 'a' });
        await Promise.resolve();
        throw new Error('changed my mind');
      }),
    ).rejects.toBeInstanceOf(TransactionAbortedError);
    const { reports } = await publisher.transaction((tx) => tx.publish({ id: 'b' }));
    expect(visible).toEqual(['b']);
    expect(reports[0]?.offset).toBe(1);
  });
});
