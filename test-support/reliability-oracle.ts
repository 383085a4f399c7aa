// The reliability oracle for fault tests: what the publisher said against what a fresh consumer finds
// in the topic. Each test event carries an id, a key and a per-key sequence number; after the run
// the topic is read to its high-water marks and the run passes when sent = acked + failed + unknown,
// nothing acked is missing, nothing appears twice, per-key order holds, and nothing reported failed
// is in the topic. The verdict itself lives in the bench's oracle harness (shared with
// `herald-bench chaos`); this adapts the test helpers' consumed records to it.
import type { ConsumedRecord } from './kafka-admin.js';
import { judge, newOutcomes } from '../benchmarks/src/oracle/judge.js';
import type { OracleEvent, OracleReport, Outcomes } from '../benchmarks/src/oracle/judge.js';

export { newOutcomes };
export type { OracleEvent, OracleReport, Outcomes };

/** Compares the outcomes of `sent` events with what the topic holds. */
export function checkReliability(
  sent: number,
  outcomes: Outcomes,
  records: ReadonlyArray<ConsumedRecord>,
): OracleReport {
  const logged = records.map((r) => ({
    event: JSON.parse(r.value?.toString() ?? 'null') as OracleEvent,
    partition: r.partition,
    offset: r.offset,
  }));
  return judge(sent, outcomes, logged);
}
