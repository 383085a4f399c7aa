// (d) @confluentinc/kafka-javascript's KafkaJS-compatible API: send() of `batch` messages, several in flight.
import kafka from '@confluentinc/kafka-javascript';
import { measureBatches } from '../batch-pump.js';
import { errorCode } from '../error-code.js';
import { naiveCloudEventHeaders } from '../cloud-event-headers.js';
import type { NodeContender } from '../contender.js';
import { loadOrders, meanBytes } from '../workload.js';

const { KafkaJS } = kafka;

type Compression = (typeof KafkaJS.CompressionTypes)[keyof typeof KafkaJS.CompressionTypes];

function compressionOf(name: string): Compression {
  const types: Record<string, Compression> = {
    none: KafkaJS.CompressionTypes.None,
    gzip: KafkaJS.CompressionTypes.GZIP,
    snappy: KafkaJS.CompressionTypes.Snappy,
    lz4: KafkaJS.CompressionTypes.LZ4,
    zstd: KafkaJS.CompressionTypes.ZSTD,
  };
  return types[name] ?? KafkaJS.CompressionTypes.None;
}

/** `producer.send({ topic, messages })` with naive JSON + headers, `batch` per call. */
export const contender: NodeContender = {
  async run(workload) {
    const s = workload.settings;
    const orders = loadOrders(workload);
    const n = orders.length;
    const producer = new KafkaJS.Kafka({
      kafkaJS: { brokers: workload.bootstrap.split(','), logLevel: KafkaJS.logLevel.ERROR },
    }).producer({
      'linger.ms': s.lingerMs,
      partitioner: 'murmur2_random',
      ...(s.batchSize === undefined ? {} : { 'batch.size': s.batchSize }),
      kafkaJS: {
        acks: s.acks === 'all' ? -1 : s.acks,
        idempotent: s.idempotence,
        compression: compressionOf(s.compression),
        maxInFlightRequests: 5,
      },
    });
    await producer.connect();
    const send = (from: number, to: number): Promise<void> => {
      const messages = [];
      for (let i = from; i < to; i++) {
        const order = orders[i % n]!;
        messages.push({
          key: order.order_id,
          value: Buffer.from(JSON.stringify(order)),
          headers: naiveCloudEventHeaders(),
        });
      }
      return producer.send({ topic: workload.topic, messages }).then(() => undefined);
    };
    const codeOf = (error: unknown) => errorCode(error, 'type');
    try {
      const measurement = await measureBatches(workload, meanBytes(orders), send, codeOf);
      return {
        status: 'ok',
        measurement,
        ranWith: {
          acks: String(s.acks),
          idempotence: s.idempotence,
          compression: s.compression,
          linger: `${s.lingerMs} ms`,
          maxInFlightRequests: '5',
          batching: `send() of ${workload.batch}, up to ${Math.floor(workload.window / workload.batch)} in flight, + librdkafka linger`,
          perMessage: 'JSON.stringify + Buffer.from, 7 CloudEvents headers, key; a Promise per send()',
        },
        unmatched: [],
      };
    } finally {
      await producer.disconnect();
    }
  },
};
