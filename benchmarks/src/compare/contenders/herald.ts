// (a) Herald: validation + CloudEvents headers + a delivery promise per message.
import { presets } from '@herald/publisher';
import { benchCodec, runHeraldLoad } from '../../produce/herald-load.js';
import type { NodeContender } from '../contender.js';
import { loadOrders } from '../workload.js';

/** Herald's `publish()` per event, reliable preset with the workload's settings. */
export const contender: NodeContender = {
  async run(workload) {
    const orders = loadOrders(workload);
    const measurement = await runHeraldLoad({
      bootstrap: workload.bootstrap,
      topic: workload.topic,
      orders,
      messages: workload.messages,
      warmup: workload.warmup,
      settings: workload.settings,
      shape: { kind: 'closed', window: workload.window },
    });
    const s = workload.settings;
    // What the run used, read from the preset and the codec it ran with rather than restated.
    const inFlight = presets.reliable['max.in.flight.requests.per.connection'];
    const headers = orders[0] === undefined ? 0 : Object.keys(benchCodec().headers(orders[0])).length;
    return {
      status: 'ok',
      measurement,
      ranWith: {
        acks: String(s.acks),
        idempotence: s.idempotence,
        compression: s.compression,
        linger: `${s.lingerMs} ms`,
        maxInFlightRequests: String(inFlight ?? 'librdkafka default'),
        batching: 'librdkafka (linger)',
        perMessage: `typia-validated encode, ${headers} CloudEvents headers, key, Promise per publish`,
      },
      unmatched: [],
    };
  },
};
