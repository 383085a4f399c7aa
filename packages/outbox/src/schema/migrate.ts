import type { ClientBase, Pool, PoolClient } from 'pg';
import { tableNames } from '../table-names.js';
import { migrations } from './migrations.js';

/** Options of {@link migrate}. */
export interface MigrateOptions {
  /** The outbox table (`table` or `schema.table`). @defaultValue 'herald_outbox' */
  readonly table?: string;
}

/** What {@link migrate} did. */
export interface MigrateReport {
  readonly table: string;
  /** Versions applied by this call, in order; empty when the schema was current. */
  readonly applied: number[];
  /** The schema version after the call. */
  readonly version: number;
}

/**
 * Creates or upgrades the outbox table, its indexes, the quarantine table and the NOTIFY trigger,
 * in one transaction. Safe to run concurrently and repeatedly: a transaction-level advisory lock
 * serialises migrators and applied versions are recorded in `<table>_migrations`.
 */
export async function migrate(db: Pool | ClientBase, options: MigrateOptions = {}): Promise<MigrateReport> {
  const names = tableNames(options.table);
  const client: ClientBase | PoolClient = 'totalCount' in db ? await db.connect() : db;
  try {
    await client.query('BEGIN');
    try {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`herald_outbox_migrate:${names.name}`]);
      await client.query(
        `CREATE TABLE IF NOT EXISTS ${names.migrations} (version integer PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
      );
      const done = await client.query<{ version: number }>(`SELECT version FROM ${names.migrations}`);
      const have = new Set(done.rows.map((r) => r.version));
      const applied: number[] = [];
      for (const m of migrations) {
        if (have.has(m.version)) continue;
        await client.query(m.sql(names));
        await client.query(`INSERT INTO ${names.migrations} (version, description) VALUES ($1, $2)`, [
          m.version,
          m.description,
        ]);
        applied.push(m.version);
      }
      await client.query('COMMIT');
      const version = Math.max(0, ...have, ...applied);
      return { table: names.name, applied, version };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  } finally {
    if (client !== db) (client as PoolClient).release();
  }
}
