import { InvalidOptionsError } from '@herald/errors';
import { orderEventMessageV1SchemaId, parseCloudEventHeaders } from '@herald/schemas';
import { describe, expect, it } from 'vitest';
import { orderEventHeaders, orderEventTypes, toOrderEvent, toOrderEventMessage } from '../../src/index.js';
import type { OrderEventKind } from '../../src/index.js';
import { sampleOrder } from '../support/orders.js';

describe('order event types', () => {
  it('names created, updated and cancelled, versioned with the v1 payload', () => {
    expect(orderEventTypes.created).toEqual({
      name: 'order.created',
      version: 1,
      type: 'com.herald.order.created.v1',
      dataschema: orderEventMessageV1SchemaId,
    });
    expect(orderEventTypes.updated.type).toBe('com.herald.order.updated.v1');
    expect(orderEventTypes.cancelled.type).toBe('com.herald.order.cancelled.v1');
    expect(Object.isFrozen(orderEventTypes)).toBe(true);
  });

  it.each(['created', 'updated', 'cancelled'] as const)(
    'toOrderEvent(order, %s) pairs the message with its type',
    (kind) => {
      const order = sampleOrder();
      const event = toOrderEvent(order, kind);
      expect(event).toEqual({ kind, eventType: orderEventTypes[kind], message: toOrderEventMessage(order) });
    },
  );

  it('refuses an unknown kind, even one every object has', () => {
    expect(() => toOrderEvent(sampleOrder(), 'deleted' as OrderEventKind)).toThrow(
      'unknown order event kind "deleted"',
    );
    expect(() => toOrderEvent(sampleOrder(), 'toString' as OrderEventKind)).toThrow(InvalidOptionsError);
  });
});

describe('orderEventHeaders', () => {
  it('describes a created event in CloudEvents binary mode, timed when the order was created', () => {
    const headers = orderEventHeaders(toOrderEvent(sampleOrder(), 'created'), '/shop/orders');
    const attributes = parseCloudEventHeaders(headers);
    expect(attributes).toMatchObject({
      specversion: '1.0',
      type: 'com.herald.order.created.v1',
      source: '/shop/orders',
      subject: '1001',
      time: '2025-01-15T15:30:00.000Z',
      dataschema: orderEventMessageV1SchemaId,
      datacontenttype: 'application/json',
    });
    expect(attributes.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('gives each event its own id, and other kinds the current time', () => {
    const event = toOrderEvent(sampleOrder(), 'cancelled');
    const before = Date.now();
    const [a, b] = [orderEventHeaders(event, '/s'), orderEventHeaders(event, '/s')];
    expect(a['ce_id']).not.toBe(b['ce_id']);
    expect(a['ce_type']).toBe('com.herald.order.cancelled.v1');
    expect(Date.parse(a['ce_time'] ?? '')).toBeGreaterThanOrEqual(before - 1);
  });
});
