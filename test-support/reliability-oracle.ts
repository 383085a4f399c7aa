// The reliability oracle for fault tests: what the publisher said against what a fresh consumer finds
// in the topic. Each test event carries an id, a key and a per-key sequence number; after the run
// the topic is read to its high-water marks and the run passes when sent = acked + failed + unknown,
// nothing acked is missing, nothing appears twice, per-key order holds, and nothing reported failed
// is in the topic.
import type { ConsumedRecord } from './kafka-admin.js';

/** One test event: an id, a key and its sequence number within the key. */
export interface OracleEvent {
  readonly id: string;
  readonly key: string;
  readonly seq: number;
}

/** How each publish settled, by event id. */
export interface Outcomes {
  readonly acked: Set<string>;
  /** Definitely not written (outcome 'not-written'). */
  readonly failed: Set<string>;
  /** Possibly written (outcome 'unknown'). */
  readonly unknown: Set<string>;
}

export interface OracleReport {
  readonly sent: number;
  readonly acked: number;
  readonly failed: number;
  readonly unknown: number;
  /** Acked but not in the topic: must be 0. */
  readonly lost: string[];
  /** In the topic more than once: must be 0. */
  readonly duplicates: string[];
  /** Reported not written, yet in the topic: must be 0. */
  readonly failedButWritten: string[];
  /** Keys whose records are out of sequence order in the topic: must be 0. */
  readonly reordered: string[];
}

export function newOutcomes(): Outcomes {
  return { acked: new Set(), failed: new Set(), unknown: new Set() };
}

/** Compares the outcomes of `sent` events with what the topic holds. */
export function checkReliability(sent: number, outcomes: Outcomes, records: ReadonlyArray<ConsumedRecord>): OracleReport {
  const count = new Map<string, number>();
  const lastSeq = new Map<string, number>();
  const reordered = new Set<string>();
  // Records arrive in partition order; one key lives on one partition, so per-key order is visible.
  for (const record of records) {
    const event = JSON.parse(record.value?.toString() ?? 'null') as OracleEvent;
    count.set(event.id, (count.get(event.id) ?? 0) + 1);
    if ((lastSeq.get(event.key) ?? -1) >= event.seq) reordered.add(event.key);
    lastSeq.set(event.key, event.seq);
  }
  return {
    sent,
    acked: outcomes.acked.size,
    failed: outcomes.failed.size,
    unknown: outcomes.unknown.size,
    lost: [...outcomes.acked].filter((id) => !count.has(id)),
    duplicates: [...count].filter(([, n]) => n > 1).map(([id]) => id),
    failedButWritten: [...outcomes.failed].filter((id) => count.has(id)),
    reordered: [...reordered],
  };
}
