// The native transport's edges, on librdkafka's mock cluster: closing with work in flight, closing
// twice, publishing after close, process exit with work in flight, worker threads, and the fallback
// to CKJS when the addon does not load.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { createPublisher, DeliveryTimeoutError, InvalidOptionsError, PublisherClosedError } from '../../src/index.js';
import { createNativeTransport } from '../../src/transport/native-transport.js';
import type { DeliveryReport } from '../../src/index.js';
import { jsonCodec, memoryLogger } from '../support/fake-transport.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

function mockPublisher(logger = memoryLogger()) {
  return createPublisher<{ id: string }>({
    brokers: '127.0.0.1:9',
    topic: 'native-lifecycle',
    codec: jsonCodec,
    key: (e) => e.id,
    transport: createNativeTransport,
    logger,
    rdkafka: { 'test.mock.num.brokers': 1, 'allow.auto.create.topics': true },
  });
}

async function runNode(
  args: string[],
  timeoutMs = 30_000,
): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
  const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  proc.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  proc.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const timer = setTimeout(() => proc.kill('SIGKILL'), timeoutMs);
  const [code, signal] = (await once(proc, 'exit')) as [number | null, string | null];
  clearTimeout(timer);
  return { code, signal, stdout, stderr };
}

describe('native transport lifecycle (mock cluster)', () => {
  it('closes with work in flight: every publish settles, close reports what was left', async () => {
    const publisher = mockPublisher();
    await publisher.connect();
    const settled = Array.from({ length: 20_000 }, (_, i) =>
      publisher.publish({ id: `e${i}` }).then(
        (r: DeliveryReport) => r,
        (e: unknown) => e,
      ),
    );
    const report = await publisher.close({ timeoutMs: 1 });
    const outcomes = await Promise.all(settled);
    const failed = outcomes.filter((o) => o instanceof Error);
    expect(failed.length).toBe(report.undelivered);
    expect(failed.every((e) => e instanceof DeliveryTimeoutError || e instanceof PublisherClosedError)).toBe(true);
    expect(outcomes.length - failed.length + report.undelivered).toBe(20_000);
  });

  it('closes twice with one outcome, and rejects publishes after close', async () => {
    const publisher = mockPublisher();
    await publisher.publish({ id: 'a' });
    const [first, second] = await Promise.all([publisher.close(), publisher.close()]);
    expect(first).toEqual({ undelivered: 0 });
    expect(second).toBe(first);
    await expect(publisher.close()).resolves.toBe(first);
    await expect(publisher.publish({ id: 'b' })).rejects.toBeInstanceOf(PublisherClosedError);
  });

  it('exits cleanly on process.exit() with 20 000 publishes in flight', async () => {
    const run = await runNode([fixture('exit-in-flight.mjs'), 'exit']);
    expect(run.signal).toBeNull();
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ mode: 'exit', code: 0 });
  });

  it('keeps the process alive until in-flight publishes are acked, then lets it end without close()', async () => {
    const run = await runNode([fixture('exit-in-flight.mjs'), 'drain']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ mode: 'drain', code: 0, acked: 20_000, pending: 0 });
  });

  it('works from worker threads, and a worker terminated with work in flight leaves the process healthy', async () => {
    const done = new Worker(fixture('worker.mjs'), { workerData: { count: 1_000 } });
    // Listen for 'exit' first: when the worker ends right after posting, Node drains the last
    // message and emits 'exit' in the same callback, before an await after 'message' resumes.
    const exited = once(done, 'exit');
    const [result] = (await once(done, 'message')) as [{ acked: number; offsets: boolean }];
    expect(result).toEqual({ acked: 1_000, offsets: true });
    expect(await exited).toEqual([0]);

    const busy = new Worker(fixture('worker.mjs'), { workerData: { count: 100, leaveInFlight: true } });
    const [state] = (await once(busy, 'message')) as [{ acked: number; inFlight: number }];
    expect(state.acked).toBe(100);
    expect(state.inFlight).toBeGreaterThan(0);
    await busy.terminate();
    // The main thread's own native publisher still works after the worker's producer was torn down.
    const publisher = mockPublisher();
    await expect(publisher.publish({ id: 'after-worker' })).resolves.toMatchObject({ offset: expect.any(Number) });
    await publisher.close();
  });

  it('falls back to CKJS when the addon does not load, says why once at info, and fails a forced native transport with TRANSPORT_UNAVAILABLE', async () => {
    const run = await runNode(['--import', fixture('hidden-addon.mjs'), fixture('fallback.mjs')]);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as {
      offset: number;
      lines: Array<{ level: string; message: string; meta: Record<string, unknown> }>;
      forced: Record<string, string>;
    };
    expect(out.offset).toBeGreaterThanOrEqual(0);
    const why = out.lines.filter((l) => l.message.startsWith('native transport unavailable'));
    expect(why).toHaveLength(1); // once per process, however many publishers
    expect(why[0]).toMatchObject({ level: 'info', meta: { reason: expect.stringContaining('hidden by the test') } });
    expect(out.lines.filter((l) => l.message === 'connected').map((l) => l.meta['transport'])).toEqual([
      'ckjs',
      'ckjs',
    ]);
    expect(out.forced).toMatchObject({ name: 'TransportUnavailableError', code: 'TRANSPORT_UNAVAILABLE' });
    expect(out.forced['message']).toContain('hidden by the test');
  });

  it('fails connect with the typed reason when librdkafka refuses the configuration', async () => {
    const publisher = createPublisher<{ id: string }>({
      brokers: '127.0.0.1:9',
      topic: 't',
      codec: jsonCodec,
      transport: createNativeTransport,
      logger: memoryLogger(),
      rdkafka: { 'no.such.property': 1 },
    });
    // The publisher reports any connect failure that is not its own error as BROKER_UNREACHABLE, as
    // for the CKJS transport; the cause is the typed error naming the property.
    const error = await publisher.connect().catch((e: unknown) => e);
    expect((error as { cause?: unknown }).cause).toBeInstanceOf(InvalidOptionsError);
    expect((error as Error).message).toContain('No such configuration property');
    await publisher.close();
  });
});
