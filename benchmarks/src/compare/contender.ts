import type { RunMeasurement } from '../common/meter.js';
import type { Workload } from './workload.js';

/** The settings a contender really ran with, as it reports them. */
export interface RanWith {
  readonly acks: string;
  readonly idempotence: boolean;
  readonly compression: string;
  readonly linger: string;
  readonly maxInFlightRequests: string;
  /** How messages are grouped: librdkafka's linger, or N per `send()`. */
  readonly batching: string;
  /** What each record carries and what the loop does per message. */
  readonly perMessage: string;
}

/** What a contender's process prints as its last stdout line. */
export type ContenderOutcome =
  | {
      readonly status: 'ok';
      readonly measurement: RunMeasurement;
      readonly ranWith: RanWith;
      readonly unmatched: readonly string[];
    }
  | { readonly status: 'unavailable'; readonly reason: string }
  | { readonly status: 'failed'; readonly reason: string };

/** A Node contender module: `compare/contenders/<id>.ts`, run in its own process. */
export interface NodeContender {
  run(workload: Workload): Promise<Extract<ContenderOutcome, { status: 'ok' }>>;
}

/** The contenders of `herald-bench compare`, Herald first (the ratio baseline). */
export const CONTENDERS = [
  { id: 'herald', kind: 'node', label: 'Herald (native) publish()', goal: null },
  { id: 'herald-ckjs', kind: 'node', label: 'Herald on the CKJS transport', goal: null },
  { id: 'native-naive', kind: 'node', label: 'native Producer, naive JSON + headers', goal: 2.0 },
  { id: 'native-ceiling', kind: 'node', label: 'native Producer, ready Buffers (ceiling)', goal: 0.8 },
  { id: 'kafkajs-compat', kind: 'node', label: 'confluent KafkaJS-compatible send()', goal: 1.0 },
  { id: 'kafkajs', kind: 'node', label: 'kafkajs + snappy', goal: 3.0 },
  { id: 'platformatic', kind: 'node', label: '@platformatic/kafka', goal: 1.0 },
  { id: 'java', kind: 'java', label: 'Java ProducerPerformance', goal: 0.8 },
  { id: 'python', kind: 'python', label: 'Python confluent-kafka + msgspec', goal: 1.5 },
] as const;

/** A contender id. */
export type ContenderId = (typeof CONTENDERS)[number]['id'];

/** All contender ids, in table order. */
export const CONTENDER_IDS: readonly ContenderId[] = CONTENDERS.map((c) => c.id);

/**
 * The goal as "Herald ≥ goal × contender": Herald's throughput divided by the contender's must be at
 * least `goal`; null when the contender is only for reference.
 */
export function goalOf(id: ContenderId): number | null {
  return CONTENDERS.find((c) => c.id === id)?.goal ?? null;
}
