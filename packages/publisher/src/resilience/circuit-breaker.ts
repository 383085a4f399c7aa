// closed -> open -> half-open -> closed: stop sending into a cluster that is not there, and probe
// with one publish before letting the rest through again.
import { integerOption, InvalidOptionsError } from '@herald/errors';
import type { PublisherError } from '../errors.js';

/** Circuit breaker options of the publisher (`circuitBreaker`). Off unless given. */
export interface CircuitBreakerOptions {
  /** Consecutive unavailability failures (broker unreachable, delivery timeout) that open it. @defaultValue 5 */
  readonly failureThreshold?: number;
  /** How long it stays open before letting one probe publish through. @defaultValue 5000 */
  readonly openMs?: number;
  /**
   * What a publish does while it is open: `'fail'` rejects at once with `CircuitOpenError`
   * (outcome not-written), `'wait'` holds it (bounded by `maxBlockMs`) until the breaker closes.
   * @defaultValue 'fail'
   */
  readonly whenOpen?: 'fail' | 'wait';
}

/** The breaker's state; exported as the `herald.publisher.circuit.state` gauge (0, 1, 2). */
export type CircuitState = 'closed' | 'half-open' | 'open';

/** What the breaker says about one publish. */
export type Admission = 'pass' | 'probe' | 'block';

/** Errors that say the cluster is unavailable, as opposed to something wrong with this event. */
const unavailable: ReadonlySet<string> = new Set(['BROKER_UNREACHABLE', 'DELIVERY_TIMEOUT']);
/** Kafka codes of DELIVERY_FAILED that mean the same: transport failure, all brokers down. */
const unavailableCodes: ReadonlySet<number> = new Set([-195, -187]);

/** True when `error` counts towards opening the breaker. */
export function isUnavailability(error: PublisherError): boolean {
  return (
    unavailable.has(error.code) || (error.code === 'DELIVERY_FAILED' && unavailableCodes.has(error.kafkaCode ?? 0))
  );
}

/** Resolved breaker options. */
export interface CircuitBreakerPolicy {
  readonly failureThreshold: number;
  readonly openMs: number;
  readonly whenOpen: 'fail' | 'wait';
}

/** Checks `options` and fills in the defaults. */
export function resolveCircuitBreaker(options: CircuitBreakerOptions): CircuitBreakerPolicy {
  if (typeof options !== 'object' || options === null)
    throw new InvalidOptionsError('circuitBreaker', '`circuitBreaker` must be an object');
  const int = (name: string, value: number | undefined, fallback: number) =>
    integerOption(`circuitBreaker.${name}`, value, fallback);
  const whenOpen = options.whenOpen ?? 'fail';
  if (whenOpen !== 'fail' && whenOpen !== 'wait')
    throw new InvalidOptionsError(
      'circuitBreaker.whenOpen',
      `circuitBreaker.whenOpen must be 'fail' or 'wait', got ${String(whenOpen)}`,
    );
  return {
    failureThreshold: int('failureThreshold', options.failureThreshold, 5),
    openMs: int('openMs', options.openMs, 5_000),
    whenOpen,
  };
}

/**
 * The breaker's state machine. It only decides; the publisher calls `admit` before sending and
 * reports each settled publish with `succeeded` / `failed`.
 */
export class CircuitBreaker {
  readonly policy: CircuitBreakerPolicy;
  readonly #changed: (from: CircuitState, to: CircuitState, reason: string) => void;
  #state: CircuitState = 'closed';
  #failures = 0;
  #openedAt = 0;
  #probing = false;
  #timer: NodeJS.Timeout | undefined;

  constructor(policy: CircuitBreakerPolicy, changed: (from: CircuitState, to: CircuitState, reason: string) => void) {
    this.policy = policy;
    this.#changed = changed;
  }

  get state(): CircuitState {
    return this.#state;
  }

  /** When the next probe may go (ms since the epoch), while open. */
  get retryAt(): number {
    return this.#openedAt + this.policy.openMs;
  }

  /** Ms until the breaker may let traffic through again; 0 when closed. */
  holdMs(now = Date.now()): number {
    if (this.#state === 'closed') return 0;
    if (this.#state === 'open') return Math.max(1, this.retryAt - now);
    return this.policy.openMs;
  }

  /** Whether one publish may be sent now; `'probe'` makes it the half-open probe. */
  admit(): Admission {
    if (this.#state === 'closed') return 'pass';
    if (this.#state === 'half-open' && !this.#probing) {
      this.#probing = true;
      return 'probe';
    }
    return 'block';
  }

  /** A publish was acked (or failed for a reason that proves the cluster answers). */
  succeeded(): void {
    this.#failures = 0;
    this.#probing = false;
    if (this.#state !== 'closed') this.#move('closed', 'a publish was acknowledged');
  }

  /** A publish failed; `probe` says whether it was the half-open probe. */
  failed(error: PublisherError, probe: boolean): void {
    if (!isUnavailability(error)) {
      // A broker error code (positive, e.g. 3 "unknown topic") means a broker answered; local
      // failures (queue full, closed) say nothing about the cluster.
      if ((error.kafkaCode ?? 0) > 0) this.succeeded();
      else if (probe) this.#probing = false;
      return;
    }
    if (probe) {
      this.#probing = false;
      this.#open(`the probe failed with ${error.code}`);
      return;
    }
    if (this.#state !== 'closed') return;
    this.#failures += 1;
    if (this.#failures >= this.policy.failureThreshold)
      this.#open(`${this.#failures} consecutive ${error.code} failures`);
  }

  /** Stops the half-open timer (close). */
  stop(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #open(reason: string): void {
    this.#openedAt = Date.now();
    this.#move('open', reason);
    this.stop();
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      if (this.#state === 'open') this.#move('half-open', `open for ${this.policy.openMs} ms`);
    }, this.policy.openMs);
    this.#timer.unref();
  }

  #move(to: CircuitState, reason: string): void {
    const from = this.#state;
    if (from === to) return;
    this.#state = to;
    if (to !== 'open') this.#failures = 0;
    this.#changed(from, to, reason);
  }
}
