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

  it('the scanner and the tag agree on every one-unit edit of valid date-times', () => {
    // The scanner reads fixed positions: each edit (a unit replaced, dropped or added anywhere)
    // moves or breaks one of them. Units near the accepted ones and a few far ones.
    const units = [...'0123456789-:T.Z+tz /'.split(''), '\u0660', '\uff10', '\ud800', '\u00e9', ''];
    const rng = prng(3339);
    for (const valid of [
      '2025-01-15T10:30:00Z',
      '2024-02-29T23:59:59.123456789+05:30',
      '2025-12-31T00:00:00.5-23:59',
    ]) {
      for (let at = 0; at <= valid.length; at++) {
        for (const unit of units) {
          for (const text of [
            valid.slice(0, at) + unit + valid.slice(at + 1),
            valid.slice(0, at) + unit + valid.slice(at),
          ]) {
            expect(isRfc3339(text), JSON.stringify(text)).toBe(tag(text));
          }
        }
      }
      for (let i = 0; i < 2_000; i++) {
        const at = Math.floor(rng() * valid.length);
        const text = valid.slice(0, at) + valid.slice(at + 1 + Math.floor(rng() * 3));
        expect(isRfc3339(text), JSON.stringify(text)).toBe(tag(text));
      }
    }
  });

  it('parses to epoch milliseconds, offset applied', () => {
    expect(parseRfc3339('2025-01-15T10:30:00.5Z')).toBe(Date.UTC(2025, 0, 15, 10, 30, 0, 500));
    expect(parseRfc3339('2025-01-15T10:30:00.07Z')).toBe(Date.UTC(2025, 0, 15, 10, 30, 0, 70));
    expect(parseRfc3339('2025-01-15T10:30:00.999999999-00:30')).toBe(Date.UTC(2025, 0, 15, 11, 0, 0, 999));
    // Years below 100 stay themselves (Date.UTC would map them to 19xx).
    expect(parseRfc3339('0099-03-01T00:00:00Z')).toBe(new Date('0099-03-01T00:00:00Z').getTime());
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
