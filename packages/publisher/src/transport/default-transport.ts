import { messageOf } from '@herald/errors';
import { TransportUnavailableError } from '../errors.js';
import type { TransportFactory } from './transport.js';

/** A transport `createPublisher` can use when none is given, and how to load it. */
interface TransportCandidate {
  /** For the error when none loads, e.g. `rdkafka`. */
  readonly name: string;
  /** Imports the implementation; rejects when it cannot load here (e.g. its native addon is missing). */
  readonly load: () => Promise<TransportFactory>;
}

/**
 * The default transports in order of preference; the first that loads is used. This list is the
 * one place a new implementation plugs in (each lives behind its own `transports/*` subpath).
 * Loading is by dynamic `import()` on first connect, so importing `@herald/publisher` or
 * `@herald/publisher/testing` never loads a native addon.
 */
const candidates: readonly TransportCandidate[] = [
  { name: 'rdkafka', load: async () => (await import('./rdkafka-transport.js')).createRdkafkaTransport },
];

let loading: Promise<TransportFactory> | undefined;

async function firstLoadable(): Promise<TransportFactory> {
  const failures: string[] = [];
  for (const candidate of candidates) {
    try {
      return await candidate.load();
    } catch (error) {
      failures.push(`${candidate.name}: ${messageOf(error)}`);
    }
  }
  throw new TransportUnavailableError(`no Kafka transport could be loaded (${failures.join('; ')})`, failures);
}

/**
 * The transport factory `createPublisher` uses when its `transport` option is not given, loaded
 * once per process. A failed load is not cached: the next connect tries again.
 */
export function loadDefaultTransport(): Promise<TransportFactory> {
  loading ??= firstLoadable().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
