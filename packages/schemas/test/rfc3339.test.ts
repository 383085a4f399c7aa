// One RFC 3339 rule for the whole codebase: the IsoDateTime tag (inlined into validators and
// encoders), isRfc3339 (CloudEvents ce_time, the translators) must agree on every input.
import typia from 'typia';
import { describe, expect, it } from 'vitest';
import type { IsoDateTime } from '../src/index.js';
import { CloudEventHeadersError, cloudEventHeaders, isRfc3339, parseRfc3339 } from '../src/index.js';
import { pick, prng } from './support/random.js';

const tag = typia.createIs<string & IsoDateTime>();

const EDGES = [
  '2025-01-15T10:30:00Z',
  '2025-01-15T10:30:00.123456789+05:30',
  '2024-02-29T00:00:00Z',
  '2000-02-29T00:00:00Z',
  '2025-02-29T00:00:00Z',
  '2100-02-29T00:00:00Z',
  '2025-02-30T00:00:00Z',
  '2025-04-31T00:00:00Z',
  '2025-12-31T23:59:59-23:59',
  '2025-01-15 10:30:00Z',
  '2025-01-15t10:30:00z',
  '2025-01-15T10:30:00',
  '2025-01-15T24:00:00Z',
  '2025-01-15T10:60:00Z',
  '2025-01-15T10:30:00.1234567890Z',
  '2025-13-01T00:00:00Z',
  '0000-01-01T00:00:00Z',
];

describe('RFC 3339', () => {
  it('the IsoDateTime tag and isRfc3339 give the same verdict', () => {
    for (const text of EDGES) expect(isRfc3339(text), text).toBe(tag(text));
    const rng = prng(33);
    const digits = (n: number, max: number): string => String(Math.floor(rng() * max)).padStart(n, '0');
    for (let i = 0; i < 20_000; i++) {
      const text = `${digits(4, 10000)}-${digits(2, 14)}-${digits(2, 33)}T${digits(2, 25)}:${digits(2, 61)}:${digits(2, 61)}${pick(rng, ['', '.5', '.123456789', '.'])}${pick(rng, ['Z', '+01:00', '-23:59', '+24:00', 'z', ''])}`;
      expect(isRfc3339(text), text).toBe(tag(text));
    }
  });

  it('parses to epoch milliseconds, offset applied', () => {
    expect(parseRfc3339('2025-01-15T10:30:00.123456Z')).toBe(Date.UTC(2025, 0, 15, 10, 30, 0, 123));
    expect(parseRfc3339('2025-01-15T12:30:00+02:00')).toBe(Date.UTC(2025, 0, 15, 10, 30));
    expect(parseRfc3339('2025-02-30T00:00:00Z')).toBeUndefined();
  });

  it('CloudEvents ce_time refuses dates that do not exist', () => {
    expect(() => cloudEventHeaders({ type: 't', source: '/s', time: '2025-02-30T00:00:00Z' })).toThrow(
      CloudEventHeadersError,
    );
    expect(cloudEventHeaders({ type: 't', source: '/s', time: '2024-02-29T00:00:00Z' })['ce_time']).toBe(
      '2024-02-29T00:00:00Z',
    );
  });
});
