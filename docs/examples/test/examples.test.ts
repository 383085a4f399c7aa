// Every runnable example, executed against the real local broker as a user would run it.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { brokers } from '../../../test-support/brokers.js';
import { postgres } from '../../../test-support/postgres.js';

const run = promisify(execFile);
const dist = fileURLToPath(new URL('../dist/', import.meta.url));

/** Runs an example as a user would: the default logger (level warn), no log level from the environment. */
async function example(name: string, args: string[] = []): Promise<{ stdout: string; stderr: string; code: number }> {
  const { HERALD_LOG_LEVEL: _level, ...env } = process.env;
  try {
    const { stdout, stderr } = await run(process.execPath, [`${dist}${name}.js`, ...args], {
      env: { ...env, KAFKA_BROKERS: brokers().single, DATABASE_URL: postgres().url },
      timeout: 120_000,
    });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; code?: number };
    return { stdout: `${e.stdout ?? ''}${e.stderr ?? ''}`, stderr: e.stderr ?? '', code: e.code ?? -1 };
  }
}

/** The log lines at warn or above in `output` (the default logger writes JSON lines). */
function warnings(output: string): string[] {
  return output.split('\n').filter((line) => /"level":"(warn|error)"|\b(WARN|ERROR)\b/.test(line));
}

describe.concurrent('examples', () => {
  it.each([
    ['basic-publisher', /^acked: herald-example-orders\[\d\]@\d+ key=order-1$/m],
    [
      'custom-contract',
      /inv-1001 acked: herald-example-invoices\[0\]@\d+ ce_id=invoice-inv-1001\ninv-1002 acked: herald-example-invoices\[0\]@\d+ ce_id=invoice-inv-1002\nrefused: \$input\.currency: expected .*\nrefused: \$input\.terms: expected \(NetTerms \| DueOnReceipt\) \(kind: "net" \| "on_receipt"\)/,
    ],
    [
      'multi-topic-publisher',
      /acked: herald-example-orders-created\[\d\]@\d+\nacked: herald-example-orders-cancelled\[\d\]@\d+/,
    ],
    ['async-batch-publisher', /batch: 999 acked, 1 failed\n {2}order-500: ENCODE_FAILED/],
    ['context-manager', /leaving the scope with 100 pending\nscope left/],
    ['low-latency', /lowLatency: p50 [\d.]+ ms, p99 [\d.]+ ms over 200 acked round trips/],
    ['performance-tuning', /highThroughput: 50000 acked in [\d.]+ s/],
    ['graceful-shutdown', /closed after SIGTERM: [1-9]\d* acked, 0 undelivered/],
    ['testing-with-mocks', /testing with mocks: all assertions passed/],
    [
      'use-case-integration',
      /use case: fetched 500, published (\d+), failed (\d+), complete true\nbad orders expected from the fixture: \2/,
    ],
    [
      'outbox-order-service',
      /order order-2 rolled back: duplicate key[\s\S]*outbox: 3 orders committed, 1 rolled back, 3 order rows, 3 events published\nread back 3 records/,
    ],
    ['monitored-publisher', /name: 'send herald-example-monitored'[\s\S]*messaging\.client\.sent\.messages/],
  ])('%s runs and prints what it promises', async (name, expected) => {
    const { stdout, code } = await example(name);
    expect(stdout).toMatch(expected);
    expect(code, stdout).toBe(0);
  });

  it('demo publishes, reads back and confirms the count, with nothing logged at warn or above', async () => {
    const { stdout, stderr, code } = await example('demo');
    const counts = /fetched 10000, published (\d+), failed (\d+)/.exec(stdout);
    expect(counts, stdout).not.toBeNull();
    expect(Number(counts![1]) + Number(counts![2])).toBe(10_000);
    expect(Number(counts![2])).toBeGreaterThan(0); // the fixture's deliberately bad orders are reported
    expect(stdout).toMatch(new RegExp(`read back ${counts![1]} records`));
    expect(stdout).toMatch(/demo OK/);
    expect(code, stdout).toBe(0);
    // A healthy run says nothing at warn or above: the newcomer's first screen is not an alarm.
    expect(warnings(stdout + stderr)).toEqual([]);
    expect(stderr).toBe('');
  });
});
