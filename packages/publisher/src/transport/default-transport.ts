import { messageOf } from '@herald/errors';
import { TransportUnavailableError } from '../errors.js';
import type { TransportFactory } from './transport.js';

/** A transport `createPublisher` can use when none is given, and how to load it. */
interface TransportCandidate {
  /** For the error when none loads, e.g. `rdkafka`. */
  readonly name: string;
  /** Whether it implements `Transport.transactions`: transactional producers skip it if not. */
  readonly transactions: boolean;
  /** Imports the implementation; rejects when it cannot load here (e.g. its native addon is missing). */
  readonly load: () => Promise<TransportFactory>;
}

/**
 * The default transports in order of preference (Herald's own native producer, then CKJS's); the
 * first that loads is used. This list is the
 * one place a new implementation plugs in (each lives behind its own `transports/*` subpath).
 * Loading is by dynamic `import()` on first connect, so importing `@herald/publisher` or
 * `@herald/publisher/testing` never loads a native addon.
 */
const candidates: readonly TransportCandidate[] = [
  {
    name: 'native',
    transactions: false,
    load: async () => {
      const native = await import('./native-transport.js');
      const problem = native.nativeTransportProblem();
      if (problem !== undefined) throw new Error(problem);
      return native.createNativeTransport;
    },
  },
  {
    name: 'rdkafka',
    transactions: true,
    load: async () => (await import('./rdkafka-transport.js')).createRdkafkaTransport,
  },
];

const loading = new Map<boolean, Promise<TransportFactory>>();

/**
 * When a preferred transport did not load, the factory of the one that did says so once, at info,
 * on the first publisher's logger: a fallback is worth knowing, never worth failing for.
 */
function tellingWhy(factory: TransportFactory, skipped: readonly string[]): TransportFactory {
  if (skipped.length === 0) return factory;
  let told = false;
  return (context) => {
    if (!told) {
      told = true;
      context.logger.info('native transport unavailable: using the CKJS transport', { reason: skipped.join('; ') });
    }
    return factory(context);
  };
}

async function firstLoadable(transactional: boolean): Promise<TransportFactory> {
  const failures: string[] = [];
  for (const candidate of candidates) {
    if (transactional && !candidate.transactions) continue;
    try {
      return tellingWhy(await candidate.load(), failures);
    } catch (error) {
      failures.push(`${candidate.name}: ${messageOf(error)}`);
    }
  }
  throw new TransportUnavailableError(`no Kafka transport could be loaded (${failures.join('; ')})`, failures);
}

/**
 * The transport factory `createPublisher` uses when its `transport` option is not given, loaded
 * once per process (`transactional`: one with `Transport.transactions`). A failed load is not
 * cached: the next connect tries again.
 */
export function loadDefaultTransport({ transactional = false } = {}): Promise<TransportFactory> {
  let pending = loading.get(transactional);
  if (pending === undefined) {
    pending = firstLoadable(transactional).catch((error: unknown) => {
      loading.delete(transactional);
      throw error;
    });
    loading.set(transactional, pending);
  }
  return pending;
}
