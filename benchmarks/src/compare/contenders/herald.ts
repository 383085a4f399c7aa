// (a) Herald: validation + CloudEvents headers + a delivery promise per message, on its own native
// transport (herald-ckjs.ts runs the same on the CKJS transport).
import { presets } from '@herald/publisher';
import { benchCodec, runHeraldLoad } from '../../produce/herald-load.js';
import type { HeraldTransport } from '../../produce/herald-load.js';
import type { NodeContender } from '../contender.js';
import { loadOrders } from '../workload.js';

/** Herald's `publish()` per event on `transport`, reliable preset with the workload's settings. */
export function heraldContender(transport: Exclude<HeraldTransport, 'auto'>): NodeContender {
  return {
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
        transport,
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
          perMessage: `typia-validated encode, ${headers} CloudEvents headers, key, Promise per publish (${transport} transport)`,
        },
        unmatched: [],
      };
    },
  };
}

/** Herald on its default, native transport. */
export const contender: NodeContender = heraldContender('native');
