// encodeTransient() hands out a reused buffer. That is only safe with a Kafka client that copies
// the value during produce(): @confluentinc/kafka-javascript passes RdKafka::Producer::RK_MSG_COPY
// (src/producer.cc), so librdkafka memcpy()s the payload before produce() returns. This proves it
// against librdkafka's mock cluster: the bytes stored for delivery are the ones passed, even after
// the buffer is overwritten straight after produce().
import Kafka from '@confluentinc/kafka-javascript';
import type { DeliveryReport, ProducerGlobalConfig } from '@confluentinc/kafka-javascript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderEventMessageV1Codec as codec } from '../src/index.js';
import { order, stringifyBytes } from './support/orders.js';

// librdkafka's built-in mock cluster: no broker needed. The typings do not list test.* properties.
const config = {
  'test.mock.num.brokers': 1,
  dr_msg_cb: true,
  'client.id': 'schemas-copy-test',
} as ProducerGlobalConfig;
const producer = new Kafka.Producer(config);
const reports = new Map<unknown, (report: DeliveryReport | Error) => void>();

beforeAll(async () => {
  await new Promise<void>((resolve, reject) => producer.connect({}, (error) => (error ? reject(error) : resolve())));
  producer.setPollInterval(5);
  producer.on('delivery-report', (error, report) => {
    reports.get(report.opaque as unknown)?.(error ? new Error(`delivery failed: ${error.message}`) : report);
  });
});

afterAll(async () => {
  await new Promise<void>((resolve) => producer.disconnect(() => resolve()));
});

function delivered(id: number): Promise<DeliveryReport> {
  return new Promise((resolve, reject) =>
    reports.set(id, (outcome) => (outcome instanceof Error ? reject(outcome) : resolve(outcome))),
  );
}

describe('produce() copies the value buffer synchronously', () => {
  it('delivers what encodeTransient returned, although the next encode overwrote it', async () => {
    const messages = Array.from({ length: 50 }, (_, i) =>
      order({ order_id: `o-${i}`, customer_name: `customer ${i}` }),
    );
    const pending: Array<Promise<DeliveryReport>> = [];
    for (const [i, message] of messages.entries()) {
      const value = codec.encodeTransient(message);
      pending.push(delivered(i));
      producer.produce('schemas-copy-test', null, value, null, Date.now(), i);
      value.fill(0x58); // scribble over it: a client holding on to this memory would now send Xs
    }
    const delivery = await Promise.all(pending);
    delivery.forEach((report, i) => expect(report.value?.equals(stringifyBytes(messages[i]))).toBe(true));
  });
});
