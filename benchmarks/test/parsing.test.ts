import { describe, expect, it } from 'vitest';
import { compact, formatTable } from '../src/common/format.js';
import { isOrderEventMessageV1 } from '@herald/schemas';
import { jsonBytes, makeOrder, makeOrders } from '../src/common/orders.js';
import { renderBar } from '../src/common/progress-bar.js';
import { outcomeFromChild } from '../src/compare/child-process.js';
import { parseProducerPerformance } from '../src/compare/contenders/java.js';

const PP_OUTPUT = `Warmup first 10000 records. Steady state results will print after the complete test summary.
60000 records sent, 13565.453312 records/sec (6.53 MB/sec), 59.43 ms avg latency, 2205.00 ms max latency, 43 ms 50th, 161 ms 95th, 174 ms 99th, 176 ms 99.9th.
50000 steady state records sent, 34698.126301 records/sec (16.71 MB/sec), 60.06 ms avg latency, 177.00 ms max latency, 41 ms 50th, 161 ms 95th, 173 ms 99th, 176 ms 99.9th.
`;

describe('ProducerPerformance output', () => {
  it('takes the steady-state line after warm-up', () => {
    const m = parseProducerPerformance(PP_OUTPUT, 500)!;
    expect(m.messages).toBe(50_000);
    expect(m.msgsPerSec).toBeCloseTo(34_698.13, 1);
    expect(m.latencyMs).toEqual({ count: 50_000, p50: 41, p95: 161, p99: 173, p999: 176, max: 177 });
  });

  it('falls back to the summary, and gives null when the tool only logged failures (it exits 0)', () => {
    expect(parseProducerPerformance(PP_OUTPUT.split('\n').slice(0, 2).join('\n'), 500)?.messages).toBe(60_000);
    expect(parseProducerPerformance('org.apache.kafka.common.errors.TopicAuthorizationException', 500)).toBeNull();
  });
});

describe('contender process output', () => {
  it('reads the last JSON line and explains a process that printed none', () => {
    const outcome = outcomeFromChild({
      code: 0,
      stdout: 'noise\n{"status":"unavailable","reason":"x"}\n',
      stderr: '',
      timedOut: false,
    });
    expect(outcome).toEqual({ status: 'unavailable', reason: 'x' });
    expect(outcomeFromChild({ code: null, stdout: '', stderr: 'boom\n', timedOut: true })).toEqual({
      status: 'failed',
      reason: 'timed out without a result: boom',
    });
  });
});

describe('synthetic orders', () => {
  it('are valid OrderEventMessages of about 100 B, 500 B and 5 KB', () => {
    const bytes = {
      small: jsonBytes(makeOrder('small', 42)),
      medium: jsonBytes(makeOrder('medium', 42)),
      large: jsonBytes(makeOrder('large', 42)),
    };
    expect(bytes.small).toBeGreaterThan(80);
    expect(bytes.small).toBeLessThan(140);
    expect(bytes.medium).toBeGreaterThan(450);
    expect(bytes.medium).toBeLessThan(600);
    expect(bytes.large).toBeGreaterThan(4500);
    expect(bytes.large).toBeLessThan(5500);
    for (const size of ['small', 'medium', 'large'] as const)
      expect(isOrderEventMessageV1(makeOrder(size, 7))).toBe(true);
  });

  it('have distinct order ids of one length per size', () => {
    const orders = makeOrders('medium', 100);
    expect(new Set(orders.map((o) => o.order_id)).size).toBe(100);
    expect(new Set(orders.map((o) => o.order_id.length)).size).toBe(1);
  });
});

describe('terminal output', () => {
  it('draws a progress bar', () => {
    expect(renderBar('produce', 50, 100, 1000, 10)).toBe('produce [#####-----]  50% 50/100 50/s');
    expect(renderBar('x', 200, 100, 0, 4)).toBe('x [####] 100% 200/100 0/s');
  });

  it('formats compact numbers and aligned tables', () => {
    expect(compact(123_456)).toBe('123.5k');
    expect(compact(1_234_567)).toBe('1.23M');
    expect(compact(Number.NaN)).toBe('n/a');
    expect(
      formatTable(
        ['a', 'n'],
        [
          ['x', '1.5k'],
          ['yy', '12'],
        ],
      ).split('\n'),
    ).toEqual(['a   n', '--  ----', 'x   1.5k', 'yy    12']);
  });
});
