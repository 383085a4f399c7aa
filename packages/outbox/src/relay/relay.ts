import { context, propagation, ROOT_CONTEXT } from '@opentelemetry/api';
import type { TextMapGetter } from '@opentelemetry/api';
import type { HeaderValue, Logger } from '@herald/publisher';
import type { PoolClient } from 'pg';
import type { OutboxRecord } from './outbox-record.js';
import { RelayMetrics } from './relay-metrics.js';
import { resolveRelayOptions } from './relay-options.js';
import type { OutboxRelayOptions, ResolvedRelayOptions } from './relay-options.js';
import { RelayStore } from './relay-store.js';
import type { Cursor, FailureGroup, FetchSink } from './relay-store.js';

/** Where a relay is in its life. Only the `active` one of a table publishes. */
export type RelayRole = 'idle' | 'standby' | 'active' | 'stopped';

/** Counters of one relay since it started. */
export interface RelayStats {
  /** Rows acked by the broker and marked published. */
  readonly published: number;
  /** Failed publish attempts (each row counted once per attempt). */
  readonly failedAttempts: number;
  /** Rows moved to the quarantine table. */
  readonly quarantined: number;
  /** Rows deleted by the retention job. */
  readonly deleted: number;
  /** Times this relay became the active one. */
  readonly activations: number;
}

/** Publishes committed outbox rows; one relay per table is active, the others stand by. */
export interface OutboxRelay extends AsyncDisposable {
  /** Starts competing for the table's lock; returns at once (see {@link OutboxRelay.whenActive}). */
  start(): void;
  /**
   * Stops reading, waits (to the deadline) for publishes in flight and records them, releases
   * the lock. Runs once; rows left unrecorded at the deadline are sent again by the next relay.
   */
  stop(options?: { readonly timeoutMs?: number }): Promise<void>;
  /** Resolves when this relay holds the lock (at once if it does). */
  whenActive(): Promise<void>;
  readonly role: RelayRole;
  readonly stats: Readonly<RelayStats>;
}

// First key of the two-int advisory lock ('HRLD'): the second is hashtext(table name).
const LOCK_CLASS = 0x48524c44;

const headerGetter: TextMapGetter<Readonly<Record<string, HeaderValue>>> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => {
    const value = carrier[key];
    return value === undefined ? undefined : value.toString();
  },
};

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Whether position `a` comes after `b` (decimal integers without leading zeros). */
function isAfter(a: Cursor, b: Cursor): boolean {
  for (let i = 0; i < 2; i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    if (x.length !== y.length) return x.length > y.length;
    if (x !== y) return x > y;
  }
  return false;
}

/** Rows handed to the publisher together, and the position of the last. */
interface Group {
  readonly records: OutboxRecord[];
  readonly last: Cursor;
  /** Acked whole and waiting for the groups before it; or with a failed row, a barrier. */
  state: 'pending' | 'acked' | 'failed';
}

/**
 * Creates a relay for one outbox table. It publishes rows of committed transactions with the
 * given publisher, in (transaction id, sequence) order with many publishes in flight, and records
 * them published (or, with retention 0, deletes them) only after the broker acked. See
 * docs/outbox.md for modes and tuning.
 *
 * @throws {InvalidOptionsError} when the options are invalid.
 */
export function createOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  return new Relay(resolveRelayOptions(options));
}

class Relay implements OutboxRelay {
  readonly #o: ResolvedRelayOptions;
  readonly #store: RelayStore;
  readonly #metrics: RelayMetrics;
  readonly #log: Logger;
  readonly #stats = { published: 0, failedAttempts: 0, quarantined: 0, deleted: 0, activations: 0 };
  #role: RelayRole = 'idle';
  #running: Promise<void> | undefined;
  #stopping = false;
  #stopDeadline = Number.POSITIVE_INFINITY;
  #leader = false;
  #activeWaiters: Array<() => void> = [];
  /** The main loop's pending pause, and whether a wake-up came while it was not pausing. */
  #wakeUp: (() => void) | undefined;
  #woken = false;
  /** Rows handed to the publisher and not yet settled and recorded. */
  #inFlight = 0;
  /** Acked rows whose mark failed (database away): marked before anything is read again. */
  #unmarked: string[] = [];
  /**
   * Marking mode: groups sent since the last read from the progress position, in read order.
   * The position moves over acked groups at the head; a failed group stays as a barrier, and rows
   * acked behind it are marked one by one.
   */
  #groups: Group[] = [];
  /** The progress position: every row through it was acked (written, or being written). */
  #through: Cursor = ['0', '0'];
  /** Rows the position passed whose write has not succeeded yet (database away). */
  #unadvanced = 0;
  #progressWrites: Promise<unknown> = Promise.resolve();
  /** Read from the progress position again once nothing is in flight (after a failure). */
  #fresh = true;
  #holdUntil = 0;
  #failStreak = 0;
  #retaining = false;
  /** Finishes acked rows one by one: marks them published, or deletes them when retention is 0. */
  readonly #finish: (ids: readonly string[]) => Promise<void>;
  /** Marking (not deleting): acked rows at the head of the read move the progress position. */
  readonly #byProgress: boolean;
  readonly #onPoolError = (error: Error) =>
    this.#log.warn('outbox relay: idle pool connection failed', { error: error.message });

  constructor(options: ResolvedRelayOptions) {
    this.#o = options;
    this.#store = new RelayStore(options.pool, options.names);
    this.#metrics = new RelayMetrics(options.meterProvider, options.names.name);
    const store = this.#store;
    this.#byProgress = options.retention === false || options.retention.publishedOlderThanMs > 0;
    this.#finish = this.#byProgress ? (ids) => store.markPublished(ids) : (ids) => store.deleteAcked(ids);
    const meta = { component: 'outbox-relay', table: options.names.name };
    this.#log = typeof options.logger.child === 'function' ? options.logger.child(meta) : options.logger;
  }

  get role(): RelayRole {
    return this.#role;
  }

  get stats(): Readonly<RelayStats> {
    return { ...this.#stats };
  }

  start(): void {
    if (this.#running !== undefined || this.#stopping) return;
    // A pool without an error listener crashes the process when the server restarts.
    this.#o.pool.on('error', this.#onPoolError);
    this.#role = 'standby';
    this.#running = this.#run();
  }

  whenActive(): Promise<void> {
    if (this.#role === 'active') return Promise.resolve();
    return new Promise((resolve) => this.#activeWaiters.push(resolve));
  }

  async stop(options: { readonly timeoutMs?: number } = {}): Promise<void> {
    if (!this.#stopping) {
      this.#stopping = true;
      this.#stopDeadline = Date.now() + (options.timeoutMs ?? this.#o.stopTimeoutMs);
      this.#wake();
    }
    await this.#running;
    this.#role = 'stopped';
    this.#o.pool.off('error', this.#onPoolError);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }

  #wake(): void {
    this.#woken = true;
    const wake = this.#wakeUp;
    this.#wakeUp = undefined;
    wake?.();
  }

  /** Sleeps up to `ms`, or until a NOTIFY, a settled batch or `stop()` wakes the loop. */
  #pause(ms: number): Promise<void> {
    if (this.#woken || this.#stopping) {
      this.#woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.#wakeUp = undefined;
        this.#woken = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.#wakeUp = done;
    });
  }

  async #run(): Promise<void> {
    let backoff = this.#o.retryBackoffMs;
    while (!this.#stopping) {
      let session: PoolClient | undefined;
      try {
        this.#role = 'standby';
        session = await this.#o.pool.connect();
        const lost = (error: Error): void => {
          if (this.#leader) this.#log.warn('outbox relay lost its lock session', { error: error.message });
          this.#leader = false;
          this.#wake();
        };
        session.on('error', lost);
        if (!(await this.#acquire(session))) break;
        backoff = this.#o.retryBackoffMs;
        session.on('notification', () => this.#wake());
        await session.query(`LISTEN ${this.#o.names.channelIdent}`);
        await this.#lead(session);
      } catch (error) {
        if (!this.#stopping)
          this.#log.warn('outbox relay: database session failed; retrying', { error: messageOf(error) });
      } finally {
        this.#leader = false;
        this.#metrics.active = false;
        // Closing the session releases the advisory lock and the LISTEN with it.
        session?.release(true);
      }
      if (!this.#stopping) {
        await this.#pause(backoff);
        backoff = Math.min(backoff * 2, this.#o.maxRetryBackoffMs);
      }
    }
    await this.#drain();
  }

  /** Tries the table lock until it is ours (true) or the relay stops (false). */
  async #acquire(session: PoolClient): Promise<boolean> {
    let logged = false;
    while (!this.#stopping) {
      const { rows } = await session.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked',
        [LOCK_CLASS, this.#o.names.name],
      );
      if (rows[0]?.locked === true) return true;
      if (!logged) this.#log.info('outbox relay standing by: another relay holds the table lock');
      logged = true;
      await this.#pause(this.#o.standbyPollMs);
    }
    return false;
  }

  async #lead(session: PoolClient): Promise<void> {
    const o = this.#o;
    // A standby taking over goes on from where the last relay's writes got.
    this.#through = await this.#store.progress();
    this.#leader = true;
    this.#role = 'active';
    this.#metrics.active = true;
    this.#stats.activations++;
    this.#fresh = true;
    this.#log.info('outbox relay active');
    for (const resolve of this.#activeWaiters.splice(0)) resolve();
    // The lock lives as long as this session: check it, so a dead server does not leave two leaders.
    let beating = false;
    const heartbeat = setInterval(() => {
      if (beating) return;
      beating = true;
      session
        .query('SELECT 1')
        .catch((error: unknown) => {
          if (this.#leader) this.#log.warn('outbox relay lock session is gone', { error: messageOf(error) });
          this.#leader = false;
          this.#wake();
        })
        .finally(() => (beating = false));
    }, o.standbyPollMs);
    const lag = setInterval(() => void this.#refreshLag(), o.lagIntervalMs);
    const retention =
      o.retention === false ? undefined : setInterval(() => void this.#retain(), o.retention.intervalMs);
    void this.#refreshLag();
    void this.#retain();
    let cursor: Cursor = this.#through;
    // A read's rows arrive in groups while the database still sends the rest; each group is sent
    // at once and the cursor follows the last row sent. After a stop, a lost lock or a failure
    // settled during the read, the rest are left: nothing was sent for them, and the next read
    // (from the oldest unpublished row, after a failure) gets them again.
    const accept: FetchSink = (records, last) => {
      if (this.#stopping || !this.#leader || this.#fresh) return;
      cursor = last;
      this.#dispatch(records, last);
    };
    try {
      while (!this.#stopping && this.#leader) {
        if (this.#unrecorded() && !(await this.#flushUnrecorded())) {
          await this.#pause(o.retryBackoffMs);
          continue;
        }
        const wait = this.#holdUntil - Date.now();
        if (wait > 0) {
          await this.#pause(wait);
          continue;
        }
        if (this.#fresh) {
          // Reading from the start again would resend what is still in flight.
          if (this.#inFlight > 0) {
            await this.#pause(o.pollIntervalMs);
            continue;
          }
          // Only failed groups are left: rows after the position are read again.
          this.#groups = [];
          cursor = this.#through;
          this.#fresh = false;
        }
        if (o.maxInFlight - this.#inFlight < o.batchSize) {
          await this.#pause(o.pollIntervalMs);
          continue;
        }
        let read: number;
        try {
          read = await this.#store.fetch(cursor, o.batchSize, accept);
        } catch (error) {
          // The cursor is past every row sent: the retry reads the rest.
          this.#log.warn('outbox relay: read failed; retrying', { error: messageOf(error) });
          await this.#pause(o.retryBackoffMs);
          continue;
        }
        if (read === 0) await this.#pause(o.pollIntervalMs);
      }
    } finally {
      clearInterval(heartbeat);
      clearInterval(lag);
      if (retention !== undefined) clearInterval(retention);
      // Still holding the lock: a standby must not read what is in flight before it is marked.
      if (this.#stopping) await this.#drain();
    }
  }

  /** Publishes a batch (all of it in flight at once, in order) and records the outcomes when all settled. */
  #dispatch(records: OutboxRecord[], last: Cursor): void {
    this.#inFlight += records.length;
    const group: Group = { records, last, state: 'pending' };
    if (this.#byProgress) this.#groups.push(group);
    const outcomes = records.map((record) => this.#publishOne(record));
    void Promise.all(outcomes)
      .then((errors) => this.#settle(group, errors))
      .catch((error: unknown) => this.#log.error('outbox relay: recording a batch failed', { error: messageOf(error) }))
      .finally(() => {
        this.#inFlight -= records.length;
        this.#wake();
      });
  }

  /** Resolves with undefined when acked, else with the error: never rejects. */
  #publishOne(record: OutboxRecord): Promise<unknown> {
    const send = (): Promise<unknown> =>
      this.#o.publisher.publish(record).then(
        () => undefined,
        (error: unknown) => error ?? new Error('publish failed'),
      );
    // The enqueueing request's trace context becomes the parent of the send span.
    return record.headers['traceparent'] === undefined
      ? send()
      : context.with(propagation.extract(ROOT_CONTEXT, record.headers, headerGetter), send);
  }

  async #settle(group: Group, errors: readonly unknown[]): Promise<void> {
    const records = group.records;
    const acked: string[] = [];
    const failed = new Map<string, FailureGroup & { ids: string[] }>();
    records.forEach((record, i) => {
      const error = errors[i];
      const code =
        typeof (error as { code?: unknown } | undefined)?.code === 'string'
          ? (error as { code: string }).code
          : undefined;
      // With the publisher's dead-letter option the event is durably in the dead-letter topic: done.
      if (error === undefined || code === 'DEAD_LETTERED') {
        acked.push(record.id);
        return;
      }
      const retriable = (error as { retriable?: unknown }).retriable !== false;
      const message = messageOf(error);
      const kind = `${code ?? ''}|${String(retriable)}|${message}`;
      const entry = failed.get(kind) ?? { ids: [], message, code, retriable };
      entry.ids.push(record.id);
      failed.set(kind, entry);
    });
    if (this.#byProgress) await this.#record(group, acked, failed.size === 0);
    else if (acked.length > 0) await this.#mark(acked);
    if (failed.size === 0) {
      this.#failStreak = 0;
      return;
    }
    // A failed row is read again first (its position is the oldest), before any later row is sent.
    this.#fresh = true;
    this.#failStreak++;
    this.#holdUntil =
      Date.now() + Math.min(this.#o.retryBackoffMs * 2 ** (this.#failStreak - 1), this.#o.maxRetryBackoffMs);
    for (const failure of failed.values()) {
      this.#stats.failedAttempts += failure.ids.length;
      this.#metrics.failed(failure.ids.length);
      this.#log.warn('outbox rows failed to publish; will retry', {
        rows: failure.ids.length,
        code: failure.code,
        retriable: failure.retriable,
        error: failure.message,
      });
      try {
        const quarantined = await this.#store.recordFailures(failure, this.#o.maxAttempts);
        if (quarantined > 0) {
          this.#stats.quarantined += quarantined;
          this.#metrics.quarantined(quarantined);
          this.#log.error('outbox rows quarantined after their last attempt', {
            rows: quarantined,
            code: failure.code,
            error: failure.message,
          });
        }
      } catch (error) {
        this.#log.warn('outbox relay: recording failures failed', { error: messageOf(error) });
      }
    }
  }

  /**
   * Marking mode: records a settled group. Whole groups acked at the head of the read move the
   * progress position over them (one write); a group with a failed row stops the position there,
   * so its acked rows, and those of every group after it, are marked one by one.
   */
  async #record(group: Group, acked: string[], whole: boolean): Promise<void> {
    const groups = this.#groups;
    const at = groups.indexOf(group);
    // Not found only if the groups were reset while it was in flight, which waits for none to be.
    const passable = at >= 0 && whole && !groups.some((g, i) => i < at && g.state === 'failed');
    if (!passable) {
      const marks = [...acked];
      if (whole) {
        if (at >= 0) groups.splice(at, 1);
      } else {
        group.state = 'failed';
        // Groups acked while waiting behind this one can no longer be passed by the position.
        for (let i = groups.length - 1; i > at; i--) {
          const waiting = groups[i] as Group;
          if (waiting.state !== 'acked') continue;
          for (const record of waiting.records) marks.push(record.id);
          groups.splice(i, 1);
        }
      }
      if (marks.length > 0) await this.#mark(marks);
      return;
    }
    group.state = 'acked';
    let rows = 0;
    while (groups.length > 0 && (groups[0] as Group).state === 'acked') {
      const head = groups.shift() as Group;
      rows += head.records.length;
      // Groups of an earlier term as leader may settle after a newer position was loaded.
      if (isAfter(head.last, this.#through)) this.#through = head.last;
    }
    if (rows === 0) return;
    this.#unadvanced += rows;
    await this.#writeProgress();
  }

  /**
   * Writes the progress position, one write at a time; a write waiting behind another takes the
   * position as it is then, so bursts of settles cost one write each. False when it failed: the
   * rows stay counted in #unadvanced and the next write covers them.
   */
  #writeProgress(): Promise<boolean> {
    const write = async (): Promise<boolean> => {
      const rows = this.#unadvanced;
      if (rows === 0) return true;
      try {
        await this.#store.advance(this.#through);
      } catch (error) {
        this.#log.warn('outbox relay: recording acked rows failed; will retry', { rows, error: messageOf(error) });
        return false;
      }
      this.#unadvanced -= rows;
      this.#stats.published += rows;
      this.#metrics.acked(rows);
      return true;
    };
    const next = this.#progressWrites.then(write);
    this.#progressWrites = next;
    return next;
  }

  /** Acked rows whose mark or progress write failed, to record before reading again. */
  #unrecorded(): boolean {
    return this.#unmarked.length > 0 || this.#unadvanced > 0;
  }

  async #flushUnrecorded(): Promise<boolean> {
    const marked = this.#unmarked.length === 0 || (await this.#flushUnmarked());
    return (await this.#writeProgress()) && marked;
  }

  async #mark(ids: string[]): Promise<void> {
    try {
      await this.#finish(ids);
      this.#stats.published += ids.length;
      this.#metrics.acked(ids.length);
    } catch (error) {
      this.#unmarked.push(...ids);
      this.#log.warn('outbox relay: marking acked rows failed; will retry', {
        rows: ids.length,
        error: messageOf(error),
      });
    }
  }

  async #flushUnmarked(): Promise<boolean> {
    const ids = this.#unmarked.splice(0);
    try {
      await this.#finish(ids);
      this.#stats.published += ids.length;
      this.#metrics.acked(ids.length);
      return true;
    } catch {
      this.#unmarked.unshift(...ids);
      return false;
    }
  }

  /** At stop: waits (to the deadline) for publishes in flight and for their marks. */
  async #drain(): Promise<void> {
    while ((this.#inFlight > 0 || this.#unrecorded()) && Date.now() < this.#stopDeadline) {
      if (this.#unrecorded() && this.#inFlight === 0 && (await this.#flushUnrecorded())) continue;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    if (this.#inFlight > 0 || this.#unrecorded()) {
      this.#log.warn('outbox relay stopped with rows unsettled; the next relay sends them again', {
        inFlight: this.#inFlight,
        unmarked: this.#unmarked.length + this.#unadvanced,
      });
    }
  }

  async #refreshLag(): Promise<void> {
    try {
      this.#metrics.lagSeconds = await this.#store.lagSeconds(this.#through);
    } catch (error) {
      this.#log.debug('outbox relay: lag query failed', { error: messageOf(error) });
    }
  }

  /** Deletes published rows past retention, one bounded batch at a time. */
  async #retain(): Promise<void> {
    const retention = this.#o.retention;
    if (retention === false || this.#retaining) return;
    this.#retaining = true;
    try {
      let total = 0;
      for (;;) {
        const n = await this.#store.deleteMarked(retention.publishedOlderThanMs, retention.batchSize);
        total += n;
        if (n < retention.batchSize || this.#stopping || !this.#leader) break;
      }
      while (!this.#stopping && this.#leader) {
        const { looked, deleted } = await this.#store.deletePassed(
          this.#through,
          retention.publishedOlderThanMs,
          retention.batchSize,
        );
        total += deleted;
        if (looked < retention.batchSize || deleted < looked) break;
      }
      this.#stats.deleted += total;
      if (total > 0) this.#log.info('outbox retention deleted published rows', { rows: total });
    } catch (error) {
      this.#log.warn('outbox retention failed; next run retries', { error: messageOf(error) });
    } finally {
      this.#retaining = false;
    }
  }
}
