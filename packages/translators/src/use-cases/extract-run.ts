import type { OrderEventMessage } from '@herald/schemas';
import type { FetchedOrder } from '../gateways/orders-gateway.js';
import { errorDetails } from '../internal/error-details.js';
import { InFlightLimit } from '../internal/in-flight-limit.js';
import { toOrderEvent } from '../translators/to-order-event.js';
import type { ResolvedExtractOrdersOptions } from './extract-orders-options.js';
import type { ExtractProgress, FailureStage, OrderFailure } from './extract-report.js';
import type { OrderEventSink } from './order-event-sink.js';

/** The state of one `execute()`: counters, failures, and the publishes in flight. */
export class ExtractRun {
  /** Orders read from the gateway so far, valid or not. */
  fetched = 0;
  /** Publishes that resolved. */
  published = 0;
  /** Pages read. */
  pages = 0;
  /** Every order that was read and not published. */
  readonly failed: OrderFailure[] = [];
  readonly #sink: OrderEventSink;
  readonly #options: ResolvedExtractOrdersOptions;
  readonly #inFlight: InFlightLimit;

  constructor(sink: OrderEventSink, options: ResolvedExtractOrdersOptions) {
    this.#sink = sink;
    this.#options = options;
    this.#inFlight = new InFlightLimit(options.maxInFlight);
  }

  /**
   * Translates one fetched order and starts publishing it. Resolves as soon as the publish has
   * started, which is at once unless `maxInFlight` publishes are outstanding: then it waits for one
   * to settle. Never rejects: a bad order becomes a failure entry.
   */
  async handle(fetched: FetchedOrder): Promise<void> {
    const position = this.fetched++;
    if (!fetched.ok) {
      this.#fail(fetched.orderId, position, 'parse', fetched.error);
      return;
    }
    let message: OrderEventMessage;
    let headers: Readonly<Record<string, string>> | undefined;
    try {
      const event = toOrderEvent(fetched.order, this.#options.kind);
      message = event.message;
      headers = this.#options.headers?.(event);
    } catch (error) {
      this.#fail(fetched.order.id, position, 'translate', error);
      return;
    }
    await this.#inFlight.acquire();
    void this.#publish(message, headers, position);
  }

  /** Resolves when every publish started so far has settled. */
  settled(): Promise<void> {
    return this.#inFlight.idle();
  }

  /** The counters as they stand. */
  progress(): ExtractProgress {
    return {
      fetched: this.fetched,
      published: this.published,
      failed: this.failed.length,
      inFlight: this.#inFlight.active,
    };
  }

  async #publish(
    message: OrderEventMessage,
    headers: Readonly<Record<string, string>> | undefined,
    position: number,
  ): Promise<void> {
    try {
      await this.#sink.publish(message, headers === undefined ? undefined : { headers });
      this.published++;
    } catch (error) {
      this.#fail(message.order_id, position, 'publish', error);
    } finally {
      this.#inFlight.release();
    }
  }

  #fail(orderId: string | undefined, position: number, stage: FailureStage, error: unknown): void {
    this.failed.push({ orderId, position, stage, ...errorDetails(error) });
  }
}
