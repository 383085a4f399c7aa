// librdkafka's fatal-error path through the addon (`testFatal` is rd_kafka_test_fatal_error), on
// the mock cluster: the fatal error arrives as an error event with librdkafka's FATAL code, the
// producer refuses new records with that code, and it still closes.
import { describe, expect, it } from 'vitest';
import { loadNativeBinding, NativeEvent } from '../src/index.js';
import type { NativeBinding } from '../src/index.js';

const FATAL = -150;
const OUT_OF_ORDER_SEQUENCE_NUMBER = 45;

function binding(): NativeBinding {
  const loaded = loadNativeBinding();
  if (loaded instanceof Error) throw loaded;
  return loaded;
}

/** The packed meta of a record with a key and no headers (see `NativeBinding.produce`). */
function keyOnly(key: string): Buffer {
  const bytes = Buffer.from(key);
  const meta = Buffer.alloc(8 + bytes.length);
  meta.writeUInt32LE(bytes.length, 0);
  bytes.copy(meta, 4);
  meta.writeUInt32LE(0, 4 + bytes.length);
  return meta;
}

describe('fatal errors', () => {
  it('reports a fatal error as an error event with the FATAL code, then refuses records with it', async () => {
    const b = binding();
    const errors: Array<[number, string]> = [];
    let onError: (() => void) | undefined;
    let onConnected: ((code: number) => void) | undefined;
    let onClosed: (() => void) | undefined;
    const handle = b.create(['test.mock.num.brokers', '1', 'enable.idempotence', 'true'], (kind, x, y) => {
      if (kind === NativeEvent.error) {
        errors.push([x as number, y as string]);
        onError?.();
      } else if (kind === NativeEvent.connected) onConnected?.(x as number);
      else if (kind === NativeEvent.closed) onClosed?.();
    });
    if (typeof handle === 'string') throw new Error(handle);
    const connected = new Promise<number>((resolve) => (onConnected = resolve));
    expect(b.connect(handle, 5_000)).toBe(0);
    expect(await connected).toBe(0);
    const topic = b.topic(handle, 'native-fatal');
    const meta = keyOnly('k');
    expect(b.produce(handle, topic, Buffer.from('before'), meta, meta.length, 1)).toBe(0);

    const fatal = new Promise<void>((resolve) => (onError = resolve));
    expect(b.testFatal(handle, OUT_OF_ORDER_SEQUENCE_NUMBER, 'raised by the test')).toBe(0);
    await fatal;
    expect(errors[0]?.[0]).toBe(FATAL);
    expect(errors[0]?.[1]).toContain('raised by the test');
    expect(b.produce(handle, topic, Buffer.from('after'), meta, meta.length, 2)).toBe(FATAL);
    // Only one fatal error per producer: a second one is refused.
    expect(b.testFatal(handle, OUT_OF_ORDER_SEQUENCE_NUMBER, 'again')).not.toBe(0);

    const closed = new Promise<void>((resolve) => (onClosed = resolve));
    expect(b.close(handle)).toBe(0);
    await closed;
  });
});
