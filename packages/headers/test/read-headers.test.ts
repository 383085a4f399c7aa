import { describe, expect, it } from 'vitest';
import { readHeaders } from '../src/index.js';

describe('readHeaders', () => {
  it('reads the native client list shape, the last of a repeated header winning', () => {
    const headers = [{ ce_id: 'first' }, { traceparent: Buffer.from('00-aa-bb-01') }, { ce_id: 'second' }];
    expect(readHeaders(headers)).toEqual(
      new Map([
        ['ce_id', 'second'],
        ['traceparent', '00-aa-bb-01'],
      ]),
    );
  });

  it('reads the KafkaJS record shape the same way, the last array value winning', () => {
    const headers = {
      ce_id: [Buffer.from('first'), Buffer.from('second')],
      traceparent: '00-aa-bb-01',
      gone: undefined,
      none: [],
    };
    expect(readHeaders(headers)).toEqual(
      new Map([
        ['ce_id', 'second'],
        ['traceparent', '00-aa-bb-01'],
      ]),
    );
  });

  it('keeps names exactly as sent (Kafka names are case-sensitive) and decodes UTF-8', () => {
    const headers = [{ Traceparent: 'upper' }, { traceparent: 'lower' }, { name: new Uint8Array([0xc3, 0xa9, 0xff]) }];
    expect(readHeaders(headers)).toEqual(
      new Map([
        ['Traceparent', 'upper'],
        ['traceparent', 'lower'],
        ['name', 'é\ufffd'],
      ]),
    );
  });
});
