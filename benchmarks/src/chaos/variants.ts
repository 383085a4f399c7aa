import type { PublisherOptions } from '@herald/publisher';
import { createRdkafkaTransport } from '@herald/publisher/transports/rdkafka';
import type { OracleEvent } from '../oracle/judge.js';

/**
 * One publisher configuration the catalogue runs each scenario with: the transport/options
 * dimension. `default` is the publisher as a user gets it (its default transport: Herald's native
 * producer where the addon loads, reliable preset, no retry layer); `ckjs` is the same on the
 * librdkafka transport of `@confluentinc/kafka-javascript`; `resilient` adds the resilience
 * layer's retry of not-written failures and a waiting circuit breaker.
 */
export interface Variant {
  readonly name: string;
  readonly summary: string;
  readonly options: Partial<PublisherOptions<OracleEvent>>;
}

export const VARIANTS: readonly Variant[] = [
  { name: 'default', summary: 'reliable preset, default transport (native)', options: {} },
  { name: 'ckjs', summary: 'reliable preset, CKJS transport', options: { transport: createRdkafkaTransport } },
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
