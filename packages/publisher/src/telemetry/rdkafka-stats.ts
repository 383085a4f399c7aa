/** The parts of librdkafka's statistics JSON Herald turns into gauges. */
export interface RdkafkaStatsSnapshot {
  /** Messages in the producer queues (`msg_cnt`). */
  readonly queueMessages: number;
  /** Bytes in the producer queues (`msg_size`). */
  readonly queueBytes: number;
  /** Per broker: average and p99 round-trip time in seconds, and requests retried so far. */
  readonly brokers: ReadonlyArray<{
    readonly name: string;
    readonly rttAvgSeconds: number;
    readonly rttP99Seconds: number;
    readonly txRetries: number;
  }>;
  /** Per topic: average batch size in bytes and messages per batch. */
  readonly topics: ReadonlyArray<{
    readonly topic: string;
    readonly batchSizeAvgBytes: number;
    readonly batchCountAvg: number;
  }>;
}

interface RawWindow {
  avg?: number;
  p99?: number;
}
interface RawStats {
  msg_cnt?: number;
  msg_size?: number;
  brokers?: Record<string, { name?: string; nodeid?: number; rtt?: RawWindow; txretries?: number }>;
  topics?: Record<string, { topic?: string; batchsize?: RawWindow; batchcnt?: RawWindow }>;
}

const micros = (v: number | undefined) => (v ?? 0) / 1e6;

/**
 * Extracts queue depth, broker round trips, retries and batch sizes from one statistics JSON
 * (`statistics.interval.ms`). Bootstrap pseudo-brokers (node id -1) are left out.
 */
export function parseRdkafkaStats(json: string): RdkafkaStatsSnapshot {
  const raw = JSON.parse(json) as RawStats;
  return {
    queueMessages: raw.msg_cnt ?? 0,
    queueBytes: raw.msg_size ?? 0,
    brokers: Object.entries(raw.brokers ?? {})
      .filter(([, b]) => (b.nodeid ?? 0) >= 0)
      .map(([name, b]) => ({
        name: b.name ?? name,
        rttAvgSeconds: micros(b.rtt?.avg),
        rttP99Seconds: micros(b.rtt?.p99),
        txRetries: b.txretries ?? 0,
      })),
    topics: Object.entries(raw.topics ?? {}).map(([topic, t]) => ({
      topic: t.topic ?? topic,
      batchSizeAvgBytes: t.batchsize?.avg ?? 0,
      batchCountAvg: t.batchcnt?.avg ?? 0,
    })),
  };
}
