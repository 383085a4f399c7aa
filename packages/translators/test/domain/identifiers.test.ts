import { describe, expect, it } from 'vitest';
import {
  CustomerName,
  DomainValidationError,
  LineItemId,
  OrderId,
  ProductId,
  ProductTitle,
  Quantity,
} from '../../src/index.js';

describe('ids (OrderId, LineItemId, ProductId)', () => {
  it.each([OrderId, LineItemId, ProductId])('keeps strings as they are and spells integers in decimal', (Id) => {
    expect(Id.of('o-1')).toBe('o-1');
    expect(Id.of(450789469)).toBe('450789469');
    expect(Id.of(0)).toBe('0');
    expect(Id.of(12345678901234567890n)).toBe('12345678901234567890');
  });

  it.each([
    ['', 'non-empty'],
    [' 42', 'surrounding whitespace'],
    ['42\n', 'surrounding whitespace'],
    ['a\u0000b', 'control characters'],
    ['\ud800', 'well-formed'],
    [-1, 'non-negative'],
    [1.5, 'safe integer'],
    [2 ** 53, 'safe integer'],
    [-1n, 'negative'],
  ])('refuses %s (%s)', (value, why) => {
    expect(() => OrderId.of(value as string)).toThrow(DomainValidationError);
    expect(() => OrderId.of(value as string)).toThrow(why);
  });

  it('names the value object in the message', () => {
    expect(() => ProductId.of(null as unknown as string)).toThrow('ProductId must be a string or an integer, got null');
  });
});

describe('CustomerName and ProductTitle', () => {
  it.each([CustomerName, ProductTitle])('trims, keeps Unicode, tabs and line breaks', (Text) => {
    expect(Text.of('  Zoë 美咲 🚀  ')).toBe('Zoë 美咲 🚀');
    expect(Text.of('Tea\tfor two\nor three')).toBe('Tea\tfor two\nor three');
  });

  it.each(['', '   ', '\t\n', 'a\u0007b', 'x\ud83d', 42])('refuses %j', (value) => {
    expect(() => CustomerName.of(value as string)).toThrow(DomainValidationError);
  });
});

describe('Quantity', () => {
  it('accepts 1 to 2^32 - 1', () => {
    expect(Quantity.of(1)).toBe(1);
    expect(Quantity.of(4_294_967_295)).toBe(4_294_967_295);
    expect(Quantity.max).toBe(2 ** 32 - 1);
  });

  it.each([0, -1, 1.5, 2 ** 32, Number.NaN, Infinity, '2'])('refuses %j', (value) => {
    expect(() => Quantity.of(value as number)).toThrow(/Quantity must be an integer from 1 to 4294967295/);
  });
});
