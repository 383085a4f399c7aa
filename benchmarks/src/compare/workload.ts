import { readFileSync } from 'node:fs';
import type { OrderEventMessage } from '@herald/schemas';
import type { ProducerSettings } from '../common/settings.js';

/** What every contender of one `compare` run is told to do: the same for all of them. */
export interface Workload {
  readonly bootstrap: string;
  readonly topic: string;
  /** JSON lines, one order each: the payloads every contender cycles through. */
  readonly ordersFile: string;
  /** Measured messages per round. */
  readonly messages: number;
  /** Messages sent before the clock starts. */
  readonly warmup: number;
  /** Messages in flight at most (closed loop). */
  readonly window: number;
  /** Messages per `send()` for the batch APIs. */
  readonly batch: number;
  readonly settings: ProducerSettings;
  /** The librdkafka properties the native contenders run with (Herald's reliable preset + settings). */
  readonly rdkafka: Readonly<Record<string, string | number | boolean>>;
}

/** The orders of `workload.ordersFile`, parsed (flat strings, as from a request body). */
export function loadOrders(workload: Workload): OrderEventMessage[] {
  return readFileSync(workload.ordersFile, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as OrderEventMessage);
}

/** Mean JSON size of `orders` in bytes. */
export function meanBytes(orders: readonly OrderEventMessage[]): number {
  return orders.reduce((sum, o) => sum + Buffer.byteLength(JSON.stringify(o)), 0) / Math.max(1, orders.length);
}
