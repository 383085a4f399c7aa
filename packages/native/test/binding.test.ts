// The addon on its own, on librdkafka's mock cluster: the right librdkafka is loaded, and no input
// makes it throw or crash — every bad argument comes back as a librdkafka error code.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DELIVERY_RECORD_BYTES, loadNativeBinding, MessageStatus, NativeEvent } from '../src/index.js';
import type { NativeBinding, NativeHandle } from '../src/index.js';

const INVALID_ARG = -186;
const DESTROYED = -197;
const PURGE_QUEUE = -152;
const PURGE_INFLIGHT = -151;

function binding(): NativeBinding {
  const loaded = loadNativeBinding();
  if (loaded instanceof Error) throw loaded;
  return loaded;
}

interface Producer {
  readonly handle: NativeHandle;
  readonly deliveries: Array<{ id: number; error: number; partition: number; offset: number; status: number }>;
  next(kind: number): Promise<unknown[]>;
}

function mockProducer(extra: string[] = []): Producer {
  const deliveries: Producer['deliveries'] = [];
  const waiting = new Map<number, (args: unknown[]) => void>();
  const handle = binding().create(
    ['test.mock.num.brokers', '1', 'enable.idempotence', 'true', 'linger.ms', '1', ...extra],
    (kind, a, b, c) => {
      if (kind === NativeEvent.deliveries) {
        const f = new Float64Array(a as ArrayBuffer);
        const i = new Int32Array(a as ArrayBuffer);
        for (let k = 0; k < (b as number); k++)
          deliveries.push({
            id: f[k * 5]!,
            offset: f[k * 5 + 1]!,
            error: i[k * 10 + 6]!,
            partition: i[k * 10 + 7]!,
            status: i[k * 10 + 8]!,
          });
      }
      waiting.get(kind)?.([a, b, c]);
    },
  );
  if (typeof handle === 'string') throw new Error(handle);
  return { handle, deliveries, next: (kind) => new Promise((resolve) => waiting.set(kind, resolve)) };
}

/** Packs key and headers the way the publisher's NativeRecordPacker does. */
function meta(key: string | null, headers: Array<[string, string | null]>): Buffer {
  const parts: Buffer[] = [];
  const u32 = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(n);
    parts.push(b);
  };
  const bytes = (s: string | null) => {
    if (s === null) return u32(0xffffffff);
    u32(Buffer.byteLength(s));
    parts.push(Buffer.from(s));
  };
  bytes(key);
  u32(headers.length);
  for (const [name, value] of headers) {
    bytes(name);
    bytes(value);
  }
  return Buffer.concat(parts);
}

describe('@herald/native addon', () => {
  it('is linked against the librdkafka 2.15.1 that CKJS built, loaded from beside the addon', () => {
    expect(binding().version()).toBe('2.15.1');
    const maps = readFileSync('/proc/self/maps', 'utf8');
    const loaded = new Set(
      maps
        .split('\n')
        .filter((l) => l.includes('librdkafka.so'))
        .map((l) => l.slice(l.indexOf('/'))),
    );
    expect([...loaded].some((path) => path.endsWith('/librdkafka.so.1') && !path.startsWith('/usr/'))).toBe(true);
    expect([...loaded].filter((path) => path.startsWith('/usr/'))).toEqual([]);
  });

  it('produces, flushes and reports deliveries as fixed-size records with ids, offsets and codes', async () => {
    expect(DELIVERY_RECORD_BYTES).toBe(40);
    const b = binding();
    const p = mockProducer();
    const connected = p.next(NativeEvent.connected);
    expect(b.connect(p.handle, 5_000)).toBe(0);
    expect((await connected)[0]).toBe(0);
    const topic = b.topic(p.handle, 'native-binding');
    expect(topic).toBe(0);
    const m = meta('key', [
      ['h1', 'v1'],
      ['h2', null],
    ]);
    for (let id = 1; id <= 100; id++)
      expect(b.produce(p.handle, topic, Buffer.from(`value-${id}`), m, m.length, id)).toBe(0);
    const flushed = p.next(NativeEvent.flushed);
    b.flush(p.handle, 10_000);
    expect((await flushed)[0]).toBe(0);
    expect(p.deliveries.map((d) => d.id)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(
      p.deliveries.every(
        (d) => d.error === 0 && d.offset >= 0 && d.partition >= 0 && d.status === MessageStatus.persisted,
      ),
    ).toBe(true);
    const closed = p.next(NativeEvent.closed);
    expect(b.close(p.handle)).toBe(0);
    await closed;
  });

  it('returns INVALID_ARG for every malformed argument and never throws', async () => {
    const b = binding();
    const p = mockProducer();
    const topic = b.topic(p.handle, 'native-fuzz');
    const good = meta('k', [['a', 'b']]);
    const bad: Array<() => number> = [
      () => b.produce({} as NativeHandle, topic, Buffer.from('x'), good, good.length, 1),
      () => b.produce(p.handle, 99, Buffer.from('x'), good, good.length, 1),
      () => b.produce(p.handle, topic, 'x' as unknown as Buffer, good, good.length, 1),
      () => b.produce(p.handle, topic, Buffer.from('x'), good, good.length + 1, 1),
      () => b.produce(p.handle, topic, Buffer.from('x'), good, good.length - 1, 1),
      () => b.produce(p.handle, topic, Buffer.from('x'), good, good.length, -1),
      () => b.produce(p.handle, topic, Buffer.from('x'), good, good.length, 1.5),
      () => b.produce(p.handle, topic, Buffer.from('x'), good, good.length, 2 ** 60),
      () => (b.produce as (...args: unknown[]) => number)(p.handle),
      () => b.topic(p.handle, 7 as unknown as string),
      () => b.flush(null as unknown as NativeHandle, 1),
    ];
    for (const call of bad) expect(call()).toBe(INVALID_ARG);
    // Random bytes as the packed key/headers: rejected or accepted, never a crash or an overread.
    for (let i = 0; i < 20_000; i++) {
      const junk = Buffer.alloc(1 + (i % 64));
      for (let j = 0; j < junk.length; j++) junk[j] = (Math.random() * 256) | 0;
      if (i % 3 === 0 && junk.length >= 4) junk.writeUInt32LE(Math.min(junk.length - 4, i % 8), 0);
      const code = b.produce(
        p.handle,
        topic,
        Buffer.alloc(i % 100),
        junk,
        Math.floor(Math.random() * (junk.length + 1)),
        i + 1,
      );
      expect([0, INVALID_ARG]).toContain(code);
    }
    expect(typeof b.create([1 as unknown as string, 'x'], () => undefined)).toBe('string');
    expect(b.create(['no.such.property', 'x'], () => undefined)).toMatch(/No such configuration property/);
    expect(b.errName(-184)).toBe('_QUEUE_FULL');
    // Still a working producer after all that: a valid record goes through.
    const before = p.deliveries.length;
    expect(b.produce(p.handle, topic, Buffer.from('ok'), good, good.length, 1_000_000)).toBe(0);
    const flushed = p.next(NativeEvent.flushed);
    b.flush(p.handle, 10_000);
    await flushed;
    expect(p.deliveries.slice(before).some((d) => d.id === 1_000_000)).toBe(true);
    const closed = p.next(NativeEvent.closed);
    b.close(p.handle);
    await closed;
  });

  it('purges with the persistence status of each message: in flight possibly persisted, queued not persisted', async () => {
    const b = binding();
    // A broker 400 ms away (connect copes: its metadata waits grow) and one request in flight at a
    // time: the first batch waits for its answer, the second behind it.
    const p = mockProducer(['test.mock.broker.rtt', '400', 'max.in.flight', '1']);
    const connected = p.next(NativeEvent.connected);
    b.connect(p.handle, 20_000);
    expect((await connected)[0]).toBe(0);
    const topic = b.topic(p.handle, 'native-purge');
    const m = meta('k', []);
    // One acked message first, so the producer id is there and the next batch goes out at once.
    const warm = p.next(NativeEvent.deliveries);
    b.produce(p.handle, topic, Buffer.from('warm-up'), m, m.length, 100);
    await warm;
    expect(p.deliveries).toEqual([expect.objectContaining({ id: 100, error: 0, status: MessageStatus.persisted })]);
    p.deliveries.length = 0;
    for (let id = 1; id <= 5; id++) b.produce(p.handle, topic, Buffer.from(`first-${id}`), m, m.length, id);
    await new Promise((resolve) => setTimeout(resolve, 120));
    for (let id = 6; id <= 10; id++) b.produce(p.handle, topic, Buffer.from(`second-${id}`), m, m.length, id);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(b.purge(p.handle)).toBe(0);
    const flushed = p.next(NativeEvent.flushed);
    b.flush(p.handle, 5_000);
    await flushed;
    const byId = new Map(p.deliveries.map((d) => [d.id, d]));
    expect([...byId.keys()].sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (let id = 1; id <= 5; id++)
      expect(byId.get(id)).toMatchObject({ error: PURGE_INFLIGHT, status: MessageStatus.possiblyPersisted });
    for (let id = 6; id <= 10; id++)
      expect(byId.get(id)).toMatchObject({ error: PURGE_QUEUE, status: MessageStatus.notPersisted });
    const closed = p.next(NativeEvent.closed);
    b.close(p.handle);
    await closed;
  });

  it('answers DESTROYED after close, and a second close is harmless', async () => {
    const b = binding();
    const p = mockProducer();
    const topic = b.topic(p.handle, 'native-closed');
    const m = meta(null, []);
    for (let id = 1; id <= 1_000; id++) b.produce(p.handle, topic, Buffer.alloc(100), m, m.length, id);
    const closed = p.next(NativeEvent.closed);
    expect(b.close(p.handle)).toBe(0);
    expect(b.close(p.handle)).toBe(DESTROYED);
    expect(b.produce(p.handle, topic, Buffer.alloc(1), m, m.length, 1)).toBe(DESTROYED);
    expect(b.flush(p.handle, 10)).toBe(DESTROYED);
    expect(b.topic(p.handle, 'x')).toBe(DESTROYED);
    await closed;
    expect(b.queued(p.handle)).toBe(DESTROYED);
  });
});
