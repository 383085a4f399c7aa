import { describe, expect, it } from 'vitest';
import {
  createRecordEncoder,
  EncodeError,
  InvalidKeyError,
  InvalidOptionsError,
  InvalidTopicError,
} from '../../src/index.js';
import type { EventEncoder } from '../../src/index.js';

interface Ev {
  readonly id: string;
  readonly ok: boolean;
}

// A codec with a reused buffer, like @herald/schemas' encodeTransient.
const scratch = Buffer.alloc(64);
const codec: EventEncoder<Ev> = {
  encode: (e) => {
    if (!e.ok) throw new Error('bad event');
    return Buffer.from(JSON.stringify(e));
  },
  encodeTransient: (e) => {
    if (!e.ok) throw new Error('bad event');
    const n = scratch.write(JSON.stringify(e));
    return scratch.subarray(0, n);
  },
  headers: (e) => ({ ce_id: e.id, 'content-type': 'application/json' }),
};

describe('createRecordEncoder', () => {
  it('builds the record by the publisher rules: topic, key, merged headers, an owned value', () => {
    const encode = createRecordEncoder<Ev>({
      route: (e) => `t-${e.id}`,
      codec,
      key: (e) => e.id,
      headers: { source: 'unit' },
    });
    const a = encode({ id: 'a', ok: true }, { headers: { extra: Buffer.from([1]) } });
    const b = encode({ id: 'b', ok: true });
    expect(a).toEqual({
      topic: 't-a',
      key: 'a',
      value: Buffer.from('{"id":"a","ok":true}'),
      headers: { ce_id: 'a', 'content-type': 'application/json', source: 'unit', extra: Buffer.from([1]) },
    });
    // The second encode did not overwrite the first record's bytes.
    expect(a.value.toString()).toBe('{"id":"a","ok":true}');
    expect(b.value.toString()).toBe('{"id":"b","ok":true}');
  });

  it('throws the errors publish() would: EncodeError, InvalidKeyError, InvalidTopicError, InvalidOptionsError', () => {
    const encode = createRecordEncoder<Ev>({
      topic: 'ok',
      codec,
      key: (e) => (e.id === 'n' ? (7 as unknown as string) : e.id),
    });
    expect(() => encode({ id: 'x', ok: false })).toThrow(EncodeError);
    expect(() => encode({ id: 'n', ok: true })).toThrow(InvalidKeyError);
    expect(() => encode({ id: 'x', ok: true }, { topic: 'bad topic!' })).toThrow(InvalidTopicError);
    expect(() => createRecordEncoder<Ev>({ codec })).toThrow(InvalidOptionsError);
  });
});
