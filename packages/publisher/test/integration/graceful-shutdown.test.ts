// SIGTERM to a process with publishes in flight: everything settles, what was acked is in the
// topic, what was reported not written is not, and the exit code says whether anything was lost.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { brokers } from '../../../../test-support/brokers.js';
import { consumeAll, createTopic, uniqueTopic } from '../../../../test-support/kafka-admin.js';
import { transportName } from '../support/transport-under-test.js';

const child = fileURLToPath(new URL('./fixtures/publish-until-signal.mjs', import.meta.url));

describe('installGracefulShutdown', () => {
  it('settles every publish on SIGTERM and exits 0 when nothing was left undelivered', async () => {
    const topic = uniqueTopic('herald-sigterm');
    await createTopic(brokers().single, { topic, partitions: 3 });
    const proc = spawn(process.execPath, [child, brokers().single, topic, transportName()], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    proc.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    const stderr: string[] = [];
    proc.stderr.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));
    await expect.poll(() => stdout.includes('publishing'), { timeout: 30_000 }).toBe(true);
    await new Promise((r) => setTimeout(r, 500));
    proc.kill('SIGTERM');
    const [code] = (await once(proc, 'exit')) as [number | null];

    const summaryLine = stdout.trim().split('\n').at(-1) ?? '';
    const summary = JSON.parse(summaryLine) as {
      acked: string[];
      notWritten: string[];
      unknown: string[];
      undelivered: number;
    };
    expect(summary.acked.length).toBeGreaterThan(0);
    expect(summary.unknown).toEqual([]);
    expect(summary.undelivered).toBe(0);
    expect(code, stderr.join('')).toBe(0);

    const records = await consumeAll(brokers().single, topic, summary.acked.length + 1, 15_000);
    const inTopic = new Set(records.map((r) => r.key));
    expect(inTopic.size).toBe(records.length);
    expect(summary.acked.every((id) => inTopic.has(id))).toBe(true);
    expect(summary.notWritten.some((id) => inTopic.has(id))).toBe(false);
    expect(records).toHaveLength(summary.acked.length);
  }, 90_000);
});
