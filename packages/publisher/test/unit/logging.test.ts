// Herald logs through the caller's winston logger: every line must carry the child loggers'
// metadata (component, clientId), which winston adds only when its methods are called on the child.
import { describe, expect, it } from 'vitest';
import { createPublisher } from '../../src/index.js';
import { clientErrorLevel, librdkafkaLogLevel } from '../../src/transport/librdkafka-log.js';
import { fakeTransports, jsonCodec } from '../support/fake-transport.js';
import { drained, winstonCapture } from '../support/winston-capture.js';

describe('logging through a winston child logger', () => {
  it('tags the publisher lines, the warn at close included, with component and clientId', async () => {
    const { logger, lines } = winstonCapture();
    const transports = fakeTransports();
    const publisher = createPublisher<{ id: string }>({
      brokers: '127.0.0.1:9092',
      topic: 't',
      codec: jsonCodec,
      logger,
      clientId: 'shop',
      transport: transports.factory,
    });
    const stuck = publisher.publish({ id: 'never acked' }).catch(() => undefined);
    await publisher.connect();
    await publisher.close({ timeoutMs: 20 });
    await stuck;
    await drained();
    const closed = lines.find((l) => l['message'] === 'closed');
    expect(closed).toMatchObject({ level: 'warn', undelivered: 1, component: 'publisher', clientId: 'shop' });
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const line of lines) expect(line).toMatchObject({ component: 'publisher', clientId: 'shop' });
  });

  it('tags librdkafka log lines and client errors with component librdkafka and clientId', async () => {
    const { logger, lines } = winstonCapture();
    // A port nobody listens on: librdkafka logs and reports connection errors, then connect gives up.
    const publisher = createPublisher<{ id: string }>({
      brokers: '127.0.0.1:1',
      topic: 't',
      codec: jsonCodec,
      logger,
      clientId: 'shop',
      connectTimeoutMs: 1_500,
      rdkafka: { debug: 'broker', 'reconnect.backoff.ms': 100 },
    });
    await expect(publisher.connect()).rejects.toMatchObject({ code: 'BROKER_UNREACHABLE' });
    await publisher.close();
    await drained();
    const fromClient = lines.filter((l) => l['source'] === 'librdkafka' || l['message'] === 'kafka client error');
    expect(fromClient.length).toBeGreaterThan(0);
    expect(fromClient.some((l) => l['message'] === 'kafka client error')).toBe(true);
    for (const line of fromClient) expect(line).toMatchObject({ component: 'librdkafka', clientId: 'shop' });
  });
});

describe('librdkafka log levels', () => {
  it('logs what librdkafka retries by itself at info, so a healthy run prints nothing at warn', () => {
    expect(
      librdkafkaLogLevel(
        4,
        'Failed to acquire idempotence PID from broker 127.0.0.1:9092/1: Coordinator load in progress: retrying',
      ),
    ).toBe('info');
    expect(librdkafkaLogLevel(4, 'Topic t partition count changed from 3 to 1')).toBe('warn');
    expect(librdkafkaLogLevel(3, 'SASL authentication error: retrying is pointless')).toBe('error');
    expect([librdkafkaLogLevel(5, 'x'), librdkafkaLogLevel(6, 'x'), librdkafkaLogLevel(7, 'x')]).toEqual([
      'info',
      'info',
      'debug',
    ]);
  });

  it('logs one dropped connection at info, every broker down at warn, other client errors at error', () => {
    expect([clientErrorLevel(-195), clientErrorLevel(-187), clientErrorLevel(-169)]).toEqual(['info', 'warn', 'error']);
  });
});
