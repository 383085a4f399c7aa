import { InvalidOptionsError } from '@herald/errors';

/** The outbox table when none is given. */
export const DEFAULT_TABLE = 'herald_outbox';

/** Every SQL name derived from one outbox table name, quoted and ready to splice into statements. */
export interface TableNames {
  /** The name as given (`herald_outbox` or `app.herald_outbox`): log field, lock and channel key. */
  readonly name: string;
  readonly table: string;
  readonly quarantine: string;
  readonly migrations: string;
  /** One row: the relay's progress, the position through which every row is published. */
  readonly progress: string;
  readonly notifyFunction: string;
  /** Unqualified names (PostgreSQL puts indexes and triggers in the table's schema). */
  readonly unpublishedIndex: string;
  readonly publishedIndex: string;
  readonly trigger: string;
  /** The LISTEN/NOTIFY channel, as an SQL literal and as a quoted identifier. */
  readonly channelLiteral: string;
  readonly channelIdent: string;
}

// Lower-case, unquoted-style identifiers only: nothing needs escaping, nothing can inject SQL,
// and 49 characters leave room for the longest suffix within PostgreSQL's 63-byte limit.
const IDENT = /^[a-z_][a-z0-9_]{0,48}$/;

const quote = (ident: string): string => `"${ident}"`;

/**
 * Checks an outbox table name (`table` or `schema.table`, lower-case letters, digits and `_`) and
 * derives the names of everything the migrations create for it.
 *
 * @throws {InvalidOptionsError} when the name is not such an identifier.
 */
export function tableNames(name: string = DEFAULT_TABLE): TableNames {
  if (typeof name !== 'string') throw new InvalidOptionsError('table', '`table` must be a string');
  const parts = name.split('.');
  if (parts.length > 2 || !parts.every((p) => IDENT.test(p))) {
    throw new InvalidOptionsError(
      'table',
      `table ${JSON.stringify(name)} must be "table" or "schema.table" of lower-case letters, digits and _ (at most 49 each, not starting with a digit)`,
    );
  }
  const base = parts[parts.length - 1] as string;
  const schema = parts.length === 2 ? `${quote(parts[0] as string)}.` : '';
  const qualified = (suffix: string) => `${schema}${quote(base + suffix)}`;
  const channel = `herald_outbox:${name}`;
  return {
    name,
    table: qualified(''),
    quarantine: qualified('_quarantine'),
    migrations: qualified('_migrations'),
    progress: qualified('_progress'),
    notifyFunction: qualified('_notify'),
    unpublishedIndex: quote(`${base}_unpublished`),
    publishedIndex: quote(`${base}_published_at`),
    trigger: quote(`${base}_notify`),
    channelLiteral: `'${channel}'`,
    channelIdent: quote(channel),
  };
}
