// The reliability oracle's verdict: what the publisher said about each event against
// what a fresh read_committed consumer found in the topic. Pure: no Kafka, no clock.

/** One test event: an id, a key and its sequence number within the key. */
export interface OracleEvent {
  readonly id: string;
  readonly key: string;
  readonly seq: number;
}

/** How each publish settled, by event id. An id in none of the sets never settled. */
export interface Outcomes {
  readonly acked: Set<string>;
  /** Definitely not written (outcome 'not-written', or rejected before it was sent). */
  readonly failed: Set<string>;
  /** Possibly written (outcome 'unknown'). */
  readonly unknown: Set<string>;
}

/** One record read back: its event and where it sits in the log. */
export interface LoggedEvent {
  readonly event: OracleEvent;
  readonly partition: number;
  readonly offset: number;
}

/** The verdict. The lists name the offending event ids (keys for `reordered`). */
export interface OracleReport {
  readonly sent: number;
  readonly acked: number;
  readonly failed: number;
  readonly unknown: number;
  /** Publishes that never settled: sent − acked − failed − unknown. Must be 0. */
  readonly unsettled: number;
  /** Unknown outcomes that the topic does hold (information, not a defect). */
  readonly unknownWritten: number;
  /** Acked but not in the topic: must be empty. */
  readonly lost: string[];
  /** In the topic more than once: must be empty. */
  readonly duplicates: string[];
  /** Reported not written, yet in the topic: must be empty. */
  readonly failedButWritten: string[];
  /** Keys whose records are not in increasing sequence order in the log: must be empty. */
  readonly reordered: string[];
}

/** Empty outcome sets to fill while publishing. */
export function newOutcomes(): Outcomes {
  return { acked: new Set(), failed: new Set(), unknown: new Set() };
}

/**
 * Judges `sent` publishes by their `outcomes` against the `logged` records (any order: they are
 * sorted by partition and offset here, and one key lives on one partition, so per-key order is
 * the log order). Gaps in a key's sequence are allowed (events that were not written); a repeat or
 * a step back is not.
 */
export function judge(sent: number, outcomes: Outcomes, logged: ReadonlyArray<LoggedEvent>): OracleReport {
  const count = new Map<string, number>();
  const lastSeq = new Map<string, number>();
  const reordered = new Set<string>();
  const inLog = [...logged].sort((a, b) => a.partition - b.partition || a.offset - b.offset);
  for (const { event } of inLog) {
    const seen = (count.get(event.id) ?? 0) + 1;
    count.set(event.id, seen);
    // A duplicate is reported as a duplicate, not also as a reorder of its key.
    if (seen === 1 && (lastSeq.get(event.key) ?? -1) >= event.seq) reordered.add(event.key);
    if (seen === 1) lastSeq.set(event.key, event.seq);
  }
  const settled = outcomes.acked.size + outcomes.failed.size + outcomes.unknown.size;
  return {
    sent,
    acked: outcomes.acked.size,
    failed: outcomes.failed.size,
    unknown: outcomes.unknown.size,
    unsettled: sent - settled,
    unknownWritten: [...outcomes.unknown].filter((id) => count.has(id)).length,
    lost: [...outcomes.acked].filter((id) => !count.has(id)),
    duplicates: [...count].filter(([, n]) => n > 1).map(([id]) => id),
    failedButWritten: [...outcomes.failed].filter((id) => count.has(id)),
    reordered: [...reordered],
  };
}

/** True when the report shows no loss, no duplicate, no reorder, no false "not written" and nothing unsettled. */
export function isClean(report: OracleReport): boolean {
  return (
    report.unsettled === 0 &&
    report.lost.length === 0 &&
    report.duplicates.length === 0 &&
    report.failedButWritten.length === 0 &&
    report.reordered.length === 0
  );
}
