// Concurrent writers for the reliability tests: each owns its aggregates (keys), numbers each key's
// events in commit order and rolls back some transactions; the oracle then judges the topic.
import type pg from 'pg';
import type { Outbox } from '../../src/index.js';
import type { OracleEvent } from '../../../../test-support/reliability-oracle.js';

export interface WriterResult {
  readonly committed: Set<string>;
  readonly rolledBack: Set<string>;
}

export interface WriterOptions {
  readonly writers: number;
  readonly events: number;
  /** Keys per writer. */
  readonly keysPerWriter: number;
  /** Share of transactions rolled back. */
  readonly rollbackRate: number;
  /** Most events per transaction. */
  readonly maxPerTransaction: number;
  /** Prefix of event ids, so several runs into one topic never share an id. @defaultValue 'e' */
  readonly idPrefix?: string;
  /** Called after each transaction ends (e.g. to throttle or observe). */
  readonly onTransaction?: () => Promise<void> | void;
}

/** Runs the writers until `events` events were committed in all; returns what committed and what not. */
export async function runWriters(pool: pg.Pool, outbox: Outbox<OracleEvent>, o: WriterOptions): Promise<WriterResult> {
  const committed = new Set<string>();
  const rolledBack = new Set<string>();
  let remaining = o.events;
  let serial = 0;
  const writer = async (w: number) => {
    const seqs = new Map<string, number>();
    const client = await pool.connect();
    try {
      while (remaining > 0) {
        const n = Math.min(remaining, 1 + Math.floor(Math.random() * o.maxPerTransaction));
        const rollback = Math.random() < o.rollbackRate;
        if (!rollback) remaining -= n;
        const next = new Map(seqs);
        const events: OracleEvent[] = [];
        for (let i = 0; i < n; i++) {
          const key = `w${w}-k${Math.floor(Math.random() * o.keysPerWriter)}`;
          const seq = next.get(key) ?? 0;
          next.set(key, seq + 1);
          events.push({ id: `${o.idPrefix ?? 'e'}-${w}-${serial++}`, key, seq });
        }
        await client.query('BEGIN');
        if (n > 1 && Math.random() < 0.8) await outbox.enqueueMany(client, events);
        else for (const event of events) await outbox.enqueue(client, event);
        await client.query(rollback ? 'ROLLBACK' : 'COMMIT');
        for (const event of events) (rollback ? rolledBack : committed).add(event.id);
        if (!rollback) for (const [k, v] of next) seqs.set(k, v);
        await o.onTransaction?.();
      }
    } finally {
      client.release();
    }
  };
  await Promise.all(Array.from({ length: o.writers }, (_, w) => writer(w)));
  return { committed, rolledBack };
}
