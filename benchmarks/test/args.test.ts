import { describe, expect, it } from 'vitest';
import { UsageError } from '../src/common/args.js';
import { parseCompareArgs } from '../src/compare/compare-command.js';
import { parseProduceArgs } from '../src/produce/produce-command.js';
import { parseTuneArgs } from '../src/tune/tune-command.js';

describe('produce arguments', () => {
  it('defaults to a closed loop of 100 000 medium orders with the reliable preset', () => {
    const args = parseProduceArgs([]);
    expect(args).toMatchObject({
      messages: 100_000,
      warmup: 10_000,
      sizes: ['medium'],
      shape: { kind: 'closed', window: 10_000 },
      partitions: 6,
    });
    expect(args.settings).toEqual({
      acks: 'all',
      idempotence: true,
      compression: 'snappy',
      lingerMs: 5,
      batchSize: undefined,
    });
  });

  it('switches to an open loop with --rate and lets flags override the preset', () => {
    const args = parseProduceArgs([
      '--rate',
      '2000',
      '--preset',
      'highThroughput',
      '--linger-ms',
      '20',
      '--size',
      'small,large',
      '--messages',
      '5_000',
    ]);
    expect(args.shape).toMatchObject({ kind: 'open', rate: 2000 });
    expect(args.settings).toMatchObject({ compression: 'lz4', lingerMs: 20, batchSize: 131_072 });
    expect(args.sizes).toEqual(['small', 'large']);
    expect(args.warmup).toBe(500);
  });

  it('rejects bad values with a usage error', () => {
    expect(() => parseProduceArgs(['--messages', '0'])).toThrow(UsageError);
    expect(() => parseProduceArgs(['--size', 'huge'])).toThrow(/--size must be one of/);
    expect(() => parseProduceArgs(['--compression', 'brotli'])).toThrow(UsageError);
    expect(() => parseProduceArgs(['--acks', '1'])).toThrow(/idempotence needs --acks all/);
    expect(() => parseProduceArgs(['--bogus'])).toThrow(UsageError);
  });

  it('accepts weaker acks once idempotence is off', () => {
    expect(parseProduceArgs(['--acks', '1', '--idempotence', 'off']).settings).toMatchObject({
      acks: 1,
      idempotence: false,
    });
  });
});

describe('compare arguments', () => {
  it('runs every contender by default, Herald first', () => {
    const args = parseCompareArgs([]);
    expect(args.contenders[0]).toBe('herald');
    expect(args.contenders).toHaveLength(9);
    expect(args).toMatchObject({ rounds: 5, messages: 100_000, batch: 100, window: 10_000 });
  });

  it('always keeps Herald, the baseline, in a subset', () => {
    expect(parseCompareArgs(['--contenders', 'python,java']).contenders).toEqual(['herald', 'java', 'python']);
    expect(() => parseCompareArgs(['--contenders', 'rust'])).toThrow(UsageError);
    expect(() => parseCompareArgs(['--rounds', '0'])).toThrow(UsageError);
  });
});

describe('tune arguments', () => {
  it('sweeps the default grid for throughput with acks=all only', () => {
    const args = parseTuneArgs([]);
    expect(args.target).toEqual({ kind: 'throughput' });
    expect(args.linger).toEqual([0, 5, 20, 100]);
    expect(args.acks).toEqual(['all']);
  });

  it('needs a p99 bound for the latency target and --allow-acks to sweep acks', () => {
    expect(() => parseTuneArgs(['--target', 'latency'])).toThrow(/--p99-max-ms/);
    expect(parseTuneArgs(['--target', 'latency', '--p99-max-ms', '25']).target).toEqual({
      kind: 'latency',
      p99MaxMs: 25,
    });
    expect(() => parseTuneArgs(['--acks', 'all,1'])).toThrow(/--allow-acks/);
    expect(parseTuneArgs(['--acks', 'all,1', '--allow-acks']).acks).toEqual(['all', 1]);
    expect(() => parseTuneArgs(['--linger-ms', '5,x'])).toThrow(UsageError);
  });
});
