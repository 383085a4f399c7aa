import { describe, expect, it } from 'vitest';
import { HeaderConverter } from '../../src/internal/headers.js';
import type { WireHeaders } from '../../src/internal/headers.js';
import { NativeRecordPacker } from '../../src/transport/native-record.js';
import type { MessageKey } from '../../src/types.js';

/** What a packer that never saw a record before packs for `key` and `headers`. */
function fresh(key: MessageKey, headers: WireHeaders | undefined): Buffer {
  const packer = new NativeRecordPacker();
  return Buffer.from(packer.buffer.subarray(0, packer.pack(key, headers)));
}

function packed(packer: NativeRecordPacker, key: MessageKey, headers: WireHeaders | undefined): Buffer {
  return Buffer.from(packer.buffer.subarray(0, packer.pack(key, headers)));
}

describe('NativeRecordPacker', () => {
  it('packs repeated headers to the same bytes as a fresh packer, record after record', () => {
    const converter = new HeaderConverter();
    const packer = new NativeRecordPacker();
    for (let i = 0; i < 50; i++) {
      // Constant headers come back as the same wire objects; ce_id changes every record, ce_time now and then.
      const headers = converter.convert({
        ce_specversion: '1.0',
        ce_id: `id-${i}`,
        ce_source: '/herald/test',
        ce_time: `2026-12-02T00:00:0${Math.floor(i / 10)}Z`,
        'content-type': 'application/json; charset=ütf-8',
      });
      const key = i % 3 === 0 ? null : `key-${i}`;
      expect(packed(packer, key, headers)).toEqual(fresh(key, headers));
    }
  });

  it('packs the current bytes of a Buffer value, even when the same header object comes again', () => {
    const packer = new NativeRecordPacker();
    const value = Buffer.from('abc');
    const headers: WireHeaders = [{ h: value }];
    packed(packer, 'k', headers);
    packed(packer, 'k', headers);
    value.write('xyz');
    expect(packed(packer, 'k', headers)).toEqual(fresh('k', [{ h: Buffer.from('xyz') }]));
  });

  it('packs records with more headers than it remembers, and fewer after them', () => {
    const packer = new NativeRecordPacker();
    const many: WireHeaders = Array.from({ length: 40 }, (_, i) => ({ [`h${i}`]: `v${i}` }));
    for (let round = 0; round < 3; round++) {
      expect(packed(packer, Buffer.from([1, 2]), many)).toEqual(fresh(Buffer.from([1, 2]), many));
      expect(packed(packer, 'k', many.slice(0, 2))).toEqual(fresh('k', many.slice(0, 2)));
      expect(packed(packer, 'k', undefined)).toEqual(fresh('k', undefined));
    }
  });
});

describe('HeaderConverter', () => {
  it('counts name and value lengths of what it returns', () => {
    const converter = new HeaderConverter();
    converter.convert({ a: 'xy', bb: Buffer.from([1, 2, 3]) });
    expect(converter.bytes).toBe(1 + 2 + 2 + 3);
    converter.convert({ a: 'xy' });
    expect(converter.bytes).toBe(3);
    converter.convert({});
    expect(converter.bytes).toBe(0);
  });
});
