// The brokers the global setup made available, typed for tests.
import { inject } from 'vitest';

/** Bootstrap addresses of the brokers the tests run against. */
export interface KafkaEndpoints {
  /** One node, 127.0.0.1:9092 unless KAFKA_BROKERS names another cluster. */
  readonly single: string;
  /** Three nodes, RF 3, min.insync.replicas 2; empty when KAFKA_BROKERS points elsewhere. */
  readonly cluster: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    kafka: KafkaEndpoints;
  }
}

/** The local (or KAFKA_BROKERS) brokers for this test run. */
export function brokers(): KafkaEndpoints {
  return inject('kafka');
}
