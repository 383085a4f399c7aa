// (b) The bare native producer, naive: JSON.stringify + Buffer.from + the same headers, dr_cb counted.
import type { NodeContender } from '../contender.js';
import { naiveNativeHeaders } from '../cloud-event-headers.js';
import { loadOrders, meanBytes } from '../workload.js';
import { nativeRanWith, runNativeLoop } from './native-producer.js';

/** `produce(topic, null, Buffer.from(JSON.stringify(order)), key, null, i, headers)` per message. */
export const contender: NodeContender = {
  async run(workload) {
    const orders = loadOrders(workload);
    const n = orders.length;
    const topic = workload.topic;
    const measurement = await runNativeLoop(workload, meanBytes(orders), (producer, i) => {
      const order = orders[i % n]!;
      producer.produce(topic, null, Buffer.from(JSON.stringify(order)), order.order_id, null, i, naiveNativeHeaders());
    });
    return {
      status: 'ok',
      measurement,
      ranWith: nativeRanWith(
        workload,
        'JSON.stringify + Buffer.from, 7 CloudEvents headers, key, delivery report counted (no validation)',
      ),
      unmatched: [],
    };
  },
};
