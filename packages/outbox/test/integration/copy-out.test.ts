// The relay's binary COPY reader on real PostgreSQL output: values of every shape, output split at
// every byte (a tuple across messages), groups in order, and failures as rejections.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import type { Connection, Submittable } from 'pg';
import { CopyFormatError, CopyOut } from '../../src/relay/copy-out.js';
import type { CopyFields } from '../../src/relay/copy-out.js';
import { postgres } from '../../../../test-support/postgres.js';
import { createPool } from '../support/fixtures.js';

let pool: pg.Pool;

beforeAll(() => {
  pool = createPool(postgres().url);
});

afterAll(async () => {
  await pool.end();
});

interface Row {
  id: string;
  xid: string;
  text: string;
  key: Buffer | null;
  value: Buffer;
  json: unknown;
  n: number;
  ms: number;
}

const readRow = (f: CopyFields): Row => ({
  id: f.int8Text(false),
  xid: f.int8Text(true),
  text: f.text(),
  key: f.bytesOrNull(),
  value: f.bytes(),
  json: f.jsonb(),
  n: f.int4(),
  ms: f.timestampMs(),
});

// Ids beyond 2^53 and an xid8 beyond 2^63 take the BigInt path; a NULL key, unicode text, an
// empty value and one larger than a slab.
const SELECT = `SELECT * FROM (VALUES
  (1::bigint, '7'::xid8, 'plain'::text, '\\x00ff'::bytea, '\\x'::bytea, '{"a":"b"}'::jsonb, 0, '2000-01-01T00:00:00.001Z'::timestamptz),
  (9007199254740993, '18446744073709551615', 'zwölf ✓ 🎉', NULL, decode(repeat('ab', 100000), 'hex'), '{"base64":"AAE="}', -5, '2026-12-02T10:11:12.345Z'),
  (-2, '9007199254740992', '', '\\x', '\\x0102', '[]', 2147483647, '1999-12-31T23:59:59.999Z')
) AS v(id, xid, t, k, v, j, n, c)`;
const COPY = `COPY (${SELECT}) TO STDOUT (FORMAT binary)`;

const expected: Row[] = [
  {
    id: '1',
    xid: '7',
    text: 'plain',
    key: Buffer.from([0, 255]),
    value: Buffer.alloc(0),
    json: { a: 'b' },
    n: 0,
    ms: Date.parse('2000-01-01T00:00:00.001Z'),
  },
  {
    id: '9007199254740993',
    xid: '18446744073709551615',
    text: 'zwölf ✓ 🎉',
    key: null,
    value: Buffer.alloc(100_000, 0xab),
    json: { base64: 'AAE=' },
    n: -5,
    ms: Date.parse('2026-12-02T10:11:12.345Z'),
  },
  {
    id: '-2',
    xid: '9007199254740992',
    text: '',
    key: Buffer.alloc(0),
    value: Buffer.from([1, 2]),
    json: [],
    n: 2147483647,
    ms: Date.parse('1999-12-31T23:59:59.999Z'),
  },
];

/** Rows with their value as base64: a deep comparison of 100 kB Buffers byte by byte is slow. */
const comparable = (rows: readonly Row[]) => rows.map((r) => ({ ...r, value: r.value.toString('base64') }));

async function copy(text: string, groupSize = 1): Promise<{ count: number; groups: Row[][] }> {
  const groups: Row[][] = [];
  const client = await pool.connect();
  try {
    const count = await client.query(
      new CopyOut({ text, fieldCount: 8, read: readRow, deliver: (rows) => groups.push(rows), groupSize }),
    ).done;
    return { count, groups };
  } finally {
    client.release();
  }
}

/** The server's raw COPY output, message by message, to feed a reader in other splits. */
async function rawOutput(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const client = await pool.connect();
  try {
    await new Promise<void>((resolve, reject) => {
      const raw: Submittable & Record<string, unknown> = {
        submit: (connection: Connection) => connection.query(COPY),
        handleCopyData: (m: { chunk: Buffer }) => chunks.push(Buffer.from(m.chunk)),
        handleCommandComplete: () => undefined,
        handleReadyForQuery: () => resolve(),
        handleError: (e: unknown) => reject(e),
      };
      client.query(raw);
    });
  } finally {
    client.release();
  }
  return Buffer.concat(chunks);
}

/**
 * A reader fed `messages` as pg would hand them, then the end of the statement; `between` runs
 * after the last message is handed over (pg may then reuse its buffer).
 */
async function feed(messages: readonly Buffer[], between?: () => void): Promise<{ count: number; rows: Row[] }> {
  const rows: Row[] = [];
  const reader = new CopyOut({ text: '', fieldCount: 8, read: readRow, deliver: (r) => rows.push(...r), groupSize: 1 });
  for (const chunk of messages) reader.handleCopyData({ chunk });
  between?.();
  reader.handleReadyForQuery();
  return { count: await reader.done, rows };
}

describe('CopyOut', () => {
  it('reads every field type of real binary COPY output, in order', async () => {
    const { count, groups } = await copy(COPY, 2);
    expect(count).toBe(3);
    // Two rows as soon as they arrived, the last when the statement ended.
    expect(groups.map((g) => g.length)).toEqual([2, 1]);
    expect(groups.flat()).toEqual(expected);
  });

  it('reads the same rows whatever the message boundaries, a tuple split across messages included', async () => {
    const output = await rawOutput();
    for (let cut = 1; cut < output.length; cut += cut < 48 ? 1 : 9973) {
      const { count, rows } = await feed([output.subarray(0, cut), output.subarray(cut)]);
      expect(count).toBe(3);
      expect(comparable(rows)).toEqual(comparable(expected));
    }
  });

  it('keeps the values it delivered when the parse buffer it was handed is overwritten', async () => {
    const output = await rawOutput();
    const message = Buffer.from(output);
    const { rows } = await feed([message], () => message.fill(0));
    expect(rows).toEqual(expected);
  });

  it('rejects output that ends before its trailer, and a tuple of the wrong width, with CopyFormatError', async () => {
    const output = await rawOutput();
    await expect(feed([output.subarray(0, output.length - 2)])).rejects.toBeInstanceOf(CopyFormatError);
    await expect(copy(COPY.replace('SELECT * FROM', 'SELECT id FROM'))).rejects.toThrow(
      /a tuple of 1 fields, expected 8/,
    );
  });

  it('rejects with the server error, and leaves the connection usable', async () => {
    await expect(copy('COPY (SELECT * FROM no_such_table_here) TO STDOUT (FORMAT binary)')).rejects.toThrow(
      /no_such_table_here/,
    );
    await expect(copy('SELECT 1')).rejects.toBeInstanceOf(CopyFormatError);
    const { rows } = await pool.query<{ one: number }>('SELECT 1 AS one');
    expect(rows).toEqual([{ one: 1 }]);
  });
});
