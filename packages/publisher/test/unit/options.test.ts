import { describe, expect, it } from 'vitest';
import { createPublisher, HeraldError, InvalidOptionsError } from '../../src/index.js';
import type { PublisherOptions } from '../../src/index.js';
import { fakeTransports, jsonCodec, memoryLogger } from '../support/fake-transport.js';

type Event = { id: string };

const valid: PublisherOptions<Event> = {
  brokers: '127.0.0.1:9092',
  topic: 'orders',
  codec: jsonCodec,
  logger: memoryLogger(),
  transport: fakeTransports().factory,
};

function refusal(overrides: Record<string, unknown>): unknown {
  try {
    createPublisher<Event>({ ...valid, ...overrides });
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('createPublisher options', () => {
  it.each([
    ['brokers', { brokers: '' }],
    ['brokers', { brokers: 'no-port' }],
    ['topic', { topic: 'no spaces' }],
    ['topic', { route: () => 'x' }],
    ['codec', { codec: {} }],
    ['key', { key: 'order_id' }],
    ['preset', { preset: 'fast' }],
    ['clientId', { clientId: '' }],
    ['kafka.lingerMillis', { kafka: { lingerMillis: 5 } }],
    ['headers', { headers: { h: 7 } }],
    ['maxInFlight', { maxInFlight: 0 }],
    ['maxBlockMs', { maxBlockMs: 1.5 }],
    ['connectTimeoutMs', { connectTimeoutMs: Number.NaN }],
    ['closeTimeoutMs', { closeTimeoutMs: -1 }],
    ['maxInFlightBytes', { maxInFlightBytes: 2 ** 53 }],
  ])('refuses a bad %s with InvalidOptionsError naming it', (option, overrides) => {
    const error = refusal(overrides);
    expect(error).toBeInstanceOf(InvalidOptionsError);
    expect(HeraldError.is(error)).toBe(true);
    expect(error).toMatchObject({ code: 'INVALID_OPTIONS', retriable: false, option });
  });

  it('accepts valid options', () => {
    expect(refusal({})).toBeUndefined();
  });
});
