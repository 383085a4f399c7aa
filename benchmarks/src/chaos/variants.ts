import type { PublisherOptions } from '@herald/publisher';
import type { OracleEvent } from '../oracle/judge.js';

/**
 * One publisher configuration the catalogue runs each scenario with: the transport/options
 * dimension. `default` is the publisher as a user gets it (the librdkafka transport of
 * `@confluentinc/kafka-javascript`, reliable preset, no retry layer); `resilient` adds the
 * resilience layer's retry of not-written failures and a waiting circuit breaker. A further
 * transport joins this list as another entry when the publisher has one.
 */
export interface Variant {
  readonly name: string;
  readonly summary: string;
  readonly options: Partial<PublisherOptions<OracleEvent>>;
}

export const VARIANTS: readonly Variant[] = [
  { name: 'default', summary: 'reliable preset, default transport', options: {} },
  {
    name: 'resilient',
    summary: "retry: { on: 'not-written' }, circuitBreaker: { whenOpen: 'wait' }",
    // Only never-written failures are retried, so a retry cannot duplicate.
    options: { retry: { on: 'not-written' }, circuitBreaker: { whenOpen: 'wait' } },
  },
];

/** The variant called `name`, or an error listing the known ones. */
export function variantNamed(name: string): Variant {
  const found = VARIANTS.find((v) => v.name === name);
  if (found === undefined)
    throw new Error(`unknown variant ${JSON.stringify(name)}; known: ${VARIANTS.map((v) => v.name).join(', ')}`);
  return found;
}
