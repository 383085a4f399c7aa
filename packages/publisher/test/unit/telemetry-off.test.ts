// Without an OpenTelemetry SDK, tracing is off: no spans, no trace headers, nothing on the hot path.
import { describe, expect, it } from 'vitest';
import { createPublisher } from '../../src/index.js';
import { fakeTransports, jsonCodec, memoryLogger } from '../support/fake-transport.js';

describe('telemetry without an SDK', () => {
  it('adds no trace-context headers', async () => {
    const transports = fakeTransports();
    const publisher = createPublisher<{ id: string }>({
      brokers: '127.0.0.1:9092',
      topic: 't',
      codec: jsonCodec,
      logger: memoryLogger(),
      transport: transports.factory,
    });
    const delivered = publisher.publish({ id: 'a' }, { headers: { h: 'v' } });
    await new Promise((r) => setImmediate(r));
    expect(transports.last.produced[0]?.headers).toEqual([{ h: 'v' }]);
    transports.last.ack();
    await delivered;
  });
});
