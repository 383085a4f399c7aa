// Authentication and authorization against the SASL/SCRAM broker with ACLs (mode "sasl").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureKafka, SASL_USERS } from '../../../../scripts/kafka/kafka.mjs';
import type { KafkaHandle } from '../../../../scripts/kafka/kafka.mjs';
import { AuthenticationError, createPublisher, TopicAuthorizationError } from '../../src/index.js';
import type { EventPublisher } from '../../src/index.js';
import { uniqueTopic } from '../../../../test-support/kafka-admin.js';
import { jsonCodec, memoryLogger } from '../support/fake-transport.js';
import { transportUnderTest } from '../support/transport-under-test.js';

let broker: KafkaHandle;
const open: Array<EventPublisher<{ id: string }>> = [];
beforeAll(async () => {
  broker = await ensureKafka({ mode: 'sasl', log: false });
}, 120_000);
afterAll(async () => {
  await Promise.all(open.map((p) => p.close({ timeoutMs: 2_000 })));
  await broker?.stop();
});

function publisherAs(
  username: string,
  password: string,
  topic: string,
  logger = memoryLogger(),
  rdkafka: Record<string, string> = {},
) {
  const publisher = createPublisher<{ id: string }>({
    transport: transportUnderTest(),
    brokers: broker.saslBootstrap!,
    rdkafka,
    topic,
    codec: jsonCodec,
    logger,
    connectTimeoutMs: 8_000,
    kafka: { securityProtocol: 'sasl_plaintext', sasl: { mechanism: 'SCRAM-SHA-512', username, password } },
  });
  open.push(publisher);
  return publisher;
}

describe('SASL/SCRAM and ACLs', () => {
  it('publishes as a user allowed to write the topic', async () => {
    const publisher = publisherAs('alice', SASL_USERS.alice, 'allowed');
    await expect(publisher.publish({ id: 'a' })).resolves.toMatchObject({ topic: 'allowed' });
  });

  it('fails a wrong password with AuthenticationError and never logs the password', async () => {
    const logger = memoryLogger();
    const publisher = publisherAs('alice', 'not-the-secret-7f3a', 'allowed', logger);
    const error = await publisher.connect().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ code: 'AUTHENTICATION', retriable: false });
    expect(JSON.stringify(logger.lines)).not.toContain('not-the-secret-7f3a');
    expect(String((error as Error).message)).not.toContain('not-the-secret-7f3a');
  });

  it('keeps the password out of every log line even with librdkafka debug logging on', async () => {
    const logger = memoryLogger();
    const secret = 'debug-secret-91c2';
    const publisher = publisherAs('alice', secret, 'allowed', logger, { debug: 'all', log_level: '7' });
    await expect(publisher.connect()).rejects.toBeInstanceOf(AuthenticationError);
    expect(logger.lines.length).toBeGreaterThan(20);
    expect(JSON.stringify(logger.lines)).not.toContain(secret);
  });

  it('fails a topic the user may not write with TopicAuthorizationError, fast', async () => {
    const publisher = publisherAs('bob', SASL_USERS.bob, 'allowed');
    const started = Date.now();
    const error = await publisher.publish({ id: 'b' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TopicAuthorizationError);
    expect(error).toMatchObject({ code: 'TOPIC_AUTHORIZATION', outcome: 'not-written', kafkaCode: 29 });
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('logs the resolved config once with the password redacted', async () => {
    const logger = memoryLogger();
    const publisher = publisherAs('alice', SASL_USERS.alice, uniqueTopic('allowed'), logger);
    await publisher.connect();
    const connected = logger.lines.filter((l) => l.message === 'connected');
    expect(connected).toHaveLength(1);
    expect(connected[0]?.meta).toMatchObject({
      config: { 'sasl.password': '[redacted]', 'sasl.username': 'alice', acks: 'all' },
    });
    expect(JSON.stringify(logger.lines)).not.toContain(SASL_USERS.alice);
  });
});
