import kafka from '@confluentinc/kafka-javascript';
import type { Producer } from '@confluentinc/kafka-javascript';
import { Meter } from '../../common/meter.js';
import { Pacer } from '../../common/pacer.js';
import type { Workload } from '../workload.js';

const QUEUE_FULL = kafka.CODES.ERRORS.ERR__QUEUE_FULL;
const codeNames = new Map<number, string>(
  Object.entries(kafka.CODES.ERRORS as Record<string, number>).map(([name, code]) => [code, name]),
);

/** Produces message `i` (its index is the opaque); throws what `produce()` throws. */
export type ProduceOne = (producer: Producer, i: number) => void;

/**
 * A bare native-producer loop: `produce()` per message with its index as the opaque, delivery
 * reports (dr_cb) on the background poll thread, at most `window` in flight. Shared by the naive
 * loop and the ceiling, which differ only in `produceOne`.
 */
export async function runNativeLoop(workload: Workload, payloadBytes: number, produceOne: ProduceOne) {
  const producer: Producer = new kafka.Producer({
    ...workload.rdkafka,
    'bootstrap.servers': workload.bootstrap,
    dr_cb: true,
  });
  await new Promise<void>((resolve, reject) => producer.connect({}, (error) => (error ? reject(error) : resolve())));
  producer.setPollInBackground(true);
  let meter: Meter | undefined;
  let pacer: Pacer | undefined;
  producer.on('delivery-report', (error, report) => {
    if (error) meter!.failed(report.opaque as number, codeNames.get(error.code) ?? String(error.code));
    else meter!.delivered(report.opaque as number);
    pacer!.settled();
  });
  const phase = async (total: number): Promise<Meter> => {
    const m = new Meter(total, payloadBytes);
    meter = m;
    pacer = new Pacer(total, { kind: 'closed', window: workload.window }, (i) => {
      m.sent(i);
      try {
        produceOne(producer, i);
        return true;
      } catch (error) {
        if ((error as { code?: number }).code === QUEUE_FULL) return false;
        throw error;
      }
    });
    m.start();
    pacer.start();
    await m.done;
    return m;
  };
  try {
    if (workload.warmup > 0) await phase(workload.warmup);
    return (await phase(workload.messages)).result();
  } finally {
    await new Promise<void>((resolve) => producer.disconnect(5_000, () => resolve()));
  }
}

/** What the native loops ran with: the librdkafka config is the workload's (Herald's reliable preset). */
export function nativeRanWith(workload: Workload, perMessage: string) {
  const s = workload.settings;
  return {
    acks: String(s.acks),
    idempotence: s.idempotence,
    compression: s.compression,
    linger: `${s.lingerMs} ms`,
    maxInFlightRequests: String(workload.rdkafka['max.in.flight.requests.per.connection'] ?? 5),
    batching: 'librdkafka (linger)',
    perMessage,
  };
}
