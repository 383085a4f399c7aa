// Guards the build and the test runner against a missing typia transform: an untransformed call
// compiles fine and throws at runtime, so both paths are exercised for real here.
import typia from 'typia';
import { describe, expect, it } from 'vitest';
import { isOrderEventMessageV1 } from '../dist/index.js';
import { validateOrderEventMessageV1 } from '../src/index.js';

const valid = {
  order_id: 'o-1',
  created_at: '2025-01-15T10:30:00Z',
  customer_name: 'Ada',
  line_items: [{ line_item_id: 'l-1', product_id: 'p-1', product_title: 'Tea', quantity: 2, price: 4.5 }],
  total_price: 9,
};

describe('typia transform', () => {
  it('ran in vitest', () => {
    expect(typia.is<{ id: string }>({ id: 'ok' })).toBe(true);
    expect(typia.is<{ id: string }>({ id: 1 })).toBe(false);
    expect(validateOrderEventMessageV1(valid).success).toBe(true);
  });

  it('ran in the package build (dist)', () => {
    expect(isOrderEventMessageV1(valid)).toBe(true);
    expect(isOrderEventMessageV1({ ...valid, created_at: '2025-02-30T10:30:00Z' })).toBe(false);
  });
});
