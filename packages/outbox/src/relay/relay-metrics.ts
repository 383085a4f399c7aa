import { metrics } from '@opentelemetry/api';
import type { Attributes, Counter, MeterProvider } from '@opentelemetry/api';

/** The relay's `herald.outbox.*` instruments; with no SDK registered they cost nothing. */
export class RelayMetrics {
  readonly #attributes: Attributes;
  readonly #published: Counter;
  readonly #attempts: Counter;
  readonly #quarantined: Counter;
  lagSeconds = 0;
  active = false;

  constructor(meterProvider: MeterProvider | undefined, table: string) {
    const meter = (meterProvider ?? metrics.getMeterProvider()).getMeter('@herald/outbox');
    this.#attributes = { 'herald.outbox.table': table };
    this.#published = meter.createCounter('herald.outbox.published', {
      unit: '{row}',
      description: 'Rows the broker acked and the relay marked published',
    });
    this.#attempts = meter.createCounter('herald.outbox.attempts', {
      unit: '{attempt}',
      description: 'Publish attempts, by outcome (acked, failed)',
    });
    this.#quarantined = meter.createCounter('herald.outbox.quarantined', {
      unit: '{row}',
      description: 'Rows moved to the quarantine table',
    });
    meter
      .createObservableGauge('herald.outbox.lag', {
        unit: 's',
        description: 'Age of the oldest committed unpublished row',
      })
      .addCallback((result) => result.observe(this.lagSeconds, this.#attributes));
    meter
      .createObservableGauge('herald.outbox.active', {
        unit: '1',
        description: '1 while this relay holds the table lock',
      })
      .addCallback((result) => result.observe(this.active ? 1 : 0, this.#attributes));
  }

  acked(n: number): void {
    if (n === 0) return;
    this.#published.add(n, this.#attributes);
    this.#attempts.add(n, { ...this.#attributes, 'herald.outbox.outcome': 'acked' });
  }

  failed(n: number): void {
    if (n > 0) this.#attempts.add(n, { ...this.#attributes, 'herald.outbox.outcome': 'failed' });
  }

  quarantined(n: number): void {
    if (n > 0) this.#quarantined.add(n, this.#attributes);
  }
}
