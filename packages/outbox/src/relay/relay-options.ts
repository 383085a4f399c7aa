import { integerOption, InvalidOptionsError } from '@herald/errors';
import { createDefaultLogger } from '@herald/publisher';
import type { EventPublisher, Logger } from '@herald/publisher';
import type { MeterProvider } from '@opentelemetry/api';
import type { Pool } from 'pg';
import { tableNames } from '../table-names.js';
import type { TableNames } from '../table-names.js';
import type { OutboxRecord } from './outbox-record.js';

/** The retention job of {@link OutboxRelayOptions}. */
export interface RetentionOptions {
  /**
   * Delete rows published longer ago than this. `0` keeps nothing: the relay deletes each row once
   * the broker acked it instead of marking it published, which costs PostgreSQL about a fifth of
   * the mark (no new row version, no index entries) and is the faster mode. @defaultValue 86400000 (24 h)
   */
  readonly publishedOlderThanMs?: number;
  /** How often the job runs while the relay is active. @defaultValue 60000 */
  readonly intervalMs?: number;
  /** Rows per DELETE statement, so no run holds locks or bloats WAL for long. @defaultValue 5000 */
  readonly batchSize?: number;
}

/** Options of {@link createOutboxRelay}. */
export interface OutboxRelayOptions {
  /** Pool for reads and marks; the relay also holds one of its connections for the lock and LISTEN. */
  readonly pool: Pool;
  /** Publishes the rows: `createRelayPublisher(…)`. The relay never closes it. */
  readonly publisher: EventPublisher<OutboxRecord>;
  /** The outbox table. @defaultValue 'herald_outbox' */
  readonly table?: string;
  /** Rows per read. @defaultValue 1000 */
  readonly batchSize?: number;
  /** Most rows published and not yet settled, over all batches in flight. @defaultValue 20000 */
  readonly maxInFlight?: number;
  /** Read interval when no NOTIFY arrives (the fallback). @defaultValue 500 */
  readonly pollIntervalMs?: number;
  /** How often a standby tries to take the lock, and the active one checks its session. @defaultValue 1000 */
  readonly standbyPollMs?: number;
  /** Attempts after which a row whose error is permanent moves to the quarantine table. @defaultValue 5 */
  readonly maxAttempts?: number;
  /** First pause after a failed batch; doubles up to `maxRetryBackoffMs`. @defaultValue 500 */
  readonly retryBackoffMs?: number;
  /** @defaultValue 30000 */
  readonly maxRetryBackoffMs?: number;
  /** How often the lag gauge is refreshed while active. @defaultValue 5000 */
  readonly lagIntervalMs?: number;
  /** The retention job; `false` keeps published rows forever. @defaultValue {} (24 h) */
  readonly retention?: RetentionOptions | false;
  /** Default deadline of `stop()` for in-flight publishes and marks. @defaultValue 30000 */
  readonly stopTimeoutMs?: number;
  /** @defaultValue winston, JSON on stderr at `warn` */
  readonly logger?: Logger;
  /** For `herald.outbox.*` metrics. @defaultValue the global one */
  readonly meterProvider?: MeterProvider;
}

/** Relay options after defaults and checks. */
export interface ResolvedRelayOptions {
  readonly pool: Pool;
  readonly publisher: EventPublisher<OutboxRecord>;
  readonly names: TableNames;
  readonly batchSize: number;
  readonly maxInFlight: number;
  readonly pollIntervalMs: number;
  readonly standbyPollMs: number;
  readonly maxAttempts: number;
  readonly retryBackoffMs: number;
  readonly maxRetryBackoffMs: number;
  readonly lagIntervalMs: number;
  readonly retention: Required<RetentionOptions> | false;
  readonly stopTimeoutMs: number;
  readonly logger: Logger;
  readonly meterProvider: MeterProvider | undefined;
}

const positiveInt = (name: string, value: number | undefined, fallback: number): number =>
  integerOption(name, value, fallback);

/** Checks relay options and fills in defaults; never touches the caller's objects. */
export function resolveRelayOptions(options: OutboxRelayOptions): ResolvedRelayOptions {
  if (typeof options !== 'object' || options === null) throw new InvalidOptionsError('options', 'options are required');
  const { pool, publisher } = options;
  if (typeof pool?.query !== 'function' || typeof pool.connect !== 'function')
    throw new InvalidOptionsError('pool', '`pool` must be a pg Pool');
  // pg refuses query objects of its own kind (the relay's binary COPY read) on a pipelined
  // connection: every read would fail and be retried for ever.
  if ((pool as { options?: { pipeline?: unknown } }).options?.pipeline === true)
    throw new InvalidOptionsError('pool', "`pool` must not be in pg's pipeline mode: the relay reads with COPY");
  if (typeof publisher?.publish !== 'function')
    throw new InvalidOptionsError('publisher', '`publisher` must be a Herald publisher (createRelayPublisher)');
  const batchSize = positiveInt('batchSize', options.batchSize, 1000);
  const maxInFlight = positiveInt('maxInFlight', options.maxInFlight, 20_000);
  if (maxInFlight < batchSize)
    throw new InvalidOptionsError(
      'maxInFlight',
      `maxInFlight (${maxInFlight}) must be at least batchSize (${batchSize})`,
    );
  const retryBackoffMs = positiveInt('retryBackoffMs', options.retryBackoffMs, 500);
  const r = options.retention;
  return {
    pool,
    publisher,
    names: tableNames(options.table),
    batchSize,
    maxInFlight,
    pollIntervalMs: positiveInt('pollIntervalMs', options.pollIntervalMs, 500),
    standbyPollMs: positiveInt('standbyPollMs', options.standbyPollMs, 1000),
    maxAttempts: positiveInt('maxAttempts', options.maxAttempts, 5),
    retryBackoffMs,
    maxRetryBackoffMs: Math.max(retryBackoffMs, positiveInt('maxRetryBackoffMs', options.maxRetryBackoffMs, 30_000)),
    lagIntervalMs: positiveInt('lagIntervalMs', options.lagIntervalMs, 5000),
    retention:
      r === false
        ? false
        : {
            publishedOlderThanMs: integerOption('retention.publishedOlderThanMs', r?.publishedOlderThanMs, 86_400_000, {
              min: 0,
            }),
            intervalMs: positiveInt('retention.intervalMs', r?.intervalMs, 60_000),
            batchSize: positiveInt('retention.batchSize', r?.batchSize, 5000),
          },
    stopTimeoutMs: positiveInt('stopTimeoutMs', options.stopTimeoutMs, 30_000),
    logger: options.logger ?? createDefaultLogger(),
    meterProvider: options.meterProvider,
  };
}
