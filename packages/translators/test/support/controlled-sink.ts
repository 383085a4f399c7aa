// An OrderEventSink whose publishes settle only when the test says so, to observe concurrency.
import type { OrderEventMessage } from '@herald/schemas';
import type { OrderEventSink } from '../../src/index.js';

interface Pending {
  readonly message: OrderEventMessage;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

/** A sink that holds every publish until `settleAll()`; records the most outstanding at once. */
export class ControlledSink implements OrderEventSink {
  readonly pending: Pending[] = [];
  readonly delivered: OrderEventMessage[] = [];
  maxOutstanding = 0;
  flushes = 0;
  /** Outstanding publishes when `flush` was called. */
  outstandingAtFlush: number | undefined;

  publish(message: OrderEventMessage): Promise<unknown> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ message, resolve: () => (this.delivered.push(message), resolve()), reject });
      this.maxOutstanding = Math.max(this.maxOutstanding, this.pending.length);
    });
  }

  flush(): Promise<void> {
    this.flushes++;
    this.outstandingAtFlush = this.pending.length;
    return Promise.resolve();
  }

  /** Delivers everything outstanding (publishes that start meanwhile wait for the next call). */
  settleAll(): void {
    for (const p of this.pending.splice(0)) p.resolve();
  }
}
