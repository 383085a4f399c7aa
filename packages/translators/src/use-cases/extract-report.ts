/** Where in the pipeline an order failed: read from the source, translated, or published. */
export type FailureStage = 'parse' | 'translate' | 'publish';

/** One order that was fetched and not published, and why. */
export interface OrderFailure {
  /** The order's id; `undefined` for a source record without a usable one (see {@link position}). */
  readonly orderId: string | undefined;
  /** 0-based position of the order in the run, across pages: finds a record that has no id. */
  readonly position: number;
  readonly stage: FailureStage;
  /** The error's message, e.g. `lineItems[0].quantity: Quantity must be an integer from 1 …`. */
  readonly reason: string;
  /** The error's `code`, when it had one (e.g. `DOMAIN_VALIDATION`, `TRANSLATION`, `DELIVERY_TIMEOUT`). */
  readonly code?: string;
}

/**
 * Why a run stopped early or could not confirm delivery: `fetch`, a page could not be fetched or
 * read (not attributable to orders); `aborted`, the caller's signal fired; `flush`, the final flush
 * failed. Orders already published stay published and counted.
 */
export interface RunFailure {
  readonly stage: 'fetch' | 'aborted' | 'flush';
  readonly reason: string;
  /** The error's `code`, when it had one (e.g. `GATEWAY_MALFORMED_PAGE`, `FLUSH_TIMEOUT`). */
  readonly code?: string;
  /** The error itself, for its details (`GatewayError.url`, `status`, …). */
  readonly error: unknown;
}

/** Counters handed to `onProgress`: after each page, and once at the end. */
export interface ExtractProgress {
  /** Orders read from the gateway, valid or not. */
  readonly fetched: number;
  /** Orders delivered. */
  readonly published: number;
  /** Orders that failed at any stage. */
  readonly failed: number;
  /** Publishes started and not yet settled. */
  readonly inFlight: number;
}

/**
 * What one run did. After a run `fetched === published + failed.length`: every order read is
 * accounted for. `complete` is false when {@link runFailure} is set.
 */
export interface ExtractReport {
  /** Orders read from the gateway, valid or not. */
  readonly fetched: number;
  /** Orders delivered (the publisher resolved). */
  readonly published: number;
  /** Every order that was fetched and not published, in the order the failures happened. */
  readonly failed: readonly OrderFailure[];
  /** Pages read. */
  readonly pages: number;
  /** True when the source was read to the end and the final flush succeeded. */
  readonly complete: boolean;
  /** Why the run stopped early or could not flush; `undefined` for a complete run. */
  readonly runFailure: RunFailure | undefined;
  /** Wall-clock duration of the run in milliseconds. */
  readonly durationMs: number;
}
