import type { TableNames } from '../table-names.js';

/** One schema change, applied once per table, in `version` order. */
export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly sql: (names: TableNames) => string;
}

/**
 * The outbox schema, as a list of changes. Never edit a released migration: append a new one.
 * The table is documented in docs/outbox.md ("The table").
 */
export const migrations: ReadonlyArray<Migration> = [
  {
    version: 1,
    description: 'outbox table, partial index on unpublished rows, quarantine table, NOTIFY trigger',
    sql: (n) => `
CREATE TABLE ${n.table} (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  transaction_id  xid8        NOT NULL DEFAULT pg_current_xact_id(),
  event_id        text        NOT NULL,
  topic           text        NOT NULL,
  key             bytea,
  value           bytea       NOT NULL,
  headers         jsonb       NOT NULL DEFAULT '{}',
  aggregate_type  text,
  aggregate_id    text,
  attempts        integer     NOT NULL DEFAULT 0,
  last_error      text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  last_attempt_at timestamptz,
  published_at    timestamptz
);
-- The relay's read: unpublished rows in (transaction id, sequence) order. Partial, so its size
-- follows the backlog, not the table.
CREATE INDEX ${n.unpublishedIndex} ON ${n.table} (transaction_id, id) WHERE published_at IS NULL;
-- The retention job's read: published rows by age.
CREATE INDEX ${n.publishedIndex} ON ${n.table} (published_at) WHERE published_at IS NOT NULL;
CREATE TABLE ${n.quarantine} (
  id              bigint      PRIMARY KEY,
  transaction_id  xid8        NOT NULL,
  event_id        text        NOT NULL,
  topic           text        NOT NULL,
  key             bytea,
  value           bytea       NOT NULL,
  headers         jsonb       NOT NULL,
  aggregate_type  text,
  aggregate_id    text,
  attempts        integer     NOT NULL,
  last_error      text        NOT NULL,
  error_code      text,
  created_at      timestamptz NOT NULL,
  quarantined_at  timestamptz NOT NULL DEFAULT now()
);
-- One NOTIFY per inserting statement; PostgreSQL delivers it at commit and folds repeats within a
-- transaction, so a writer pays no extra round trip and a rolled-back one wakes nobody.
CREATE FUNCTION ${n.notifyFunction}() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM pg_notify(${n.channelLiteral}, '');
  RETURN NULL;
END
$fn$;
CREATE TRIGGER ${n.trigger} AFTER INSERT ON ${n.table} FOR EACH STATEMENT EXECUTE FUNCTION ${n.notifyFunction}();
`,
  },
  {
    version: 2,
    description: 'progress table: the position through which every row is published',
    sql: (n) => `
-- The relay records acked rows by moving this position forward, one single-row update per group,
-- instead of rewriting every row (an UPDATE of published_at writes a whole new row version and
-- its index entries). A row is published when it is at or before this position, or when its
-- published_at is set (rows acked behind a failed one, and rows of relays before version 2).
CREATE TABLE ${n.progress} (
  singleton      boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
  transaction_id xid8        NOT NULL,
  id             bigint      NOT NULL,
  updated_at     timestamptz NOT NULL DEFAULT now()
);
INSERT INTO ${n.progress} (transaction_id, id) VALUES ('0'::xid8, 0);
`,
  },
];
