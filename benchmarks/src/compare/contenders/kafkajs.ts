// (e) kafkajs (pure JS) with a snappy codec from the `snappy` package, idempotent, acks -1.
import kafkajs from 'kafkajs';
import snappy from 'snappy';

// kafkajs is CommonJS: named imports of its runtime values do not resolve from ESM.
const { CompressionCodecs, CompressionTypes, Kafka, logLevel, Partitioners } = kafkajs;
import { measureBatches } from '../batch-pump.js';
import { errorCode } from '../error-code.js';
import { naiveCloudEventHeaders } from '../cloud-event-headers.js';
import type { NodeContender } from '../contender.js';
import { loadOrders, meanBytes } from '../workload.js';

// kafkajs ships no snappy codec; this is what kafkajs-snappy registers, on the maintained napi
// `snappy` package (kafkajs-snappy pins a native snappy 6 that needs a compiler download).
CompressionCodecs[CompressionTypes.Snappy] = () => ({
  compress: (encoder: { buffer: Buffer }) => Promise.resolve(snappy.compressSync(encoder.buffer)),
  decompress: (buffer: Buffer) => Promise.resolve(snappy.uncompressSync(buffer) as Buffer),
});

const compressions: Record<string, kafkajs.CompressionTypes> = {
  none: CompressionTypes.None,
  gzip: CompressionTypes.GZIP,
  snappy: CompressionTypes.Snappy,
  lz4: CompressionTypes.LZ4,
  zstd: CompressionTypes.ZSTD,
};

/** `producer.send({ topic, messages, acks, compression })`, `batch` per call, idempotent. */
export const contender: NodeContender = {
  async run(workload) {
    const s = workload.settings;
    const orders = loadOrders(workload);
    const n = orders.length;
    // kafkajs keeps ordering with idempotence only with one request in flight per broker.
    const producer = new Kafka({
      clientId: 'herald-bench',
      brokers: workload.bootstrap.split(','),
      logLevel: logLevel.ERROR,
    }).producer({
      idempotent: s.idempotence,
      maxInFlightRequests: s.idempotence ? 1 : 5,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    const acks = s.acks === 'all' ? -1 : s.acks;
    const compression = compressions[s.compression] ?? CompressionTypes.None;
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
      return producer.send({ topic: workload.topic, messages, acks, compression }).then(() => undefined);
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
          linger: 'none (no linger in kafkajs)',
          maxInFlightRequests: s.idempotence ? '1' : '5',
          batching: `send() of ${workload.batch}, up to ${Math.floor(workload.window / workload.batch)} calls queued`,
          perMessage: 'JSON.stringify + Buffer.from, 7 CloudEvents headers, key; a Promise per send()',
        },
        unmatched: [
          `linger.ms ${s.lingerMs}: kafkajs has no linger, each send() is its own request`,
          ...(s.idempotence ? ['max.in.flight 5: kafkajs keeps idempotent order only with 1 request in flight'] : []),
        ],
      };
    } finally {
      await producer.disconnect();
    }
  },
};
