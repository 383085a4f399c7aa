import { integerOption, InvalidOptionsError } from '@herald/errors';
import type { PublisherOptions } from '../options.js';

/**
 * Options of {@link createTransactionalPublisher}: the publisher's options (without retry,
 * dead-letter and breaker, which a transaction replaces) plus the transactional identity. Give
 * exactly one of `transactionalId` and `transactionalIdPrefix`.
 */
export interface TransactionalPublisherOptions<T> extends Omit<
  PublisherOptions<T>,
  'retry' | 'deadLetter' | 'circuitBreaker' | 'maxInFlight' | 'maxInFlightBytes'
> {
  /** One producer with this `transactional.id`: transactions run one at a time. */
  readonly transactionalId?: string;
  /**
   * A pool of `poolSize` producers with ids `${prefix}-0` … `${prefix}-${poolSize - 1}`
   * (Spring's `transactionIdPrefix`): up to `poolSize` transactions run at once. Keep the prefix
   * stable per application instance, so a restarted instance fences its own zombies.
   */
  readonly transactionalIdPrefix?: string;
  /** Producers in the pool (with a prefix). @defaultValue 3 with a prefix, 1 with `transactionalId` */
  readonly poolSize?: number;
  /** `transaction.timeout.ms`: the coordinator aborts a transaction open longer. @defaultValue 60000 */
  readonly transactionTimeoutMs?: number;
  /** Bound on init, commit and abort; a commit past it settles as outcome unknown. @defaultValue 30000 */
  readonly commitTimeoutMs?: number;
}

/** The transactional part after checks. */
export interface ResolvedTransactionOptions {
  readonly ids: readonly string[];
  readonly transactionTimeoutMs: number;
  readonly commitTimeoutMs: number;
}

const positive = (name: string, value: number | undefined, fallback: number) => integerOption(name, value, fallback);

/** Checks the transactional options and names every producer of the pool. */
export function resolveTransactionOptions<T>(options: TransactionalPublisherOptions<T>): ResolvedTransactionOptions {
  const { transactionalId: id, transactionalIdPrefix: prefix } = options;
  if ((id === undefined) === (prefix === undefined))
    throw new InvalidOptionsError(
      'transactionalId',
      'give exactly one of `transactionalId` and `transactionalIdPrefix`',
    );
  const name = id ?? prefix;
  if (typeof name !== 'string' || name === '')
    throw new InvalidOptionsError('transactionalId', 'the transactional id (or prefix) must be a non-empty string');
  if (id !== undefined && options.poolSize !== undefined && options.poolSize !== 1) {
    throw new InvalidOptionsError(
      'poolSize',
      'one `transactionalId` is one producer: use `transactionalIdPrefix` for a pool',
    );
  }
  const poolSize = positive('poolSize', options.poolSize, id === undefined ? 3 : 1);
  return {
    ids: id !== undefined ? [id] : Array.from({ length: poolSize }, (_, i) => `${prefix as string}-${i}`),
    transactionTimeoutMs: positive('transactionTimeoutMs', options.transactionTimeoutMs, 60_000),
    commitTimeoutMs: positive('commitTimeoutMs', options.commitTimeoutMs, 30_000),
  };
}
