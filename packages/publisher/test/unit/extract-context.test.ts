// extractTraceContext reads headers by Herald's one rule (@herald/headers), the rule
// parseCloudEventHeaders uses too: both shapes, names as sent, the last of a repeated header wins.
import { propagation, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractTraceContext } from '../../src/index.js';

const first = '00-11111111111111111111111111111111-1111111111111111-01';
const last = '00-22222222222222222222222222222222-2222222222222222-01';
const traceIdOf = (headers: Parameters<typeof extractTraceContext>[0]) =>
  trace.getSpanContext(extractTraceContext(headers))?.traceId;

beforeAll(() => propagation.setGlobalPropagator(new W3CTraceContextPropagator()));
afterAll(() => propagation.disable());

describe('extractTraceContext', () => {
  it('takes the last of a repeated traceparent, in the native list and the KafkaJS record shape', () => {
    expect(traceIdOf([{ traceparent: first }, { traceparent: Buffer.from(last) }])).toBe('2'.repeat(32));
    expect(traceIdOf({ traceparent: [Buffer.from(first), Buffer.from(last)] })).toBe('2'.repeat(32));
  });

  it('returns the base context when there is nothing to extract', () => {
    expect(extractTraceContext(undefined, ROOT_CONTEXT)).toBe(ROOT_CONTEXT);
    expect(traceIdOf([{ other: 'x' }])).toBeUndefined();
  });
});
