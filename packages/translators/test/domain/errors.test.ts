import { describe, expect, it } from 'vitest';
import { DomainValidationError, GatewayError, OrderId, TranslationError, TranslatorsError } from '../../src/index.js';

describe('errors', () => {
  it('share one base with a code, retriable flag and a cross-copy brand check', () => {
    const domain = DomainValidationError.of('bad');
    const translation = new TranslationError('o-1', 'total_price', 'too big');
    const gateway = new GatewayError('GATEWAY_TIMEOUT', 'slow', { url: 'http://x/y', attempts: 3, retriable: true });
    for (const error of [domain, translation, gateway]) {
      expect(error).toBeInstanceOf(TranslatorsError);
      expect(TranslatorsError.is(error)).toBe(true);
      expect(error.name).toBe(error.constructor.name);
    }
    expect([domain.code, translation.code, gateway.code]).toEqual([
      'DOMAIN_VALIDATION',
      'TRANSLATION',
      'GATEWAY_TIMEOUT',
    ]);
    expect([domain.retriable, translation.retriable, gateway.retriable]).toEqual([false, false, true]);
    expect(gateway.message).toBe('slow (GET http://x/y, 3 attempts)');
    expect(TranslatorsError.is(new Error('x'))).toBe(false);
    expect(TranslatorsError.is({ code: 'TRANSLATION' })).toBe(false);
  });

  it('keeps the cause', () => {
    const cause = new SyntaxError('Unexpected token');
    expect(
      new GatewayError('GATEWAY_MALFORMED_PAGE', 'bad', { url: 'u', attempts: 1, retriable: false, cause }).cause,
    ).toBe(cause);
  });

  it('re-roots domain issues under a path and caps the message at five issues', () => {
    let caught: DomainValidationError | undefined;
    try {
      OrderId.of('');
    } catch (error) {
      caught = error as DomainValidationError;
    }
    expect(caught?.at('lineItems[0]').at('order').issues[0]?.path).toBe('order.lineItems[0]');
    const many = new DomainValidationError(Array.from({ length: 7 }, (_, i) => ({ path: `f${i}`, message: 'bad' })));
    expect(many.message).toBe('f0: bad; f1: bad; f2: bad; f3: bad; f4: bad; … and 2 more');
    expect(many.issues).toHaveLength(7);
  });
});
