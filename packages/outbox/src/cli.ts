#!/usr/bin/env node
// herald-outbox: `migrate` creates/upgrades an outbox table, `relay` publishes it until SIGTERM.
import { parseArgs } from 'node:util';
import pg from 'pg';
import winston from 'winston';
import { presets } from '@herald/publisher';
import type { PresetName } from '@herald/publisher';
import { createOutboxRelay } from './relay/relay.js';
import { createRelayPublisher } from './relay/outbox-record.js';
import { migrate } from './schema/migrate.js';

const USAGE = `usage: herald-outbox <command> [options]

commands:
  migrate   create or upgrade the outbox table        --url URL [--table NAME]
  relay     publish committed rows until SIGTERM/SIGINT --url URL --brokers HOST:PORT[,…] [options]

options:
  --url URL               PostgreSQL connection string (default: DATABASE_URL)
  --table NAME            outbox table, "table" or "schema.table" (default herald_outbox)
  --brokers LIST          Kafka bootstrap servers (relay; default: KAFKA_BROKERS)
  --preset NAME           reliable | lowLatency | highThroughput (default reliable)
  --batch-size N          rows per read (default 1000)
  --max-in-flight N       rows published and not yet settled (default 20000)
  --poll-interval-ms N    read interval without NOTIFY (default 500)
  --standby-poll-ms N     lock retry interval of a standby (default 1000)
  --max-attempts N        attempts before a permanently failing row is quarantined (default 5)
  --retention-ms N        delete rows published longer ago than N ms (default 86400000);
                          0 deletes each row once acked instead of recording it
  --no-retention          keep published rows
  --pool-size N           PostgreSQL connections (default 4)
  --log-level LEVEL       error | warn | info | debug (default info)`;

const write = (line: string): boolean => process.stderr.write(`${line}\n`);

function int(name: string, value: string | undefined, min = 1): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min)
    throw new Error(
      `--${name} must be ${min === 1 ? 'a positive integer' : `an integer >= ${min}`}, got ${JSON.stringify(value)}`,
    );
  return n;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h') {
    write(USAGE);
    return command === undefined ? 2 : 0;
  }
  const { values } = parseArgs({
    args: rest,
    strict: true,
    options: {
      url: { type: 'string' },
      table: { type: 'string' },
      brokers: { type: 'string' },
      preset: { type: 'string' },
      'batch-size': { type: 'string' },
      'max-in-flight': { type: 'string' },
      'poll-interval-ms': { type: 'string' },
      'standby-poll-ms': { type: 'string' },
      'max-attempts': { type: 'string' },
      'retention-ms': { type: 'string' },
      'no-retention': { type: 'boolean' },
      'pool-size': { type: 'string' },
      'log-level': { type: 'string' },
    },
  });
  const url = values.url ?? process.env['DATABASE_URL'];
  if (url === undefined) throw new Error('--url (or DATABASE_URL) is required');
  const pool = new pg.Pool({ connectionString: url, max: int('pool-size', values['pool-size']) ?? 4 });
  pool.on('error', () => undefined); // the relay logs these; the CLI must not crash on a restart
  if (command === 'migrate') {
    try {
      const report = await migrate(pool, values.table === undefined ? {} : { table: values.table });
      process.stdout.write(`${JSON.stringify(report)}\n`);
      return 0;
    } finally {
      await pool.end();
    }
  }
  if (command !== 'relay') throw new Error(`unknown command ${JSON.stringify(command)}\n\n${USAGE}`);
  const brokers = values.brokers ?? process.env['KAFKA_BROKERS'];
  if (brokers === undefined) throw new Error('--brokers (or KAFKA_BROKERS) is required');
  const preset = values.preset ?? 'reliable';
  if (!Object.hasOwn(presets, preset)) throw new Error(`--preset must be one of ${Object.keys(presets).join(', ')}`);
  const logger = winston.createLogger({
    level: values['log-level'] ?? 'info',
    format: winston.format.combine(winston.format.timestamp(), winston.format.json()),
    defaultMeta: { library: 'herald', pid: process.pid },
    transports: [
      new winston.transports.Console({ stderrLevels: ['error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly'] }),
    ],
  });
  const publisher = createRelayPublisher({
    brokers,
    preset: preset as PresetName,
    logger,
    clientId: 'herald-outbox-relay',
  });
  const retentionMs = int('retention-ms', values['retention-ms'], 0);
  const relay = createOutboxRelay({
    pool,
    publisher,
    logger,
    ...(values.table === undefined ? {} : { table: values.table }),
    ...optional('batchSize', int('batch-size', values['batch-size'])),
    ...optional('maxInFlight', int('max-in-flight', values['max-in-flight'])),
    ...optional('pollIntervalMs', int('poll-interval-ms', values['poll-interval-ms'])),
    ...optional('standbyPollMs', int('standby-poll-ms', values['standby-poll-ms'])),
    ...optional('maxAttempts', int('max-attempts', values['max-attempts'])),
    ...(values['no-retention'] === true
      ? { retention: false as const }
      : retentionMs === undefined
        ? {}
        : { retention: { publishedOlderThanMs: retentionMs } }),
  });
  relay.start();
  await new Promise<void>((resolve) => {
    const onSignal = (signal: string) => {
      logger.info('outbox relay stopping', { signal });
      resolve();
    };
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  });
  await relay.stop();
  const report = await publisher.close();
  await pool.end();
  logger.info('outbox relay stopped', { ...relay.stats, undelivered: report.undelivered });
  return 0;
}

function optional<K extends string>(key: K, value: number | undefined): Partial<Record<K, number>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, number>);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    write(`herald-outbox: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
