// TLS against the `tls` broker of scripts/kafka: a CA and broker certificates generated at its start
// (SSL and SASL_SSL listeners, plus listeners presenting an expired and a wrong-host certificate).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureKafka, SASL_USERS } from '../../../../scripts/kafka/kafka.mjs';
import type { KafkaHandle, TlsInfo } from '../../../../scripts/kafka/kafka.mjs';
import { createPublisher, TlsHandshakeError } from '../../src/index.js';
import type { EventPublisher, KafkaSettings } from '../../src/index.js';
import { createTopic, uniqueTopic } from '../../../../test-support/kafka-admin.js';
import { jsonCodec, memoryLogger } from '../support/fake-transport.js';

let broker: KafkaHandle;
let tls: TlsInfo;
let topic: string;
const open: Array<EventPublisher<{ id: string }>> = [];
beforeAll(async () => {
  broker = await ensureKafka({ mode: 'tls', log: false });
  tls = broker.tls!;
  topic = uniqueTopic('herald-tls');
  await createTopic(broker.bootstrap, { topic });
}, 180_000);
afterAll(async () => {
  await Promise.all(open.map((p) => p.close({ timeoutMs: 2_000 })));
  await broker?.stop();
});

function publisherOn(
  listener: string,
  kafka: KafkaSettings,
  logger = memoryLogger(),
  rdkafka: Record<string, string> = {},
  connectTimeoutMs = 10_000,
) {
  const publisher = createPublisher<{ id: string }>({
    brokers: tls.bootstrap[listener]!,
    topic,
    codec: jsonCodec,
    logger,
    kafka,
    rdkafka,
    connectTimeoutMs,
  });
  open.push(publisher);
  return publisher;
}

/** connect() must reject with a TlsHandshakeError, well before the 10 s connect timeout. */
async function expectHandshakeFailure(publisher: EventPublisher<{ id: string }>) {
  const started = Date.now();
  const error = await publisher.connect().catch((e: unknown) => e);
  const ms = Date.now() - started;
  expect(error).toBeInstanceOf(TlsHandshakeError);
  expect(error).toMatchObject({ code: 'TLS_HANDSHAKE', retriable: false, kafkaCode: -181 });
  expect(ms).toBeLessThan(5_000);
}

describe('TLS', () => {
  it('publishes over SSL when the client trusts the CA that signed the broker certificate', async () => {
    const publisher = publisherOn('SSL', { securityProtocol: 'ssl', ssl: { caLocation: tls.caFile } });
    await expect(publisher.publish({ id: 'ssl' })).resolves.toMatchObject({ topic });
  });

  it('publishes over SASL_SSL (SCRAM-SHA-512) with the CA given as PEM, logging the config redacted', async () => {
    const logger = memoryLogger();
    const publisher = publisherOn(
      'SASL_SSL',
      {
        securityProtocol: 'sasl_ssl',
        ssl: { caPem: readFileSync(tls.caFile, 'utf8') },
        sasl: { mechanism: 'SCRAM-SHA-512', username: 'alice', password: SASL_USERS.alice },
      },
      logger,
    );
    await expect(publisher.publish({ id: 'sasl-ssl' })).resolves.toMatchObject({ topic });
    const connected = logger.lines.find((l) => l.message === 'connected');
    expect(connected?.meta).toMatchObject({
      config: { 'sasl.password': '[redacted]', 'ssl.ca.pem': '[redacted]', 'security.protocol': 'sasl_ssl' },
    });
    expect(JSON.stringify(logger.lines)).not.toContain(SASL_USERS.alice);
  });

  it('fails connect() with TlsHandshakeError within 5 s when the client trusts another CA', async () => {
    await expectHandshakeFailure(publisherOn('SSL', { securityProtocol: 'ssl', ssl: { caLocation: tls.otherCaFile } }));
  });

  it('fails connect() with TlsHandshakeError within 5 s when the broker certificate has expired', async () => {
    await expectHandshakeFailure(publisherOn('EXPIRED', { securityProtocol: 'ssl', ssl: { caLocation: tls.caFile } }));
  });

  it('fails connect() with TlsHandshakeError within 5 s when the certificate names another host', async () => {
    await expectHandshakeFailure(
      publisherOn('WRONGHOST', { securityProtocol: 'ssl', ssl: { caLocation: tls.caFile } }),
    );
  });

  it('keeps key, key password and SASL password out of every log line at debug level', async () => {
    const logger = memoryLogger();
    const keyPem = readFileSync(tls.clientKeyFile, 'utf8');
    const secret = 'tls-debug-secret-5e1b';
    // A wrong SASL password over a good TLS session, with a client certificate and encrypted key.
    const publisher = publisherOn(
      'SASL_SSL',
      {
        securityProtocol: 'sasl_ssl',
        ssl: {
          caPem: readFileSync(tls.caFile, 'utf8'),
          certificatePem: readFileSync(tls.clientCertFile, 'utf8'),
          keyPem,
          keyPassword: tls.clientKeyPassword,
        },
        sasl: { mechanism: 'SCRAM-SHA-512', username: 'alice', password: secret },
      },
      logger,
      { debug: 'all', log_level: '7' },
      // debug=all logs thousands of lines: give a loaded machine time to get to the SASL step.
      30_000,
    );
    await expect(publisher.connect()).rejects.toMatchObject({ code: 'AUTHENTICATION' });
    const text = JSON.stringify(logger.lines);
    expect(logger.lines.length).toBeGreaterThan(20);
    expect(text).not.toContain(secret);
    expect(text).not.toContain(tls.clientKeyPassword);
    expect(text).not.toMatch(/PRIVATE KEY/);
    // No line carries a piece of the key body either (any 40-character run of it).
    const body = keyPem
      .split('\n')
      .filter((l) => !l.startsWith('-----'))
      .join('');
    for (let i = 0; i + 40 <= body.length; i += 40) expect(text).not.toContain(body.slice(i, i + 40));
  });
});
