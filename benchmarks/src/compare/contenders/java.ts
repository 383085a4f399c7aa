// (g) Kafka's own Java ProducerPerformance from the broker jars, on the same payload file. The jars
// come from @herald/local-kafka (Maven Central, cached), which also finds Java.
import type { RunMeasurement } from '../../common/meter.js';
import type { ContenderOutcome } from '../contender.js';
import type { Workload } from '../workload.js';

const SUMMARY =
  /(\d+) (steady state )?records sent, ([\d.]+) records\/sec \(([\d.]+) MB\/sec\), ([\d.]+) ms avg latency, ([\d.]+) ms max latency, (\d+) ms 50th, (\d+) ms 95th, (\d+) ms 99th, (\d+) ms 99\.9th/;

/**
 * The measurement in ProducerPerformance's output: the steady-state line (after warm-up) when
 * there is one, else the whole-run summary; null when it printed neither (it exits 0 on failures).
 */
export function parseProducerPerformance(stdout: string, payloadBytes: number): RunMeasurement | null {
  const lines = stdout.split('\n').filter((l) => SUMMARY.test(l));
  const line = lines.find((l) => l.includes('steady state')) ?? lines.at(-1);
  const m = line === undefined ? null : SUMMARY.exec(line);
  if (m === null) return null;
  const messages = Number(m[1]);
  const rate = Number(m[3]);
  return {
    messages,
    acked: messages,
    seconds: rate > 0 ? messages / rate : Number.NaN,
    msgsPerSec: rate,
    mibPerSec: (rate * payloadBytes) / (1024 * 1024),
    cpuUsPerMsg: null,
    peakRssMiB: null,
    latencyMs: {
      count: messages,
      p50: Number(m[7]),
      p95: Number(m[8]),
      p99: Number(m[9]),
      p999: Number(m[10]),
      max: Number(m[6]),
    },
    errors: {},
  };
}

/** Whether the Java contender can run here, or why not: Java 17+ and the Kafka jars (fetched once with Maven). */
export type JavaEnv = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** Checks Java and the jars once, by running one Kafka tool, before any round needs them. */
export async function ensureJavaEnv(): Promise<JavaEnv> {
  try {
    const { runTool } = await import('@herald/local-kafka');
    await runTool('TopicCommand', ['--version'], { timeoutMs: 300_000 });
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: (error as Error).message.split('\n')[0] ?? 'unknown error' };
  }
}

/** Runs ProducerPerformance in its own JVM with the workload's settings and payloads. */
export async function runJava(workload: Workload, payloadBytes: number, timeoutMs: number): Promise<ContenderOutcome> {
  const s = workload.settings;
  const r = workload.rdkafka;
  const props = [
    `acks=${s.acks === 'all' ? 'all' : s.acks}`,
    `enable.idempotence=${s.idempotence}`,
    `compression.type=${s.compression}`,
    `linger.ms=${s.lingerMs}`,
    // librdkafka's batch.size default (1000000) unless the workload sets one: the same batches.
    `batch.size=${s.batchSize ?? 1_000_000}`,
    `max.in.flight.requests.per.connection=${String(r['max.in.flight.requests.per.connection'] ?? 5)}`,
    'client.id=herald-bench-java',
  ];
  let stdout: string;
  try {
    const { runTool } = await import('@herald/local-kafka');
    const result = await runTool(
      'ProducerPerformance',
      [
        '--topic',
        workload.topic,
        '--num-records',
        String(workload.messages + workload.warmup),
        '--warmup-records',
        String(workload.warmup),
        '--payload-file',
        workload.ordersFile,
        '--key-distribution',
        'random',
        '--record-key-range',
        '1024',
        '--throughput',
        '-1',
        '--bootstrap-server',
        workload.bootstrap,
        '--command-property',
        ...props,
      ],
      { heap: '512m', timeoutMs, allowFailure: true },
    );
    stdout = result.stdout;
  } catch (error) {
    return {
      status: 'unavailable',
      reason: `ProducerPerformance could not run: ${(error as Error).message.split('\n')[0] ?? ''}`,
    };
  }
  const measurement = parseProducerPerformance(stdout, payloadBytes);
  if (measurement === null)
    return {
      status: 'failed',
      reason: `no summary line in ProducerPerformance output: ${stdout.trim().split('\n').slice(-2).join(' | ')}`,
    };
  return {
    status: 'ok',
    measurement,
    ranWith: {
      acks: String(s.acks),
      idempotence: s.idempotence,
      compression: s.compression,
      linger: `${s.lingerMs} ms`,
      maxInFlightRequests: String(r['max.in.flight.requests.per.connection'] ?? 5),
      batching: `Java accumulator (linger), batch.size ${s.batchSize ?? 1_000_000}`,
      perMessage: 'ready payload bytes from the same file, random integer key of 1024, no headers, callback per record',
    },
    unmatched: [
      'no headers (ProducerPerformance cannot send them)',
      'keys are integers 0..1023, not order ids',
      'CPU and RSS not measured (JVM)',
    ],
  };
}
