// The circuit breaker through the real publisher pipeline on the fake transport.
import { describe, expect, it } from 'vitest';
import { CircuitOpenError, createPublisher } from '../../src/index.js';
import type { CircuitBreakerOptions, RetryOptions } from '../../src/index.js';
import { fakeTransports, jsonCodec, memoryLogger } from '../support/fake-transport.js';

type Event = { id: string };

function setup(circuitBreaker: CircuitBreakerOptions, extra: { retry?: RetryOptions; maxBlockMs?: number } = {}) {
  const transports = fakeTransports();
  const logger = memoryLogger();
  const publisher = createPublisher<Event>({
    brokers: '127.0.0.1:9092',
    topic: 'orders',
    codec: jsonCodec,
    key: (e) => e.id,
    logger,
    transport: transports.factory,
    circuitBreaker,
    ...extra,
  });
  return { publisher, transports, logger };
}

const tick = () => new Promise((r) => setImmediate(r));
const TIMED_OUT = -192;

async function openIt(setupResult: ReturnType<typeof setup>, failures: number) {
  const { publisher, transports } = setupResult;
  const failed = Array.from({ length: failures }, (_, i) =>
    publisher.publish({ id: `f-${i}` }).catch((e: unknown) => e),
  );
  await tick();
  // One times out; the producer then releases the others, and they fail as timeouts too.
  transports.last.fail({ code: TIMED_OUT });
  return Promise.all(failed);
}

const transitions = (logger: ReturnType<typeof memoryLogger>) =>
  logger.lines.filter((l) => l.message.startsWith('circuit breaker')).map((l) => l.message);

describe('circuit breaker', () => {
  it('opens after failureThreshold timeouts, then fails publishes fast without sending them', async () => {
    const s = setup({ failureThreshold: 3, openMs: 10_000 });
    await openIt(s, 3);
    expect(transitions(s.logger)).toEqual(['circuit breaker open']);
    const started = performance.now();
    const error = await s.publisher.publish({ id: 'x' }).catch((e: unknown) => e);
    expect(performance.now() - started).toBeLessThan(50);
    expect(error).toBeInstanceOf(CircuitOpenError);
    expect(error).toMatchObject({ code: 'CIRCUIT_OPEN', outcome: 'not-written', retriable: true });
    expect(s.transports.last.produced).toEqual([]);
  });

  it('does not open on failures that prove the broker answers', async () => {
    const s = setup({ failureThreshold: 2 });
    // One at a time, so no timeout finds another record held by the producer.
    for (const code of [TIMED_OUT, 3, TIMED_OUT]) {
      const failed = s.publisher.publish({ id: String(code) }).catch(() => undefined);
      await tick();
      s.transports.last.fail({ code });
      await failed;
    }
    expect(transitions(s.logger)).toEqual([]);
  });

  it('lets one probe through when half-open and closes when it is acked', async () => {
    const s = setup({ failureThreshold: 2, openMs: 30 });
    await openIt(s, 2);
    await expect.poll(() => transitions(s.logger)).toEqual(['circuit breaker open', 'circuit breaker half-open']);
    const probe = s.publisher.publish({ id: 'probe' });
    const second = s.publisher.publish({ id: 'second' });
    await expect(second).rejects.toBeInstanceOf(CircuitOpenError);
    await tick();
    expect(s.transports.last.produced.map((r) => r.key)).toEqual(['probe']);
    s.transports.last.ack();
    await expect(probe).resolves.toMatchObject({ key: 'probe' });
    expect(transitions(s.logger)).toEqual([
      'circuit breaker open',
      'circuit breaker half-open',
      'circuit breaker closed',
    ]);
    const after = s.publisher.publish({ id: 'after' });
    await tick();
    s.transports.last.ack();
    await expect(after).resolves.toMatchObject({ key: 'after' });
  });

  it('opens again when the probe fails', async () => {
    const s = setup({ failureThreshold: 1, openMs: 30 });
    await openIt(s, 1);
    await expect.poll(() => transitions(s.logger).length).toBe(2);
    const probe = s.publisher.publish({ id: 'probe' }).catch((e: unknown) => e);
    await tick();
    s.transports.last.fail({ code: TIMED_OUT });
    await probe;
    expect(transitions(s.logger)).toEqual([
      'circuit breaker open',
      'circuit breaker half-open',
      'circuit breaker open',
    ]);
  });

  it("holds publishes while open with whenOpen: 'wait' and sends them in order once closed", async () => {
    const s = setup({ failureThreshold: 1, openMs: 30, whenOpen: 'wait' });
    await openIt(s, 1);
    const held = ['a', 'b', 'c'].map((id) => s.publisher.publish({ id }));
    await tick();
    expect(s.transports.last.produced).toEqual([]);
    // Half-open: the oldest waiting publish is the probe, the rest wait for its outcome.
    await expect.poll(() => s.transports.last.produced.map((r) => r.key)).toEqual(['a']);
    s.transports.last.ack();
    await expect.poll(() => s.transports.last.produced.map((r) => r.key)).toEqual(['b', 'c']);
    s.transports.last.ack();
    await expect(Promise.all(held)).resolves.toHaveLength(3);
  });

  it('keeps retry lanes waiting while open instead of burning their attempts', async () => {
    const s = setup(
      { failureThreshold: 1, openMs: 40 },
      { retry: { maxAttempts: 2, initialDelayMs: 1, maxDelayMs: 1, on: 'not-written-or-unknown' } },
    );
    const delivered = s.publisher.publish({ id: 'a' });
    await tick();
    s.transports.last.fail({ code: TIMED_OUT });
    await new Promise((r) => setTimeout(r, 15));
    // Open: the retry waits for the breaker rather than failing fast.
    expect(s.transports.last.produced).toEqual([]);
    await expect.poll(() => s.transports.last.produced.map((r) => r.key)).toEqual(['a']);
    s.transports.last.ack();
    await expect(delivered).resolves.toMatchObject({ key: 'a' });
    expect(transitions(s.logger).at(-1)).toBe('circuit breaker closed');
  });

  it('takes the probe from a retry lane when half-open, and never parks a probe behind one', async () => {
    const s = setup(
      { failureThreshold: 1, openMs: 30 },
      { retry: { maxAttempts: 5, initialDelayMs: 1, maxDelayMs: 1, on: 'not-written-or-unknown' } },
    );
    const first = s.publisher.publish({ id: 'a' });
    await tick();
    s.transports.last.fail({ code: TIMED_OUT });
    await expect.poll(() => transitions(s.logger)).toEqual(['circuit breaker open', 'circuit breaker half-open']);
    // Its key has a lane waiting for the breaker: this one queues behind it instead of probing.
    const second = s.publisher.publish({ id: 'a' });
    // The lane's first record is the probe; the second goes in the next wave, once it is acked.
    await expect.poll(() => s.transports.last.produced.length).toBe(1);
    s.transports.last.ack();
    await expect(first).resolves.toMatchObject({ key: 'a' });
    await expect.poll(() => s.transports.last.produced.length).toBe(1);
    s.transports.last.ack();
    await expect(second).resolves.toMatchObject({ key: 'a' });
    expect(s.transports.last.history).toHaveLength(3);
    expect(transitions(s.logger).at(-1)).toBe('circuit breaker closed');
  });
});
