// Publishes many records of random shape (sizes, keys, headers) through one publisher on librdkafka's
// mock cluster, sampling heap and RSS after a full GC, to show memory stays flat.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createPublisher } from '@herald/publisher';
import type { Headers, MessageKey } from '@herald/publisher';
import { createNativeTransport } from '@herald/publisher/transports/native';
import { createRdkafkaTransport } from '@herald/publisher/transports/rdkafka';
import type { MemorySample } from './memory-slope.js';

/** What one stress run does. */
export interface StressOptions {
  readonly messages: number;
  readonly transport: 'native' | 'ckjs';
  /** Publishes in flight at most. */
  readonly window: number;
  readonly samples: number;
  readonly seed: number;
  readonly onProgress?: (settled: number) => void;
}

/** What a stress run measured. */
export interface StressResult {
  readonly messages: number;
  readonly acked: number;
  readonly failed: number;
  readonly seconds: number;
  readonly samples: readonly MemorySample[];
}

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** A small deterministic PRNG (mulberry32), so a run can be repeated exactly. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Shape {
  readonly value: Buffer;
  readonly key: MessageKey;
  readonly headers: Headers;
}

function makeShapes(rand: () => number, count: number): Shape[] {
  const text = (n: number) =>
    Array.from({ length: n }, () => String.fromCharCode(0x20 + Math.floor(rand() * 0x5e))).join('');
  return Array.from({ length: count }, (_, i) => {
    const size = rand() < 0.05 ? Math.floor(rand() * 100_000) : Math.floor(rand() * 2_000);
    const keyKind = i % 4;
    const key: MessageKey =
      keyKind === 0
        ? null
        : keyKind === 1
          ? `k-${Math.floor(rand() * 1e6)}-ü`
          : keyKind === 2
            ? Buffer.from(text(1 + Math.floor(rand() * 40)))
            : '';
    const headers: Record<string, string | Buffer> = {};
    for (let h = Math.floor(rand() * 9); h > 0; h--)
      headers[`h-${text(1 + Math.floor(rand() * 12))}`] =
        rand() < 0.5 ? text(Math.floor(rand() * 200)) : Buffer.alloc(Math.floor(rand() * 300), h);
    return { value: Buffer.alloc(size, i & 0xff), key, headers };
  });
}

function sample(settled: number): MemorySample {
  gc();
  gc();
  const { heapUsed, rss } = process.memoryUsage();
  return { settled, heapUsed, rss };
}

/** Runs the stress load; every publish settles before it returns. */
export async function runStress(options: StressOptions): Promise<StressResult> {
  const rand = random(options.seed);
  const shapes = makeShapes(rand, 4_096);
  const publisher = createPublisher<Shape>({
    brokers: '127.0.0.1:9',
    topic: 'herald-stress',
    codec: { encode: (s) => s.value, headers: (s) => s.headers },
    key: (s) => s.key,
    transport: options.transport === 'native' ? createNativeTransport : createRdkafkaTransport,
    maxInFlight: Math.max(options.window, 1),
    logger: { error() {}, warn() {}, info() {}, debug() {} },
    rdkafka: { 'test.mock.num.brokers': 1, 'allow.auto.create.topics': true, 'message.max.bytes': 1_000_000 },
  });
  await publisher.connect();
  const every = Math.max(1, Math.floor(options.messages / options.samples));
  const samples: MemorySample[] = [sample(0)];
  let acked = 0;
  let failed = 0;
  let sent = 0;
  const started = performance.now();
  let wake: (() => void) | undefined;
  const settle = () => {
    if (wake !== undefined && sent - acked - failed < options.window) wake();
    options.onProgress?.(acked + failed);
  };
  while (sent < options.messages) {
    if (sent - acked - failed >= options.window) {
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
      continue;
    }
    const shape = shapes[sent % shapes.length]!;
    sent += 1;
    publisher.publish(shape).then(
      () => {
        acked += 1;
        settle();
      },
      () => {
        failed += 1;
        settle();
      },
    );
    if (sent % every === 0) {
      // Sample at a quiet point: let what is in flight settle first, so samples compare alike.
      await publisher.flush(60_000);
      samples.push(sample(sent));
    }
  }
  await publisher.flush(60_000);
  const seconds = (performance.now() - started) / 1000;
  samples.push(sample(sent));
  await publisher.close();
  return { messages: sent, acked, failed, seconds, samples };
}
