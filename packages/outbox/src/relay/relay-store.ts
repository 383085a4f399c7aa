import type { Pool } from 'pg';
import type { StoredHeaderValue } from '../stored-headers.js';
import { fromStoredHeaders } from '../stored-headers.js';
import type { TableNames } from '../table-names.js';
import type { OutboxRecord } from './outbox-record.js';

/** Where the relay stopped reading: the last (transaction id, sequence) it fetched. */
export type Cursor = readonly [transactionId: string, id: string];

/** A fetched row: the record, and its position for the cursor. */
export interface FetchedRow {
  readonly record: OutboxRecord;
  readonly transactionId: string;
}

interface RawRow {
  row_id: string;
  xid: string;
  event_id: string;
  topic: string;
  key: Buffer | null;
  value: Buffer;
  headers: Record<string, StoredHeaderValue>;
  attempts: number;
  created_at: Date;
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
   */
  async fetch(cursor: Cursor | null, limit: number): Promise<FetchedRow[]> {
    const n = this.#n;
    const after = cursor === null ? '' : 'AND (transaction_id, id) > ($2::xid8, $3::bigint)';
    const { rows } = await this.#pool.query<RawRow>({
      name: `herald_outbox_fetch${cursor === null ? '' : '_after'}:${n.name}`,
      text:
        // Text copies under other names: ORDER BY must see the xid8 and bigint columns, not text.
        'SELECT id::text AS row_id, transaction_id::text AS xid, event_id, topic, key, value, headers, attempts, created_at ' +
        `FROM ${n.table} WHERE published_at IS NULL AND transaction_id < pg_snapshot_xmin(pg_current_snapshot()) ${after} ` +
        'ORDER BY transaction_id, id LIMIT $1',
      values: cursor === null ? [limit] : [limit, cursor[0], cursor[1]],
    });
    return rows.map((r) => ({
      transactionId: r.xid,
      record: {
        id: r.row_id,
        eventId: r.event_id,
        topic: r.topic,
        key: r.key,
        value: r.value,
        headers: fromStoredHeaders(r.headers),
        attempts: r.attempts,
        createdAt: r.created_at,
      },
    }));
  }

  /** Marks acked rows published (one statement for the whole batch). */
  async markPublished(ids: readonly string[]): Promise<void> {
    await this.#pool.query({
      name: `herald_outbox_mark:${this.#n.name}`,
      text: `UPDATE ${this.#n.table} SET published_at = now(), last_attempt_at = now(), attempts = attempts + 1 WHERE id = ANY($1::bigint[]) AND published_at IS NULL`,
      values: [ids],
    });
  }

  /**
   * Records one failed attempt of each row and moves rows whose permanent error reached
   * `maxAttempts` to the quarantine table, with the error. Returns how many were quarantined.
   */
  async recordFailures(group: FailureGroup, maxAttempts: number): Promise<number> {
    const n = this.#n;
    const client = await this.#pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ id: string; attempts: number }>(
        `UPDATE ${n.table} SET attempts = attempts + 1, last_error = $2, last_attempt_at = now() WHERE id = ANY($1::bigint[]) AND published_at IS NULL RETURNING id::text, attempts`,
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
      await client.query('COMMIT');
      return spent.length;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Seconds since the oldest committed unpublished row was created; 0 when there is none. */
  async lagSeconds(): Promise<number> {
    const { rows } = await this.#pool.query<{ lag: number }>({
      name: `herald_outbox_lag:${this.#n.name}`,
      text: `SELECT EXTRACT(EPOCH FROM clock_timestamp() - created_at)::float8 AS lag FROM ${this.#n.table} WHERE published_at IS NULL ORDER BY transaction_id, id LIMIT 1`,
    });
    return Math.max(0, rows[0]?.lag ?? 0);
  }

  /** Deletes up to `limit` rows published more than `olderThanMs` ago; returns how many. */
  async deletePublished(olderThanMs: number, limit: number): Promise<number> {
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
}
