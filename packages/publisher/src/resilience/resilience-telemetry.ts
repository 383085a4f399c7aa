import { metrics } from '@opentelemetry/api';
import type { Attributes, Counter, MeterProvider } from '@opentelemetry/api';
import type { PublisherError } from '../errors.js';
import {
  ATTR_ERROR_TYPE,
  ATTR_MESSAGING_CLIENT_ID,
  ATTR_MESSAGING_DESTINATION_NAME,
  ATTR_MESSAGING_SYSTEM,
  MESSAGING_SYSTEM_KAFKA,
} from '../semconv.js';
import type { CircuitState } from './circuit-breaker.js';

const stateValue: Readonly<Record<CircuitState, number>> = { closed: 0, 'half-open': 1, open: 2 };

/** What the gauges read. */
export interface ResilienceSource {
  readonly retryQueued: number;
  readonly circuitState: CircuitState | undefined;
}

/**
 * Metrics of the resilience layer: retries, dead-lettered events, dead-letter failures, circuit
 * transitions, and gauges for the retry queue and the breaker state (0 closed, 1 half-open, 2 open).
 */
export class ResilienceTelemetry {
  readonly #base: Attributes;
  readonly #retries: Counter | undefined;
  readonly #deadLettered: Counter | undefined;
  readonly #deadLetterFailed: Counter | undefined;
  readonly #transitions: Counter | undefined;

  constructor(meterProvider: MeterProvider | undefined, clientId: string, source: ResilienceSource) {
    this.#base = { [ATTR_MESSAGING_SYSTEM]: MESSAGING_SYSTEM_KAFKA, [ATTR_MESSAGING_CLIENT_ID]: clientId };
    const meter = (meterProvider ?? metrics.getMeterProvider()).getMeter('@herald/publisher');
    // Always created: the API has no public way to tell the no-op meter, which records for free.
    this.#retries = meter.createCounter('herald.publisher.retries', {
      unit: '{attempt}',
      description: 'Delivery attempts scheduled again by the retry policy.',
    });
    this.#deadLettered = meter.createCounter('herald.publisher.dead_lettered', {
      unit: '{message}',
      description: 'Events written to a dead-letter topic instead of their own.',
    });
    this.#deadLetterFailed = meter.createCounter('herald.publisher.dead_letter_failures', {
      unit: '{message}',
      description: 'Events whose dead-letter write failed too.',
    });
    this.#transitions = meter.createCounter('herald.publisher.circuit.transitions', {
      unit: '{transition}',
      description: 'Circuit breaker state changes, by new state.',
    });
    const queued = meter.createObservableGauge('herald.publisher.retry.queued', {
      unit: '{message}',
      description: 'Records waiting in retry lanes.',
    });
    const state = meter.createObservableGauge('herald.publisher.circuit.state', {
      unit: '1',
      description: 'Circuit breaker state: 0 closed, 1 half-open, 2 open.',
    });
    meter.addBatchObservableCallback(
      (result) => {
        result.observe(queued, source.retryQueued, this.#base);
        const circuit = source.circuitState;
        if (circuit !== undefined) result.observe(state, stateValue[circuit], this.#base);
      },
      [queued, state],
    );
  }

  retried(topic: string, error: PublisherError): void {
    this.#retries?.add(1, { ...this.#base, [ATTR_MESSAGING_DESTINATION_NAME]: topic, [ATTR_ERROR_TYPE]: error.code });
  }

  deadLettered(topic: string, error: PublisherError): void {
    this.#deadLettered?.add(1, {
      ...this.#base,
      [ATTR_MESSAGING_DESTINATION_NAME]: topic,
      [ATTR_ERROR_TYPE]: error.code,
    });
  }

  deadLetterFailed(topic: string, error: PublisherError): void {
    this.#deadLetterFailed?.add(1, {
      ...this.#base,
      [ATTR_MESSAGING_DESTINATION_NAME]: topic,
      [ATTR_ERROR_TYPE]: error.code,
    });
  }

  transition(to: CircuitState): void {
    this.#transitions?.add(1, { ...this.#base, 'herald.circuit.state': to });
  }
}
