import { Meter } from '../common/meter.js';
import type { RunMeasurement } from '../common/meter.js';

/**
 * Closed loop for batch APIs: `send(from, to)` sends messages [from, to) as one call and resolves
 * when all are acknowledged (or rejects: all failed); at most `window / batch` calls in flight.
 * Each message's latency runs from its call to the call's settlement.
 */
export function pumpBatches(
  meter: Meter,
  batch: number,
  window: number,
  send: (from: number, to: number) => Promise<void>,
  codeOf: (error: unknown) => string,
): Promise<void> {
  const total = meter.total;
  const maxCalls = Math.max(1, Math.floor(window / batch));
  let next = 0;
  let calls = 0;
  const pump = (): void => {
    while (calls < maxCalls && next < total) {
      const from = next;
      const to = Math.min(total, from + batch);
      next = to;
      calls += 1;
      for (let i = from; i < to; i++) meter.sent(i);
      send(from, to).then(
        () => {
          for (let i = from; i < to; i++) meter.delivered(i);
          calls -= 1;
          pump();
        },
        (error: unknown) => {
          const code = codeOf(error);
          for (let i = from; i < to; i++) meter.failed(i, code);
          calls -= 1;
          pump();
        },
      );
    }
  };
  meter.start();
  pump();
  return meter.done;
}

/** Warm-up (unmeasured), then the measured run of a batch-API contender; returns the measurement. */
export async function measureBatches(
  workload: { readonly warmup: number; readonly messages: number; readonly batch: number; readonly window: number },
  bytesPerMessage: number,
  send: (from: number, to: number) => Promise<void>,
  codeOf: (error: unknown) => string,
): Promise<RunMeasurement> {
  if (workload.warmup > 0)
    await pumpBatches(new Meter(workload.warmup, 0), workload.batch, workload.window, send, codeOf);
  const meter = new Meter(workload.messages, bytesPerMessage);
  await pumpBatches(meter, workload.batch, workload.window, send, codeOf);
  return meter.result();
}
