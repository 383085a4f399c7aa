import { describe, expect, it } from 'vitest';
import { CurrencyCode, DomainValidationError, Money, Quantity } from '../../src/index.js';

describe('CurrencyCode', () => {
  it.each([
    ['JPY', 0],
    ['KRW', 0],
    ['ISK', 0],
    ['USD', 2],
    ['EUR', 2],
    ['GBP', 2],
    ['KWD', 3],
    ['BHD', 3],
    ['TND', 3],
    ['CLF', 4],
  ])('%s has %i decimals', (code, exponent) => {
    expect(CurrencyCode.exponent(CurrencyCode.of(code))).toBe(exponent);
  });

  it.each(['usd', 'US', 'XXX', 'XAU', '', 'USDT'])('refuses %j', (code) => {
    expect(() => CurrencyCode.of(code)).toThrow(/ISO 4217/);
  });
});

describe('Money.parse', () => {
  it.each([
    ['19.99', 'USD', 1999n],
    ['0.05', 'USD', 5n],
    ['20', 'USD', 2000n],
    ['20.50', 'USD', 2050n],
    ['19.990', 'USD', 1999n],
    ['007.10', 'EUR', 710n],
    ['1999', 'JPY', 1999n],
    ['1999.00', 'JPY', 1999n],
    ['1.005', 'KWD', 1005n],
    ['0.0001', 'CLF', 1n],
    ['123456789012345678901234567890.12', 'USD', 12345678901234567890123456789012n],
  ])('reads %s %s as %i minor units', (amount, currency, minor) => {
    expect(Money.parse(amount, currency).minor).toBe(minor);
  });

  it('reads a number by its shortest spelling: 0.1 + 0.2 is not 0.3', () => {
    expect(Money.parse(19.99, 'USD').minor).toBe(1999n);
    expect(Money.parse(0.3, 'USD').minor).toBe(30n);
    expect(() => Money.parse(0.1 + 0.2, 'USD')).toThrow(/17 significant decimals, the currency has 2/);
  });

  it.each([
    ['1.5', 'JPY', 'has 1 significant decimals, the currency has 0'],
    ['1.001', 'USD', 'has 3 significant decimals, the currency has 2'],
    ['-1.00', 'USD', 'non-negative decimal'],
    ['1e3', 'USD', 'non-negative decimal'],
    ['', 'USD', 'non-negative decimal'],
    ['1,00', 'EUR', 'non-negative decimal'],
    [' 1.00', 'USD', 'non-negative decimal'],
  ])('refuses %j %s', (amount, currency, why) => {
    expect(() => Money.parse(amount, currency)).toThrow(why);
  });

  it('refuses non-finite numbers and unknown currencies', () => {
    expect(() => Money.parse(Infinity, 'USD')).toThrow('finite');
    expect(() => Money.parse('1.00', 'ABC')).toThrow(DomainValidationError);
  });
});

describe('Money arithmetic', () => {
  it('adds exactly where floats drift', () => {
    const sum = Money.parse('0.10', 'USD').add(Money.parse('0.20', 'USD'));
    expect(sum.toDecimalString()).toBe('0.30');
    expect(sum.equals(Money.parse('0.3', 'USD'))).toBe(true);
  });

  it('multiplies by a quantity exactly, past 2^53', () => {
    const big = Money.of(9_007_199_254_740_991n, 'USD').times(Quantity.of(4_294_967_295));
    expect(big.minor).toBe(9_007_199_254_740_991n * 4_294_967_295n);
    expect(Money.parse('19.99', 'USD').times(3).toDecimalString()).toBe('59.97');
  });

  it('refuses to mix currencies', () => {
    expect(() => Money.parse('1', 'USD').add(Money.parse('1', 'EUR'))).toThrow(
      'cannot add 1.00 EUR to 1.00 USD: amounts in different currencies',
    );
  });

  it('refuses negative or fractional counts and amounts', () => {
    expect(() => Money.of(-1n, 'USD')).toThrow('must not be negative');
    expect(() => Money.of(1.5, 'USD')).toThrow('safe integer');
    expect(() => Money.parse('1', 'USD').times(-1)).toThrow('non-negative integer');
    expect(() => Money.parse('1', 'USD').times(0.5)).toThrow('non-negative integer');
  });

  it('formats with every decimal of the currency', () => {
    expect(Money.of(5n, 'USD').toString()).toBe('0.05 USD');
    expect(Money.of(1999n, 'JPY').toString()).toBe('1999 JPY');
    expect(Money.of(1n, 'KWD').toDecimalString()).toBe('0.001');
    expect(Money.zero('BHD').toDecimalString()).toBe('0.000');
  });

  it('is immutable and nominal', () => {
    const money = Money.of(100n, 'USD');
    expect(Object.isFrozen(money)).toBe(true);
    expect(Money.isMoney(money)).toBe(true);
    expect(Money.isMoney({ minor: 100n, currency: 'USD' })).toBe(false);
  });
});
