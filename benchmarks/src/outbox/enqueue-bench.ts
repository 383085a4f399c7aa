// Enqueue cost inside a transaction: outbox.enqueue (validate + encode + headers + INSERT into the
// indexed, triggered outbox table) against a plain INSERT of the same, already encoded bytes into a
// bare table on the same connection. Rounds alternate the two so drift hits both alike.
import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import { createRecordEncoder } from '@herald/publisher';
import type { RecordOptions } from '@herald/publisher';
import { createOutbox, migrate } from '@herald/outbox';

/** One variant's cost, the median over rounds. */
export interface EnqueueRow {
  readonly variant: string;
  readonly usPerEvent: number;
  readonly vsPlain: number;
}

export interface EnqueueBenchOptions<T> {
  readonly pool: pg.Pool;
  readonly table: string;
  readonly record: RecordOptions<T>;
  readonly events: readonly T[];
  readonly perTransaction: number;
  readonly rounds: number;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Measures µs per event of each variant; BEGIN/COMMIT are outside the clock for all of them. */
export async function runEnqueueBench<T>(o: EnqueueBenchOptions<T>): Promise<EnqueueRow[]> {
  await migrate(o.pool, { table: o.table });
  const plainTable = `${o.table}_plain`;
  await o.pool.query(`DROP TABLE IF EXISTS ${plainTable}`);
  await o.pool.query(
    `CREATE TABLE ${plainTable} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, event_id text NOT NULL, topic text NOT NULL, key bytea, value bytea NOT NULL, headers jsonb NOT NULL)`,
  );
  const outbox = createOutbox({ ...o.record, table: o.table });
  const encode = createRecordEncoder(o.record);
  const ready = o.events.map((event) => {
    const r = encode(event);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(r.headers)) headers[name] = value.toString();
    return [
      String(headers['ce_id']),
      r.topic,
      r.key === null ? null : Buffer.from(r.key),
      r.value,
      JSON.stringify(headers),
    ] as const;
  });
  const plainInsert = {
    name: 'bench_plain_insert',
    text: `INSERT INTO ${plainTable} (event_id, topic, key, value, headers) VALUES ($1, $2, $3, $4, $5)`,
  };
  const client = await o.pool.connect();
  const timed = async (one: (i: number) => Promise<unknown>): Promise<number> => {
    let spent = 0;
    for (let i = 0; i < o.events.length; i += o.perTransaction) {
      await client.query('BEGIN');
      const start = performance.now();
      for (let j = i; j < Math.min(o.events.length, i + o.perTransaction); j++) await one(j);
      spent += performance.now() - start;
      await client.query('COMMIT');
    }
    return (spent * 1000) / o.events.length;
  };
  const timedMany = async (): Promise<number> => {
    let spent = 0;
    for (let i = 0; i < o.events.length; i += 100) {
      await client.query('BEGIN');
      const start = performance.now();
      await outbox.enqueueMany(client, o.events.slice(i, i + 100));
      spent += performance.now() - start;
      await client.query('COMMIT');
    }
    return (spent * 1000) / o.events.length;
  };
  const plain: number[] = [];
  const single: number[] = [];
  const many: number[] = [];
  try {
    // A warm-up of each prepares the statements and fills the caches.
    await timed((i) => client.query({ ...plainInsert, values: [...ready[i]!] }));
    await timed((i) => outbox.enqueue(client, o.events[i]!));
    for (let r = 0; r < o.rounds; r++) {
      plain.push(await timed((i) => client.query({ ...plainInsert, values: [...ready[i]!] })));
      single.push(await timed((i) => outbox.enqueue(client, o.events[i]!)));
      many.push(await timedMany());
    }
  } finally {
    client.release();
    await o.pool.query(`DROP TABLE IF EXISTS ${plainTable}`);
  }
  const base = median(plain);
  return [
    { variant: 'plain INSERT of the encoded bytes', usPerEvent: base, vsPlain: 1 },
    { variant: 'outbox.enqueue', usPerEvent: median(single), vsPlain: median(single) / base },
    { variant: 'outbox.enqueueMany (100 per call)', usPerEvent: median(many), vsPlain: median(many) / base },
  ];
}
