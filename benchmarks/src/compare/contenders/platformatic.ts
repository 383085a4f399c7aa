// (f) @platformatic/kafka (pure JS), idempotent, acks=all, snappy (its WebAssembly codec).
import { compatibilityPartitioner, ProduceAcks, Producer, stringSerializer } from '@platformatic/kafka';
import { measureBatches } from '../batch-pump.js';
import { errorCode } from '../error-code.js';
import { naiveCloudEventHeaders } from '../cloud-event-headers.js';
import type { NodeContender } from '../contender.js';
import { loadOrders, meanBytes } from '../workload.js';

/** `producer.send({ messages })`, `batch` per call, string key and headers, Buffer value. */
export const contender: NodeContender = {
  async run(workload) {
    const s = workload.settings;
    const orders = loadOrders(workload);
    const n = orders.length;
    const producer = new Producer<string, Buffer, string, string>({
      clientId: 'herald-bench',
      bootstrapBrokers: workload.bootstrap.split(','),
      idempotent: s.idempotence,
      acks: s.acks === 'all' ? ProduceAcks.ALL : s.acks === 1 ? ProduceAcks.LEADER : ProduceAcks.NO_RESPONSE,
      compression: s.compression,
      partitioner: compatibilityPartitioner,
      serializers: { key: stringSerializer, headerKey: stringSerializer, headerValue: stringSerializer },
    });
    const topic = workload.topic;
    const send = (from: number, to: number): Promise<void> => {
      const messages = [];
      for (let i = from; i < to; i++) {
        const order = orders[i % n]!;
        messages.push({
          topic,
          key: order.order_id,
          value: Buffer.from(JSON.stringify(order)),
          headers: naiveCloudEventHeaders(),
        });
      }
      return producer.send({ messages }).then(() => undefined);
    };
    const codeOf = (error: unknown) => errorCode(error, 'code');
    try {
      const measurement = await measureBatches(workload, meanBytes(orders), send, codeOf);
      return {
        status: 'ok',
        measurement,
        ranWith: {
          acks: String(s.acks),
          idempotence: s.idempotence,
          compression: s.compression,
          linger: 'none (no linger in @platformatic/kafka)',
          maxInFlightRequests: s.idempotence ? '1 (forced by the client with idempotence)' : 'client default',
          batching: `send() of ${workload.batch}, up to ${Math.floor(workload.window / workload.batch)} calls queued`,
          perMessage: 'JSON.stringify + Buffer.from, 7 CloudEvents headers, key; a Promise per send()',
        },
        unmatched: [
          `linger.ms ${s.lingerMs}: no linger, each send() is its own request`,
          ...(s.idempotence ? ['max.in.flight 5: the client forces 1 request in flight when idempotent'] : []),
        ],
      };
    } finally {
      await producer.close();
    }
  },
};
