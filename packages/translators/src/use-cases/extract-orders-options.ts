import type { OrderEventKind } from '../translators/order-event-types.js';
import type { OrderEvent } from '../translators/to-order-event.js';
import type { ExtractProgress } from './extract-report.js';

/** Options of {@link ExtractOrdersUseCase}. */
export interface ExtractOrdersOptions {
  /**
   * What the published events say happened to each order.
   * @defaultValue 'created'
   */
  readonly kind?: OrderEventKind;
  /**
   * The CloudEvents `source` of the default headers.
   * @defaultValue '/herald/extract-orders'
   */
  readonly source?: string;
  /**
   * The record headers of each event, computed once per event before it is published; `null`
   * sends none (e.g. when the publisher's codec adds CloudEvents headers itself).
   * @defaultValue `orderEventHeaders(event, source)`: CloudEvents binary-mode headers
   */
  readonly headers?: ((event: OrderEvent) => Readonly<Record<string, string>>) | null;
  /**
   * Most publishes awaiting delivery at once. Bounds memory for any number of orders; keep it
   * below the publisher's own in-flight cap so that waiting happens here, not inside it.
   * @defaultValue 1000
   */
  readonly maxInFlight?: number;
  /**
   * Deadline of the final `flush`, in milliseconds.
   * @defaultValue 30000
   */
  readonly flushTimeoutMs?: number;
  /** Called with the counters after each page is handed to the publisher, and once at the end. */
  readonly onProgress?: (progress: ExtractProgress) => void;
}

/** {@link ExtractOrdersOptions} with every default applied. */
export interface ResolvedExtractOrdersOptions {
  readonly kind: OrderEventKind;
  readonly headers: ((event: OrderEvent) => Readonly<Record<string, string>>) | null;
  readonly maxInFlight: number;
  readonly flushTimeoutMs: number;
  readonly onProgress: ((progress: ExtractProgress) => void) | undefined;
}
