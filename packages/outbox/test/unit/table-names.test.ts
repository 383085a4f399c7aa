import { describe, expect, it } from 'vitest';
import { InvalidOptionsError } from '@herald/errors';
import { outboxRecordCodec, tableNames } from '../../src/index.js';
import { fromStoredHeaders, toStoredHeaders } from '../../src/stored-headers.js';

describe('tableNames', () => {
  it('derives quoted names for a plain and a schema-qualified table', () => {
    expect(tableNames().table).toBe('"herald_outbox"');
    const n = tableNames('app.orders_outbox');
    expect(n.table).toBe('"app"."orders_outbox"');
    expect(n.quarantine).toBe('"app"."orders_outbox_quarantine"');
    expect(n.unpublishedIndex).toBe('"orders_outbox_unpublished"');
    expect(n.channelIdent).toBe('"herald_outbox:app.orders_outbox"');
  });

  it.each(['Outbox', 'out-box', 'a.b.c', '1outbox', '', 'x'.repeat(50), 'o"; drop table users; --'])(
    'rejects %j with InvalidOptionsError',
    (name) => {
      expect(() => tableNames(name)).toThrow(InvalidOptionsError);
    },
  );
});

describe('stored headers', () => {
  it('round-trips strings and bytes through the jsonb shape', () => {
    const headers = { ce_id: 'abc', bin: Buffer.from([0, 255, 7]) };
    const stored = JSON.parse(JSON.stringify(toStoredHeaders(headers))) as ReturnType<typeof toStoredHeaders>;
    expect(stored['bin']).toEqual({ base64: 'AP8H' });
    expect(fromStoredHeaders(stored)).toEqual(headers);
  });
});

describe('outboxRecordCodec', () => {
  it('sends the stored bytes and headers unchanged', () => {
    const record = {
      id: '1',
      eventId: 'e',
      topic: 't',
      key: null,
      value: Buffer.from('v'),
      headers: { a: 'b' },
      attempts: 0,
      createdAt: new Date(),
    };
    expect(outboxRecordCodec.encode(record)).toBe(record.value);
    expect(outboxRecordCodec.headers?.(record)).toBe(record.headers);
  });
});
