// Other languages validate with docs/schemas/order-event.v1.json: it must agree with the codec,
// except for what JSON Schema cannot say (the calendar check, stated in its description).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import typia from 'typia';
import { describe, expect, it } from 'vitest';
import type { OrderEventMessage } from '../src/index.js';
import { orderEventMessageV1Codec as codec, orderEventMessageV1SchemaId } from '../src/index.js';
import { lineItem, order, orderWithItem } from './support/orders.js';

const schema = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../../docs/schemas/order-event.v1.json'), 'utf8'),
) as Record<string, unknown>;
const ajv = new Ajv2020({ strict: true, allErrors: true, validateFormats: false });
const validate = ajv.compile(schema);

describe('docs/schemas/order-event.v1.json', () => {
  it('is a standalone JSON Schema 2020-12 document with the codec schema id', () => {
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema['$id']).toBe(orderEventMessageV1SchemaId);
    expect(codec.schemaId).toBe(orderEventMessageV1SchemaId);
  });

  it('accepts what the codec accepts', () => {
    for (let i = 0; i < 300; i++) {
      const message = typia.random<OrderEventMessage>();
      expect(validate(JSON.parse(JSON.stringify(message)))).toBe(true);
    }
    expect(validate(order())).toBe(true);
  });

  it('rejects what the codec rejects, at the same place', () => {
    const broken: Array<[unknown, string]> = [
      [order({ order_id: '' }), '/order_id'],
      [order({ created_at: '2025-01-15 10:30:00Z' }), '/created_at'],
      [order({ created_at: '2025-01-15T10:30:00' }), '/created_at'],
      [orderWithItem({ quantity: 0 }), '/line_items/0/quantity'],
      [orderWithItem({ quantity: 1.5 }), '/line_items/0/quantity'],
      [orderWithItem({ quantity: 2 ** 32 }), '/line_items/0/quantity'],
      [orderWithItem({ price: -1 }), '/line_items/0/price'],
      [order({ total_price: '1' }), '/total_price'],
      [order({ extra: 1 }), ''],
      [order({ line_items: [lineItem({ extra: 1 })] }), '/line_items/0'],
    ];
    for (const [message, path] of broken) {
      expect(codec.is(message)).toBe(false);
      expect(validate(message), path).toBe(false);
      expect(validate.errors?.map((e) => e.instancePath)).toContain(path);
    }
  });

  it('cannot see the calendar check: 2025-02-30 passes the pattern, the codec rejects it', () => {
    const message = order({ created_at: '2025-02-30T10:30:00Z' });
    expect(validate(message)).toBe(true);
    expect(codec.is(message)).toBe(false);
  });
});
