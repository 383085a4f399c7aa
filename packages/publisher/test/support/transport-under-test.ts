// Which transport the integration tests run on: each vitest project provides one ('publisher' runs
// them on the native transport, 'publisher-ckjs' on the CKJS one), so one suite proves both.
import { inject } from 'vitest';
import { createNativeTransport } from '../../src/transport/native-transport.js';
import { createRdkafkaTransport } from '../../src/transport/rdkafka-transport.js';
import type { TransportFactory } from '../../src/index.js';

/** A transport the suite runs on, by the name its `connected` log line uses. */
export type TransportName = 'native' | 'ckjs';

declare module 'vitest' {
  export interface ProvidedContext {
    transport: TransportName;
  }
}

/** The name of this project's transport (for child processes and log assertions). */
export function transportName(): TransportName {
  return inject('transport');
}

/** This project's transport, forced (never the default's fallback, so nothing passes silently on the other). */
export function transportUnderTest(): TransportFactory {
  return transportName() === 'native' ? createNativeTransport : createRdkafkaTransport;
}
