// (c) The ceiling: the bare native producer sending ready-made Buffers, no headers.
import type { NodeContender } from '../contender.js';
import { loadOrders, meanBytes } from '../workload.js';
import { nativeRanWith, runNativeLoop } from './native-producer.js';

/** `produce()` of pre-encoded Buffers with keys and no headers: the most this client can do here. */
export const contender: NodeContender = {
  async run(workload) {
    const orders = loadOrders(workload);
    const values = orders.map((o) => Buffer.from(JSON.stringify(o)));
    const keys = orders.map((o) => o.order_id);
    const n = orders.length;
    const topic = workload.topic;
    const measurement = await runNativeLoop(workload, meanBytes(orders), (producer, i) => {
      producer.produce(topic, null, values[i % n]!, keys[i % n], null, i);
    });
    return {
      status: 'ok',
      measurement,
      ranWith: nativeRanWith(workload, 'pre-encoded Buffer + key, no headers, no encoding (ceiling)'),
      unmatched: ['no headers and no encoding: a ceiling, not the same work'],
    };
  },
};
