// Writer side: enqueue inside the caller's transaction
export { createOutbox } from './outbox.js';
export type { Aggregate, EnqueuedEvent, EnqueueOptions, Outbox, OutboxOptions } from './outbox.js';

// Schema
export { migrate } from './schema/migrate.js';
export type { MigrateOptions, MigrateReport } from './schema/migrate.js';
export { migrations } from './schema/migrations.js';
export type { Migration } from './schema/migrations.js';
export { DEFAULT_TABLE, tableNames } from './table-names.js';
export type { TableNames } from './table-names.js';
export type { StoredHeaderValue } from './stored-headers.js';

// Relay
export { createOutboxRelay } from './relay/relay.js';
export type { OutboxRelay, RelayRole, RelayStats } from './relay/relay.js';
export type { OutboxRelayOptions, RetentionOptions } from './relay/relay-options.js';
export { createRelayPublisher, outboxRecordCodec } from './relay/outbox-record.js';
export type { OutboxRecord, RelayPublisherOptions } from './relay/outbox-record.js';
