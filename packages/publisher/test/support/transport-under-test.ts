// Which transport the integration tests run on: each vitest project provides one ('publisher' runs
// them on the native transport, 'publisher-ckjs' on the CKJS one), so one suite proves both.
import { inject } from 'vitest';
import type { TransportChoice } from '../../src/index.js';

declare module 'vitest' {
  export interface ProvidedContext {
    transport: Exclude<TransportChoice, 'auto'>;
  }
}

/** The transport this project's integration tests must use (never 'auto': no silent fallback). */
export function transportUnderTest(): Exclude<TransportChoice, 'auto'> {
  return inject('transport');
}
