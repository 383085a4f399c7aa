import type { PublisherOptions } from '@herald/publisher';
import type { OracleEvent } from '../oracle/judge.js';

/**
 * One publisher configuration the catalogue runs each scenario with: the transport/options
 * dimension. `default` is today's publisher (the librdkafka transport of
 * `@confluentinc/kafka-javascript`, reliable preset). A native transport or retry/breaker options
 * join this list as further entries when the publisher has them.
 */
export interface Variant {
  readonly name: string;
  readonly summary: string;
  readonly options: Partial<PublisherOptions<OracleEvent>>;
}

export const VARIANTS: readonly Variant[] = [{ name: 'default', summary: 'reliable preset, default transport', options: {} }];

/** The variant called `name`, or an error listing the known ones. */
export function variantNamed(name: string): Variant {
  const found = VARIANTS.find((v) => v.name === name);
  if (found === undefined) throw new Error(`unknown variant ${JSON.stringify(name)}; known: ${VARIANTS.map((v) => v.name).join(', ')}`);
  return found;
}
