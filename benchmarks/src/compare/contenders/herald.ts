// (a) Herald: validation + CloudEvents headers + a delivery promise per message.
import { runHeraldLoad } from '../../produce/herald-load.js';
import type { NodeContender } from '../contender.js';
import { loadOrders } from '../workload.js';

/** Herald's `publish()` per event, reliable preset with the workload's settings. */
export const contender: NodeContender = {
  async run(workload) {
    const measurement = await runHeraldLoad({
      bootstrap: workload.bootstrap,
      topic: workload.topic,
      orders: loadOrders(workload),
      messages: workload.messages,
      warmup: workload.warmup,
      settings: workload.settings,
      shape: { kind: 'closed', window: workload.window },
    });
    const s = workload.settings;
    return {
      status: 'ok',
      measurement,
      ranWith: {
        acks: String(s.acks),
        idempotence: s.idempotence,
        compression: s.compression,
        linger: `${s.lingerMs} ms`,
        maxInFlightRequests: '5',
        batching: 'librdkafka (linger)',
        perMessage: 'typia-validated encode, 7 CloudEvents headers, key, Promise per publish',
      },
      unmatched: [],
    };
  },
};
