import { describe, expect, it } from 'vitest';
import {
  fromUnknown,
  hasHeraldCode,
  HeraldError,
  integerOption,
  InvalidOptionsError,
  UnexpectedError,
} from '../src/index.js';

class WidgetError extends HeraldError<'WIDGET_BROKEN'> {
  constructor(cause?: unknown) {
    super('WIDGET_BROKEN', 'the widget broke', { retriable: true, cause });
  }
}

describe('HeraldError', () => {
  it('carries code, retriable, cause and the subclass name', () => {
    const cause = new Error('root');
    const error = new WidgetError(cause);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: 'WidgetError',
      code: 'WIDGET_BROKEN',
      retriable: true,
      message: 'the widget broke',
    });
    expect(error.cause).toBe(cause);
    expect('cause' in new WidgetError()).toBe(false);
  });

  it('recognises Herald errors by brand, also from another copy of the package', () => {
    const foreign = Object.assign(Object.create({ [Symbol.for('herald.error')]: true }) as object, {
      code: 'X',
      retriable: false,
    });
    expect(HeraldError.is(new WidgetError())).toBe(true);
    expect(HeraldError.is(foreign)).toBe(true);
    expect(HeraldError.is(new Error('plain'))).toBe(false);
    expect(HeraldError.is({ code: 'WIDGET_BROKEN', retriable: false })).toBe(false);
    expect(HeraldError.is(null)).toBe(false);
  });

  it('narrows by code with hasHeraldCode', () => {
    const widgets = new Set(['WIDGET_BROKEN']);
    expect(hasHeraldCode(new WidgetError(), widgets)).toBe(true);
    expect(hasHeraldCode(new InvalidOptionsError('x', 'bad x'), widgets)).toBe(false);
  });
});

describe('fromUnknown', () => {
  it('returns a Herald error unchanged', () => {
    const error = new WidgetError();
    expect(fromUnknown(error)).toBe(error);
  });

  it('wraps anything else in UnexpectedError with the thrown value as cause', () => {
    const plain = new TypeError('boom');
    const wrapped = fromUnknown(plain);
    expect(wrapped).toBeInstanceOf(UnexpectedError);
    expect(wrapped).toMatchObject({ code: 'UNEXPECTED', retriable: false, message: 'boom', cause: plain });
    expect(fromUnknown('a string')).toMatchObject({ code: 'UNEXPECTED', message: 'a string', cause: 'a string' });
  });
});

describe('integerOption', () => {
  it('returns the fallback for undefined and the value when in range', () => {
    expect(integerOption('n', undefined, 7)).toBe(7);
    expect(integerOption('n', 3, 7)).toBe(3);
    expect(integerOption('n', 0, 7, { min: 0 })).toBe(0);
  });

  it.each([0, -1, 1.5, Number.NaN, Infinity, 2 ** 53, '3'])(
    'refuses %s with InvalidOptionsError naming the option',
    (value) => {
      const error = (() => {
        try {
          integerOption('maxInFlight', value, 7);
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(InvalidOptionsError);
      expect(error).toMatchObject({ code: 'INVALID_OPTIONS', option: 'maxInFlight', retriable: false });
      expect((error as Error).message).toMatch(/^maxInFlight must be a positive integer, got /);
    },
  );

  it('words a bounded range', () => {
    expect(() => integerOption('pageSize', 300, 50, { min: 1, max: 250 })).toThrow(
      'pageSize must be an integer from 1 to 250, got 300',
    );
    expect(() => integerOption('count', -1, 0, { min: 0 })).toThrow('count must be an integer >= 0, got -1');
  });
});
