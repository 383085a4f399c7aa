import type { OrdersGateway, OrdersPage } from '../gateways/orders-gateway.js';
import { errorDetails } from '../internal/error-details.js';
import type { ExtractOrdersOptions, ResolvedExtractOrdersOptions } from './extract-orders-options.js';
import type { ExtractReport, RunFailure } from './extract-report.js';
import { ExtractRun } from './extract-run.js';
import type { OrderEventSink } from './order-event-sink.js';
import { resolveExtractOrdersOptions } from './resolve-extract-orders-options.js';

/** The run failure for an aborted `signal`, or `undefined` while it has not fired. */
function abortFailure(signal: AbortSignal | undefined): RunFailure | undefined {
  if (signal?.aborted !== true) return undefined;
  return { stage: 'aborted', ...errorDetails(signal.reason), error: signal.reason };
}

/**
 * Extracts every order from a gateway and publishes it as an order event: page by page, with at
 * most `maxInFlight` publishes outstanding, so memory stays bounded for any number of orders. A bad
 * order is reported (stage `parse`, `translate` or `publish`) and skipped; it never aborts the run.
 * A page that cannot be read stops the run, reported as `runFailure`, keeping what was published.
 */
export class ExtractOrdersUseCase {
  readonly #gateway: OrdersGateway;
  readonly #sink: OrderEventSink;
  readonly #options: ResolvedExtractOrdersOptions;

  /** Throws `InvalidOptionsError` (of `@herald/errors`) naming an invalid option. */
  constructor(gateway: OrdersGateway, publisher: OrderEventSink, options: ExtractOrdersOptions = {}) {
    this.#gateway = gateway;
    this.#sink = publisher;
    this.#options = resolveExtractOrdersOptions(options);
  }

  /**
   * Runs one extraction and resolves with its report once every publish has settled and the
   * publisher was flushed. Rejects only when `onProgress` throws (after in-flight publishes settle).
   */
  async execute(options: { readonly signal?: AbortSignal } = {}): Promise<ExtractReport> {
    const started = performance.now();
    const run = new ExtractRun(this.#sink, this.#options);
    let runFailure: RunFailure | undefined;
    try {
      runFailure = await this.#read(run, options.signal);
    } finally {
      await run.settled();
    }
    try {
      await this.#sink.flush(this.#options.flushTimeoutMs);
    } catch (error) {
      runFailure ??= { stage: 'flush', ...errorDetails(error), error };
    }
    this.#options.onProgress?.(run.progress());
    const { fetched, published, failed, pages } = run;
    return {
      fetched,
      published,
      failed,
      pages,
      complete: runFailure === undefined,
      runFailure,
      durationMs: performance.now() - started,
    };
  }

  async #read(run: ExtractRun, signal: AbortSignal | undefined): Promise<RunFailure | undefined> {
    const pages = this.#gateway.pages(signal)[Symbol.asyncIterator]();
    let exhausted = false;
    try {
      for (;;) {
        const stop = abortFailure(signal);
        if (stop !== undefined) return stop;
        let next: IteratorResult<OrdersPage>;
        try {
          next = await pages.next();
        } catch (error) {
          exhausted = true;
          return abortFailure(signal) ?? { stage: 'fetch', ...errorDetails(error), error };
        }
        if (next.done === true) {
          exhausted = true;
          return undefined;
        }
        run.pages++;
        for (const order of next.value.orders) {
          await run.handle(order);
          const stopped = abortFailure(signal);
          if (stopped !== undefined) return stopped;
        }
        this.#options.onProgress?.(run.progress());
      }
    } finally {
      // Stopping early: let the source release what it holds (an HTTP response, a generator).
      if (!exhausted) await pages.return?.().catch(() => undefined);
    }
  }
}
