import { describe, expect, it } from 'vitest';
import { DomainValidationError, Instant } from '../../src/index.js';

describe('Instant', () => {
  it('reads RFC 3339 with any offset as the same UTC instant', () => {
    const utc = Instant.of('2025-01-15T15:30:00Z');
    expect(Instant.of('2025-01-15T10:30:00-05:00')).toBe(utc);
    expect(Instant.of('2025-01-16T00:30:00+09:00')).toBe(utc);
    expect(Instant.toIsoString(Instant.of('2025-01-15T10:30:00-05:00'))).toBe('2025-01-15T15:30:00.000Z');
  });

  it('keeps milliseconds and truncates finer digits', () => {
    expect(Instant.toIsoString(Instant.of('2025-01-15T10:30:00.123456789Z'))).toBe('2025-01-15T10:30:00.123Z');
    expect(Instant.toIsoString(Instant.of('2025-01-15T10:30:00.5Z'))).toBe('2025-01-15T10:30:00.500Z');
  });

  it('accepts Dates and integer epoch milliseconds', () => {
    expect(Instant.of(new Date('2025-01-15T15:30:00Z'))).toBe(Date.UTC(2025, 0, 15, 15, 30));
    expect(Instant.of(0)).toBe(0);
  });

  it('handles leap days and the years 0000 and 9999', () => {
    expect(Instant.toIsoString(Instant.of('2024-02-29T00:00:00Z'))).toBe('2024-02-29T00:00:00.000Z');
    expect(Instant.toIsoString(Instant.of('0000-01-01T00:00:00Z'))).toBe('0000-01-01T00:00:00.000Z');
    expect(Instant.toIsoString(Instant.of('0099-06-01T00:00:00Z'))).toBe('0099-06-01T00:00:00.000Z');
    expect(Instant.toIsoString(Instant.of('9999-12-31T23:59:59.999Z'))).toBe('9999-12-31T23:59:59.999Z');
  });

  it.each([
    '2025-02-30T00:00:00Z',
    '2023-02-29T00:00:00Z',
    '2025-04-31T00:00:00Z',
    '2025-01-15 10:30:00Z',
    '2025-01-15T10:30:00',
    '2025-01-15',
    '2025-01-15T24:00:00Z',
    '2025-01-15T10:30:00+24:00',
    'yesterday',
  ])('refuses %j', (text) => {
    expect(() => Instant.of(text)).toThrow(/RFC 3339/);
  });

  it('refuses invalid dates, fractional epochs and years past 9999', () => {
    expect(() => Instant.of(new Date('nope'))).toThrow('must be a valid date');
    expect(() => Instant.of(1.5)).toThrow('integer epoch milliseconds');
    expect(() => Instant.of('9999-12-31T23:00:00-05:00')).toThrow('years 0000 to 9999');
    expect(() => Instant.of(new Date(8.64e15))).toThrow(DomainValidationError);
  });
});
