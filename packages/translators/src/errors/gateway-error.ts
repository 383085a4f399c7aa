import { TranslatorsError } from './translators-error.js';
import type { TranslatorsErrorCode } from './translators-error.js';

/** The {@link TranslatorsErrorCode}s a gateway raises. */
export type GatewayErrorCode = Extract<TranslatorsErrorCode, `GATEWAY_${string}`>;

/** Details of a {@link GatewayError}. */
export interface GatewayErrorInit {
  /** The request that failed (no credentials: those travel in headers). */
  readonly url: string;
  /** How many attempts were made before giving up. */
  readonly attempts: number;
  /** The last HTTP status seen, when a response arrived. */
  readonly status?: number;
  /** True when a later run may succeed: timeouts, network errors, 429 and 5xx. */
  readonly retriable: boolean;
  /** The underlying error. */
  readonly cause?: unknown;
}

/**
 * A page of orders could not be fetched or read. It stops iteration: a page that cannot be read
 * cannot be attributed to orders, so the use case reports it as a run failure, not per order.
 */
export class GatewayError extends TranslatorsError {
  declare readonly code: GatewayErrorCode;
  /** The request that failed. */
  readonly url: string;
  /** The last HTTP status seen, when a response arrived. */
  readonly status: number | undefined;
  /** How many attempts were made before giving up. */
  readonly attempts: number;

  /** @param message - what happened, in words; the URL and attempt count are appended. */
  constructor(code: GatewayErrorCode, message: string, init: GatewayErrorInit) {
    const tries = init.attempts === 1 ? '1 attempt' : `${init.attempts} attempts`;
    super(code, `${message} (GET ${init.url}, ${tries})`, init.retriable, init.cause);
    this.url = init.url;
    this.status = init.status;
    this.attempts = init.attempts;
  }
}
