import { createPublisher } from '@herald/publisher';
import type { KafkaSettings } from '@herald/publisher';
import { createNativeTransport } from '@herald/publisher/transports/native';
import { createRdkafkaTransport } from '@herald/publisher/transports/rdkafka';
import { eventType, orderEventMessageV1Codec, withCloudEvents } from '@herald/schemas';
import type { OrderEventMessage } from '@herald/schemas';
import { Meter } from '../common/meter.js';
import type { RunMeasurement } from '../common/meter.js';
import { Pacer } from '../common/pacer.js';
import type { LoadShape } from '../common/pacer.js';
import type { ProducerSettings } from '../common/settings.js';

/** One Herald producing run: warm-up, then `messages` measured. */
export interface HeraldLoadOptions {
  readonly bootstrap: string;
  readonly topic: string;
  /** Events cycled through, e.g. `makeOrders('medium', 1024)`. */
  readonly orders: readonly OrderEventMessage[];
  readonly messages: number;
  /** Messages sent and settled before the clock starts (JIT, connections, metadata). */
  readonly warmup: number;
  readonly settings: ProducerSettings;
  readonly shape: LoadShape;
  /** Extra raw librdkafka properties (they win). */
  readonly rdkafka?: Readonly<Record<string, string | number | boolean>>;
  /** The publisher's transport. @defaultValue 'auto': the publisher's default (native where it loads) */
  readonly transport?: HeraldTransport;
  /** Called with the settled count of the measured phase, on every delivery. */
  readonly onProgress?: (settled: number) => void;
}

/** Which publisher transport a run uses: `auto` is the publisher's own default. */
export type HeraldTransport = 'auto' | 'native' | 'ckjs';

const transports = { native: createNativeTransport, ckjs: createRdkafkaTransport } as const;

/** The CloudEvents-wrapped order codec every Herald run publishes with. */
export function benchCodec() {
  return withCloudEvents(orderEventMessageV1Codec, { source: '/herald/bench', type: eventType('order.created', 1) });
}

function kafkaSettings(s: ProducerSettings): KafkaSettings {
  return {
    acks: s.acks,
    idempotence: s.idempotence,
    compression: s.compression,
    lingerMs: s.lingerMs,
    ...(s.batchSize === undefined ? {} : { batchSize: s.batchSize }),
  };
}

function codeOf(error: unknown): string {
  const e = error as { code?: unknown; kafkaName?: unknown };
  const code = typeof e.code === 'string' ? e.code : 'UNKNOWN';
  return typeof e.kafkaName === 'string' ? `${code}/${e.kafkaName}` : code;
}

/**
 * Publishes through `@herald/publisher` the way an application does: `publish(event)` per event
 * with a `.then` per delivery promise (validation, CloudEvents headers and a promise each).
 */
export async function runHeraldLoad(options: HeraldLoadOptions): Promise<RunMeasurement> {
  const { orders, shape } = options;
  const window = shape.kind === 'closed' ? shape.window : shape.maxInFlight;
  const publisher = createPublisher<OrderEventMessage>({
    brokers: options.bootstrap,
    topic: options.topic,
    codec: benchCodec(),
    key: (event) => event.order_id,
    preset: 'reliable',
    kafka: kafkaSettings(options.settings),
    ...(options.rdkafka === undefined ? {} : { rdkafka: options.rdkafka }),
    maxInFlight: Math.max(50_000, window),
    ...(options.transport === undefined || options.transport === 'auto'
      ? {}
      : { transport: transports[options.transport] }),
  });
  try {
    await publisher.connect();
    const phase = async (total: number, report: ((n: number) => void) | undefined): Promise<Meter> => {
      const payload = orders.reduce((sum, o) => sum + Buffer.byteLength(JSON.stringify(o)), 0) / orders.length;
      const meter = new Meter(total, payload);
      const n = orders.length;
      const pacer: Pacer = new Pacer(total, shape, (i) => {
        meter.sent(i);
        publisher.publish(orders[i % n]!).then(
          () => {
            meter.delivered(i);
            report?.(meter.settled);
            pacer.settled();
          },
          (error: unknown) => {
            meter.failed(i, codeOf(error));
            report?.(meter.settled);
            pacer.settled();
          },
        );
        return true;
      });
      meter.start();
      pacer.start();
      await meter.done;
      pacer.stop();
      return meter;
    };
    if (options.warmup > 0) await phase(options.warmup, undefined);
    const meter = await phase(options.messages, options.onProgress);
    return meter.result();
  } finally {
    await publisher.close({ timeoutMs: 10_000 });
  }
}
