import type { Pool, PoolClient } from 'pg';
import type { StoredHeaderValue } from '../stored-headers.js';
import { fromStoredHeaders } from '../stored-headers.js';
import type { TableNames } from '../table-names.js';
import { CopyOut } from './copy-out.js';
import type { CopyFields } from './copy-out.js';
import type { OutboxRecord } from './outbox-record.js';

/** Where the relay stopped reading: the last (transaction id, sequence) it fetched. */
export type Cursor = readonly [transactionId: string, id: string];

/** Receives fetched records in order, a group at a time, with the position of the group's last. */
export type FetchSink = (records: OutboxRecord[], last: Cursor) => void;

/** The fetch's columns, in the order `fetch` reads them. */
const FETCH_COLUMNS = 'id, transaction_id, event_id, topic, key, value, headers, attempts, created_at';
const FETCH_FIELDS = FETCH_COLUMNS.split(', ').length;
/** A read's rows go to the publisher in this many groups, each as soon as it has arrived. */
const FETCH_GROUPS = 4;

/** The rest of a fetched tuple, after its id and transaction id, in FETCH_COLUMNS order. */
function readRecord(id: string, fields: CopyFields): OutboxRecord {
  return {
    id,
    eventId: fields.text(),
    topic: fields.text(),
    key: fields.bytesOrNull(),
    value: fields.bytes(),
    headers: fromStoredHeaders(fields.jsonb() as Record<string, StoredHeaderValue>),
    attempts: fields.int4(),
    createdAt: new Date(fields.timestampMs()),
  };
}

/** A cursor value back into SQL: only ever a decimal integer that `fetch` read. */
function digits(value: string): string {
  if (!/^\d{1,20}$/.test(value)) throw new TypeError(`not a cursor value: ${value}`);
  return value;
}

/** A failed publish, as the relay records it. */
export interface FailureGroup {
  readonly ids: string[];
  readonly message: string;
  readonly code: string | undefined;
  /** Never quarantined when retriable: a broker outage only delays rows. */
  readonly retriable: boolean;
}

/** The relay's SQL, one method per statement, on one table. */
export class RelayStore {
  readonly #pool: Pool;
  readonly #n: TableNames;

  constructor(pool: Pool, names: TableNames) {
    this.#pool = pool;
    this.#n = names;
  }

  /**
   * Unpublished rows of transactions that have ended, after `cursor`, in (transaction id,
   * sequence) order. Any transaction below the snapshot's xmin is over, so nothing can still
   * appear behind the cursor: a transaction committing late has an id above the xmin of every
   * read made while it ran, and is read once it is over.
   *
   * The rows go to `deliver` a group at a time as they arrive (in order); resolves with how many
   * were read. Read as binary COPY output (see CopyOut): with pg's text results most of the
   * relay's CPU per row was the driver's decoding, and PostgreSQL's hex encoding of `value`.
   * COPY takes no parameters, so the limit and the cursor are written into the statement; both
   * are integers this class produced.
   */
  async fetch(cursor: Cursor | null, limit: number, deliver: FetchSink): Promise<number> {
    const n = this.#n;
    const after =
      cursor === null ? '' : `AND (transaction_id, id) > ('${digits(cursor[0])}'::xid8, ${digits(cursor[1])})`;
    // Only the transaction id of a group's last row is kept: the cursor's.
    let lastTransaction = '';
    const read = (fields: CopyFields): OutboxRecord => {
      const id = fields.int8Text(false);
      lastTransaction = fields.int8Text(true);
      return readRecord(id, fields);
    };
    return this.#inIndexOrder(
      (client) =>
        client.query(
          new CopyOut({
            text:
              `COPY (SELECT ${FETCH_COLUMNS} FROM ${n.table} ` +
              `WHERE published_at IS NULL AND transaction_id < pg_snapshot_xmin(pg_current_snapshot()) ${after} ` +
              `ORDER BY transaction_id, id LIMIT ${Math.trunc(limit)}) TO STDOUT (FORMAT binary)`,
            fieldCount: FETCH_FIELDS,
            read,
            deliver: (records) => deliver(records, [lastTransaction, (records[records.length - 1] as OutboxRecord).id]),
            groupSize: Math.max(1, Math.ceil(limit / FETCH_GROUPS)),
          }),
        ).done,
    );
  }

  /**
   * Runs `read` in a transaction (read-only unless `writes`) whose plans walk the unpublished
   * index in order.
   * A backlog written faster than autovacuum analyses the table looks tiny to the planner, which
   * then picks a bitmap scan and sorts the whole backlog for every batch: O(backlog) per read,
   * seconds per batch at millions of rows. The ordered index scan is O(batch) whatever the
   * statistics say; turning the other two plans off for these statements makes it the plan.
   */
  async #inIndexOrder<R>(read: (client: PoolClient) => Promise<R>, writes = false): Promise<R> {
    const begin = writes ? 'BEGIN' : 'BEGIN READ ONLY';
    return this.#inTransaction(`${begin}; SET LOCAL enable_bitmapscan = off; SET LOCAL enable_sort = off`, read);
  }

  /**
   * Runs `work` between `begin` and COMMIT on a connection of its own. On failure the connection
   * is destroyed (and the transaction with it) rather than returned to the pool.
   */
  async #inTransaction<R>(begin: string, work: (client: PoolClient) => Promise<R>): Promise<R> {
    const client = await this.#pool.connect();
    // A checked-out client whose server goes away emits 'error' besides failing its query: with
    // no listener that would crash the process. The failed query reports it.
    const ignore = (): void => undefined;
    client.on('error', ignore);
    try {
      await client.query(begin);
      const result = await work(client);
      await client.query('COMMIT');
      client.off('error', ignore);
      client.release();
      return result;
    } catch (error) {
      client.off('error', ignore);
      client.release(error instanceof Error ? error : new Error(String(error)));
      throw error;
    }
  }

  /**
   * Marks acked rows published one by one: the rows acked after a failed one, which the progress
   * position cannot pass (see `advance`). Idempotent: a row marked already keeps its first
   * `published_at` and attempt count (a mark retried after an unknown outcome). The WHERE clause
   * names only `id`: with `published_at IS NULL` in it the planner may AND in a scan of the whole
   * unpublished index, once per batch.
   */
  async markPublished(ids: readonly string[]): Promise<void> {
    await this.#pool.query({
      name: `herald_outbox_mark:${this.#n.name}`,
      text:
        `UPDATE ${this.#n.table} SET published_at = coalesce(published_at, now()), ` +
        'last_attempt_at = CASE WHEN published_at IS NULL THEN now() ELSE last_attempt_at END, ' +
        'attempts = attempts + (published_at IS NULL)::int WHERE id = ANY($1::bigint[])',
      // The ids are decimal strings from the database: an array literal needs no per-element escaping.
      values: [`{${ids.join(',')}}`],
    });
  }

  /**
   * Deletes acked rows (retention 0: nothing is kept once published). One statement for the whole
   * batch, and idempotent like the mark: a row deleted already is simply not there.
   */
  async deleteAcked(ids: readonly string[]): Promise<void> {
    await this.#pool.query({
      name: `herald_outbox_delete_acked:${this.#n.name}`,
      text: `DELETE FROM ${this.#n.table} WHERE id = ANY($1::bigint[])`,
      values: [`{${ids.join(',')}}`],
    });
  }

  /**
   * Records one failed attempt of each row and moves rows whose permanent error reached
   * `maxAttempts` to the quarantine table, with the error. Returns how many were quarantined.
   */
  async recordFailures(group: FailureGroup, maxAttempts: number): Promise<number> {
    const n = this.#n;
    return this.#inTransaction('BEGIN', async (client) => {
      const { rows } = await client.query<{ id: string; attempts: number }>(
        // Only `id` in the WHERE clause, as in markPublished. A failed row is unpublished: only the
        // relay holding the lock marks rows, and it never has a row in flight twice.
        `UPDATE ${n.table} SET attempts = attempts + 1, last_error = $2, last_attempt_at = now() WHERE id = ANY($1::bigint[]) RETURNING id::text, attempts`,
        [group.ids, group.message],
      );
      const spent = group.retriable ? [] : rows.filter((r) => r.attempts >= maxAttempts).map((r) => r.id);
      if (spent.length > 0) {
        await client.query(
          `WITH moved AS (DELETE FROM ${n.table} WHERE id = ANY($1::bigint[]) RETURNING *) ` +
            `INSERT INTO ${n.quarantine} (id, transaction_id, event_id, topic, key, value, headers, aggregate_type, aggregate_id, attempts, last_error, error_code, created_at) ` +
            'SELECT id, transaction_id, event_id, topic, key, value, headers, aggregate_type, aggregate_id, attempts, $2, $3, created_at FROM moved',
          [spent, group.message, group.code ?? null],
        );
      }
      return spent.length;
    });
  }

  /** The progress position: every row at or before it is published. */
  async progress(): Promise<Cursor> {
    const { rows } = await this.#pool.query<{ transaction_id: string; id: string }>(
      `SELECT transaction_id::text, id::text FROM ${this.#n.progress}`,
    );
    const row = rows[0];
    if (row === undefined) throw new Error(`${this.#n.progress} has no row: run migrate()`);
    return [row.transaction_id, row.id];
  }

  /**
   * Moves the progress position forward to `through`: every row up to it was read in order and
   * acked. One single-row update for a whole group of rows, where marking them rewrote each row.
   * Never moves it back, so writes that overtake each other, or a write retried after an unknown
   * outcome, are harmless.
   */
  async advance(through: Cursor): Promise<void> {
    await this.#pool.query({
      name: `herald_outbox_advance:${this.#n.name}`,
      text:
        `UPDATE ${this.#n.progress} SET transaction_id = $1::xid8, id = $2::bigint, updated_at = now() ` +
        'WHERE (transaction_id, id) < ($1::xid8, $2::bigint)',
      values: [through[0], through[1]],
    });
  }

  /**
   * Seconds since the oldest unpublished row after `after` (the progress position) was created;
   * 0 when there is none.
   */
  async lagSeconds(after: Cursor): Promise<number> {
    const { rows } = await this.#inIndexOrder((client) =>
      client.query<{ lag: number }>({
        name: `herald_outbox_lag:${this.#n.name}`,
        text:
          `SELECT EXTRACT(EPOCH FROM clock_timestamp() - created_at)::float8 AS lag FROM ${this.#n.table} ` +
          'WHERE published_at IS NULL AND (transaction_id, id) > ($1::xid8, $2::bigint) ORDER BY transaction_id, id LIMIT 1',
        values: [after[0], after[1]],
      }),
    );
    return Math.max(0, rows[0]?.lag ?? 0);
  }

  /** Deletes up to `limit` rows marked published more than `olderThanMs` ago; returns how many. */
  async deleteMarked(olderThanMs: number, limit: number): Promise<number> {
    const n = this.#n;
    const result = await this.#pool.query({
      name: `herald_outbox_retention:${n.name}`,
      text:
        `DELETE FROM ${n.table} WHERE id IN (SELECT id FROM ${n.table} WHERE published_at IS NOT NULL ` +
        "AND published_at < now() - $1::float8 * interval '1 millisecond' ORDER BY published_at LIMIT $2)",
      values: [olderThanMs, limit],
    });
    return result.rowCount ?? 0;
  }

  /**
   * Deletes rows at or before `through` (the progress position) created more than `olderThanMs`
   * ago, from the oldest position on, looking at `limit` rows; returns how many it deleted. A row
   * is published after it was created, so each deleted row was published and is at least that old.
   * Looking at a bounded window in position order keeps each statement O(limit) however many rows
   * are kept: a window that is not deleted whole means the rest are younger (positions follow the
   * order transactions wrote in), and the next run goes on.
   */
  async deletePassed(
    through: Cursor,
    olderThanMs: number,
    limit: number,
  ): Promise<{ looked: number; deleted: number }> {
    const n = this.#n;
    return this.#inIndexOrder(async (client) => {
      const { rows } = await client.query<{ looked: number; deleted: number }>({
        name: `herald_outbox_retention_passed:${n.name}`,
        text:
          `WITH window_rows AS (SELECT id, created_at FROM ${n.table} WHERE published_at IS NULL ` +
          'AND (transaction_id, id) <= ($1::xid8, $2::bigint) ORDER BY transaction_id, id LIMIT $4), ' +
          `gone AS (DELETE FROM ${n.table} WHERE id IN (SELECT id FROM window_rows ` +
          "WHERE created_at < now() - $3::float8 * interval '1 millisecond') RETURNING 1) " +
          'SELECT (SELECT count(*) FROM window_rows)::int AS looked, (SELECT count(*) FROM gone)::int AS deleted',
        values: [through[0], through[1], olderThanMs, limit],
      });
      return rows[0] ?? { looked: 0, deleted: 0 };
    }, true);
  }
}
