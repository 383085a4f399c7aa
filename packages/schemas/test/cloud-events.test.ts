import { InvalidOptionsError } from '@herald/errors';
import { describe, expect, it } from 'vitest';
import {
  CloudEventHeadersError,
  cloudEventHeaders,
  eventType,
  orderEventMessageV1Codec,
  parseCloudEventHeaders,
  withCloudEvents,
} from '../src/index.js';
import type { OrderEventMessage } from '../src/index.js';
import { order, stringifyBytes } from './support/orders.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('eventType', () => {
  it('builds versioned, prefixed types', () => {
    expect(eventType('order.created', 1)).toBe('com.herald.order.created.v1');
    expect(eventType('order.cancelled', 2, { prefix: 'io.acme.shop' })).toBe('io.acme.shop.order.cancelled.v2');
    expect(eventType('order_updated', 1, { prefix: '' })).toBe('order_updated.v1');
  });

  it('rejects names, prefixes and versions that would make an ambiguous type', () => {
    expect(() => eventType('order created', 1)).toThrow(InvalidOptionsError);
    expect(() => eventType('order.', 1)).toThrow(InvalidOptionsError);
    expect(() => eventType('order.created', 0)).toThrow(InvalidOptionsError);
    expect(() => eventType('order.created', 1.5)).toThrow(InvalidOptionsError);
    expect(() => eventType('order.created', 1, { prefix: 'com..acme' })).toThrow(InvalidOptionsError);
  });
});

describe('cloudEventHeaders', () => {
  it('writes the required attributes, a fresh UUID and the current time by default', () => {
    const before = Date.now();
    const headers = cloudEventHeaders({ type: 'com.herald.order.created.v1', source: '/herald/orders' });
    expect(Object.keys(headers).sort()).toEqual([
      'ce_id',
      'ce_source',
      'ce_specversion',
      'ce_time',
      'ce_type',
      'content-type',
    ]);
    expect(headers).toMatchObject({
      ce_specversion: '1.0',
      ce_source: '/herald/orders',
      ce_type: 'com.herald.order.created.v1',
      'content-type': 'application/json',
    });
    expect(headers['ce_id']).toMatch(UUID);
    expect(Date.parse(headers['ce_time']!)).toBeGreaterThanOrEqual(before - 1);
    expect(headers['ce_time']).toMatch(/Z$/);
    expect(cloudEventHeaders({ type: 't', source: 's' })['ce_id']).not.toBe(headers['ce_id']);
  });

  it('uses the given id, time, subject and dataschema', () => {
    const headers = cloudEventHeaders({
      type: 't',
      source: 's',
      id: 'evt-1',
      time: new Date('2025-01-15T10:30:00Z'),
      subject: 'o-1',
      dataschema: 'urn:herald:schema:order-event:v1',
      datacontenttype: 'application/json; charset=utf-8',
    });
    expect(headers).toEqual({
      ce_specversion: '1.0',
      ce_id: 'evt-1',
      ce_source: 's',
      ce_type: 't',
      ce_time: '2025-01-15T10:30:00.000Z',
      ce_subject: 'o-1',
      ce_dataschema: 'urn:herald:schema:order-event:v1',
      'content-type': 'application/json; charset=utf-8',
    });
    expect(cloudEventHeaders({ type: 't', source: 's', time: '2025-01-15T11:30:00+01:00' })['ce_time']).toBe(
      '2025-01-15T11:30:00+01:00',
    );
  });

  it('names every missing attribute', () => {
    const error = caught(() => cloudEventHeaders({ type: '', source: '', id: '' })) as CloudEventHeadersError;
    expect(error).toBeInstanceOf(CloudEventHeadersError);
    expect(error).toMatchObject({ code: 'CLOUD_EVENT_HEADERS', retriable: false, missing: ['type', 'source', 'id'] });
  });

  it('rejects a time that is not RFC 3339', () => {
    expect(() => cloudEventHeaders({ type: 't', source: 's', time: '2025-01-15 10:30:00Z' })).toThrow(
      CloudEventHeadersError,
    );
    expect(() => cloudEventHeaders({ type: 't', source: 's', time: new Date(Number.NaN) })).toThrow(
      CloudEventHeadersError,
    );
  });
});

describe('parseCloudEventHeaders', () => {
  const written = cloudEventHeaders({
    type: 't.v1',
    source: '/s',
    id: 'id-1',
    time: '2025-01-15T10:30:00Z',
    subject: 'o-1',
    dataschema: 'urn:x',
  });

  it('reads back what cloudEventHeaders wrote, from strings or Buffers', () => {
    const expected = {
      specversion: '1.0',
      id: 'id-1',
      source: '/s',
      type: 't.v1',
      time: '2025-01-15T10:30:00Z',
      subject: 'o-1',
      dataschema: 'urn:x',
      datacontenttype: 'application/json',
      extensions: {},
    };
    expect(parseCloudEventHeaders(written)).toEqual(expected);
    const buffers = Object.fromEntries(Object.entries(written).map(([k, v]) => [k, Buffer.from(v)]));
    expect(parseCloudEventHeaders(buffers)).toEqual(expected);
    // The native client's shape: a list of single-entry records.
    expect(parseCloudEventHeaders(Object.entries(buffers).map(([k, v]) => ({ [k]: v })))).toEqual(expected);
  });

  it('leaves optional attributes out when absent, keeps extensions, ignores other headers', () => {
    const parsed = parseCloudEventHeaders({
      ce_specversion: '1.0',
      ce_id: 'i',
      ce_source: 's',
      ce_type: 't',
      ce_traceparent: 'tp',
      traceparent: 'x',
    });
    expect(parsed).toEqual({ specversion: '1.0', id: 'i', source: 's', type: 't', extensions: { traceparent: 'tp' } });
  });

  it('takes the last value of a repeated header', () => {
    expect(parseCloudEventHeaders({ ...written, ce_id: ['first', Buffer.from('second')] }).id).toBe('second');
  });

  it('names every missing required attribute', () => {
    const error = caught(() =>
      parseCloudEventHeaders({ ce_type: 't', ce_id: '', 'content-type': 'application/json' }),
    ) as CloudEventHeadersError;
    expect(error).toBeInstanceOf(CloudEventHeadersError);
    expect(error.missing).toEqual(['specversion', 'id', 'source']);
    expect(error.message).toContain('ce_specversion, ce_id, ce_source');
  });

  it('rejects another spec version', () => {
    expect(() => parseCloudEventHeaders({ ...written, ce_specversion: '0.3' })).toThrow(/specversion "0.3"/);
  });
});

describe('withCloudEvents', () => {
  const codec = withCloudEvents(orderEventMessageV1Codec, {
    source: '/herald/orders',
    type: (m: OrderEventMessage) => eventType(m.line_items.length === 0 ? 'order.cancelled' : 'order.created', 1),
    subject: (m) => m.order_id,
  });

  it('returns fresh headers per call: one ce_id per event', () => {
    const message = order();
    const first = codec.headers(message);
    const second = codec.headers(message);
    expect(first['ce_id']).toMatch(UUID);
    expect(second['ce_id']).not.toBe(first['ce_id']);
    expect(first).toMatchObject({
      ce_type: 'com.herald.order.created.v1',
      ce_subject: 'o-1',
      ce_source: '/herald/orders',
      ce_dataschema: 'urn:herald:schema:order-event:v1',
      'content-type': 'application/json',
    });
    expect(codec.headers(order({ line_items: [], total_price: 0 }))['ce_type']).toBe('com.herald.order.cancelled.v1');
  });

  it('keeps the codec behaviour and leaves the original codec without headers', () => {
    expect(codec.encode(order()).equals(stringifyBytes(order()))).toBe(true);
    expect(codec.contentType).toBe('application/json');
    expect(orderEventMessageV1Codec.headers).toBeUndefined();
  });

  it('derives ids from the message when asked, and can omit dataschema', () => {
    const stable = withCloudEvents(orderEventMessageV1Codec, {
      source: 's',
      type: 't',
      id: (m) => `order-${m.order_id}`,
      dataschema: null,
    });
    const headers = stable.headers(order());
    expect(headers['ce_id']).toBe('order-o-1');
    expect('ce_dataschema' in headers).toBe(false);
  });
});

describe('withCloudEvents on any encoder', () => {
  interface Ping {
    readonly at: number;
  }
  // A hand-written encoder: methods on the prototype, a private field, no schemaId or contentType.
  class PingEncoder {
    #encoded = 0;
    encode(message: Ping): Buffer {
      this.#encoded++;
      return Buffer.from(JSON.stringify(message));
    }
    count(): number {
      return this.#encoded;
    }
  }

  it('wraps a class instance: its methods still run on it', () => {
    const inner = new PingEncoder();
    const encoder = withCloudEvents(inner, { source: '/ping', type: 'ping.v1', subject: (m) => String(m.at) });
    expect(encoder.encode({ at: 1 }).toString()).toBe('{"at":1}');
    expect(encoder.count()).toBe(1);
    expect(inner.count()).toBe(1);
    const headers = encoder.headers({ at: 1 });
    expect(headers).toMatchObject({ ce_type: 'ping.v1', ce_source: '/ping', ce_subject: '1' });
    // No schemaId: no ce_dataschema; no contentType: JSON.
    expect('ce_dataschema' in headers).toBe(false);
    expect(headers['content-type']).toBe('application/json');
    expect(Object.isFrozen(encoder)).toBe(true);
  });

  it("uses a plain encoder's schemaId and contentType, and keeps its own headers", () => {
    const encoder = withCloudEvents(
      {
        schemaId: 'urn:acme:ping:v1',
        contentType: 'application/json; charset=utf-8',
        encode: (m: Ping) => Buffer.from(JSON.stringify(m)),
        headers: (m: Ping) => ({ 'x-at': String(m.at), ce_source: 'overridden' }),
      },
      { source: '/ping', type: 'ping.v1', id: (m) => `ping-${m.at}` },
    );
    expect(encoder.headers({ at: 7 })).toMatchObject({
      'x-at': '7',
      ce_source: '/ping',
      ce_id: 'ping-7',
      ce_dataschema: 'urn:acme:ping:v1',
      'content-type': 'application/json; charset=utf-8',
    });
  });
});
