// Dead-letter topic against real brokers: an unknown topic and a record over the topic's size
// limit (single broker), and a topic the user may not write (SASL broker with ACLs).
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureKafka, SASL_USERS } from '../../../../scripts/kafka/kafka.mjs';
import { createPublisher, DeadLetteredError, DLQ_HEADERS } from '../../src/index.js';
import type { EventPublisher, PublisherOptions } from '../../src/index.js';
import { brokers } from '../../../../test-support/brokers.js';
import { consumeAll, createTopic, uniqueTopic } from '../../../../test-support/kafka-admin.js';
import { memoryLogger } from '../support/fake-transport.js';

interface Event {
  readonly id: string;
  readonly pad?: string;
}

const codec = {
  encode: (e: Event) => Buffer.from(JSON.stringify(e)),
  headers: (e: Event) => ({ ce_id: e.id, ce_type: 'test.v1' }),
};

const open: Array<EventPublisher<Event>> = [];
afterAll(async () => {
  await Promise.all(open.map((p) => p.close({ timeoutMs: 5_000 })));
});

function publisher(extra: Partial<PublisherOptions<Event>> & Pick<PublisherOptions<Event>, 'topic' | 'deadLetter'>) {
  const p = createPublisher<Event>({
    brokers: brokers().single,
    codec,
    key: (e) => e.id,
    logger: memoryLogger(),
    clientId: 'dlq-test',
    ...extra,
  });
  open.push(p);
  return p;
}

/** Checks the dead-letter copy of `event` against what was sent. */
function expectDeadLetter(
  record: { value: Buffer | null; key: string | null; headers: Readonly<Record<string, string>> },
  event: Event,
  originalTopic: string,
  code: string,
) {
  expect(record.value?.equals(codec.encode(event))).toBe(true);
  expect(record.key).toBe(event.id);
  expect(record.headers).toMatchObject({
    ce_id: event.id,
    ce_type: 'test.v1',
    [DLQ_HEADERS.topic]: originalTopic,
    [DLQ_HEADERS.code]: code,
    [DLQ_HEADERS.attempts]: '1',
    [DLQ_HEADERS.outcome]: 'not-written',
    [DLQ_HEADERS.clientId]: 'dlq-test',
  });
  expect(Date.parse(record.headers[DLQ_HEADERS.firstFailure] ?? '')).toBeGreaterThan(Date.now() - 120_000);
  expect(record.headers[DLQ_HEADERS.lastFailure]).toBe(record.headers[DLQ_HEADERS.firstFailure]);
}

describe('dead-letter topic on real brokers', () => {
  it('dead-letters a publish to an unknown topic with the original bytes and herald.dlq headers', async () => {
    const dlq = uniqueTopic('herald-dlq');
    await createTopic(brokers().single, { topic: dlq });
    const missing = uniqueTopic('herald-missing');
    const p = publisher({ topic: missing, deadLetter: { topic: dlq } });
    const event = { id: `u-${randomUUID()}` };
    const error = await p.publish(event).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeadLetteredError);
    expect(error).toMatchObject({
      code: 'DEAD_LETTERED',
      outcome: 'not-written',
      cause: { code: 'UNKNOWN_TOPIC' },
      deadLetter: { topic: dlq, offset: 0 },
    });
    const [record, ...rest] = await consumeAll(brokers().single, dlq, 1, 15_000);
    expect(rest).toEqual([]);
    expectDeadLetter(record!, event, missing, 'UNKNOWN_TOPIC');
    expect(record!.headers[DLQ_HEADERS.name]).toMatch(/^ERR_+UNKNOWN_TOPIC/);
  });

  it('dead-letters a record over the topic’s max.message.bytes; the next ones are delivered', async () => {
    const topic = uniqueTopic('herald-small');
    const dlq = uniqueTopic('herald-dlq-large');
    await Promise.all([
      createTopic(brokers().single, { topic, configs: { 'max.message.bytes': '2000' } }),
      createTopic(brokers().single, { topic: dlq }),
    ]);
    const p = publisher({ topic, deadLetter: { topic: dlq }, kafka: { compression: 'none' } });
    const big = { id: `big-${randomUUID()}`, pad: 'x'.repeat(5_000) };
    // One at a time: the broker's limit is per record batch, and a batch fails as a whole.
    const before = await p.publish({ id: 'small-1' });
    const error = await p.publish(big).catch((e: unknown) => e);
    const after = await p.publish({ id: 'small-2' });
    expect(error).toMatchObject({
      code: 'DEAD_LETTERED',
      cause: { code: 'MESSAGE_TOO_LARGE', kafkaCode: 10 },
      deadLetter: { topic: dlq },
    });
    expect([before.topic, after.topic]).toEqual([topic, topic]);
    const [record] = await consumeAll(brokers().single, dlq, 1, 15_000);
    expectDeadLetter(record!, big, topic, 'MESSAGE_TOO_LARGE');
    const original = await consumeAll(brokers().single, topic, 3, 5_000);
    expect(original.map((r) => r.key)).toEqual(['small-1', 'small-2']);
  });

  it('dead-letters a write the ACLs deny (sasl broker) to a topic the user may write', async () => {
    const sasl = await ensureKafka({ mode: 'sasl', log: false });
    const event = { id: `acl-${randomUUID()}` };
    const p = createPublisher<Event>({
      brokers: sasl.saslBootstrap!,
      topic: 'allowed',
      codec,
      key: (e) => e.id,
      logger: memoryLogger(),
      clientId: 'dlq-test',
      connectTimeoutMs: 8_000,
      kafka: {
        securityProtocol: 'sasl_plaintext',
        sasl: { mechanism: 'SCRAM-SHA-512', username: 'bob', password: SASL_USERS.bob },
      },
      deadLetter: { topic: 'bob-scratch' },
    });
    open.push(p);
    const error = await p.publish(event).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'DEAD_LETTERED',
      cause: { code: 'TOPIC_AUTHORIZATION', kafkaCode: 29 },
      deadLetter: { topic: 'bob-scratch' },
    });
    // bob-scratch is shared: read it all (as the PLAINTEXT super user) and pick this event's copy.
    const offset = (error as DeadLetteredError).deadLetter.offset;
    const records = await consumeAll(sasl.bootstrap, 'bob-scratch', offset + 1, 15_000);
    const copy = records.find((r) => r.headers['ce_id'] === event.id);
    expect(copy).toBeDefined();
    expectDeadLetter(copy!, event, 'allowed', 'TOPIC_AUTHORIZATION');
    expect(copy!.headers[DLQ_HEADERS.name]).toBe('ERR_TOPIC_AUTHORIZATION_FAILED');
  });
});
