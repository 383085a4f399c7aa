// When and how soon a failed publish is sent again: exponential backoff with full jitter, bounded
// by attempts and by the time since publish().
import { integerOption, InvalidOptionsError } from '@herald/errors';
import type { PublisherError } from '../errors.js';

/**
 * Retry options of the publisher (`retry`). Off unless given. Every attempt sends the same bytes,
 * key and headers (so the same `ce_id`); see `docs/resilience.md`.
 */
export interface RetryOptions {
  /**
   * Which failures are retried: `'not-written'` only those the broker definitely did not store
   * (never a duplicate), or `'not-written-or-unknown'` also timeouts in flight, which may
   * duplicate an event (consumers dedupe by `ce_id`).
   * @defaultValue 'not-written'
   */
  readonly on?: 'not-written' | 'not-written-or-unknown';
  /** Most delivery attempts per event, the first one included. @defaultValue 5 */
  readonly maxAttempts?: number;
  /** No attempt starts later than this after `publish()`. @defaultValue 300000 (5 min) */
  readonly maxElapsedMs?: number;
  /** Backoff cap before jitter for the first retry; it doubles per attempt. @defaultValue 100 */
  readonly initialDelayMs?: number;
  /** Largest backoff cap. @defaultValue 10000 */
  readonly maxDelayMs?: number;
  /**
   * Most records held in retry lanes (failed ones waiting to retry plus later records of their
   * keys waiting behind them). Beyond it a publish fails with `RetryQueueFullError`.
   * @defaultValue 100000
   */
  readonly maxQueued?: number;
}

/** Retry options after defaults and checks. */
export interface RetryPolicy {
  readonly on: 'not-written' | 'not-written-or-unknown';
  readonly maxAttempts: number;
  readonly maxElapsedMs: number;
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  readonly maxQueued: number;
}

const positive = (name: string, value: number | undefined, fallback: number) =>
  integerOption(`retry.${name}`, value, fallback);

/** Checks `options` and fills in the defaults. */
export function resolveRetryPolicy(options: RetryOptions): RetryPolicy {
  if (typeof options !== 'object' || options === null)
    throw new InvalidOptionsError('retry', '`retry` must be an object');
  const on = options.on ?? 'not-written';
  if (on !== 'not-written' && on !== 'not-written-or-unknown')
    throw new InvalidOptionsError(
      'retry.on',
      `retry.on must be 'not-written' or 'not-written-or-unknown', got ${String(on)}`,
    );
  const initialDelayMs = positive('initialDelayMs', options.initialDelayMs, 100);
  const maxDelayMs = positive('maxDelayMs', options.maxDelayMs, 10_000);
  if (maxDelayMs < initialDelayMs)
    throw new InvalidOptionsError('retry.maxDelayMs', 'retry.maxDelayMs must be at least retry.initialDelayMs');
  return {
    on,
    maxAttempts: positive('maxAttempts', options.maxAttempts, 5),
    maxElapsedMs: positive('maxElapsedMs', options.maxElapsedMs, 300_000),
    initialDelayMs,
    maxDelayMs,
    maxQueued: positive('maxQueued', options.maxQueued, 100_000),
  };
}

/** Failures that are the caller's to handle even when retriable: local limits and shutdown. */
const neverRetried: ReadonlySet<string> = new Set([
  'PUBLISHER_CLOSED',
  'CIRCUIT_OPEN',
  'RETRY_QUEUE_FULL',
  'FLUSH_TIMEOUT',
]);

/** True when `error` is a failure this policy sends again (attempt limits aside). */
export function isRetried(policy: RetryPolicy, error: PublisherError): boolean {
  if (!error.retriable || neverRetried.has(error.code)) return false;
  // Errors without an outcome (broker unreachable at connect) are raised before anything was sent.
  if (error.outcome === 'unknown') return policy.on === 'not-written-or-unknown';
  return true;
}

/**
 * The wait before attempt `attempt + 1` (attempt 1 was the first send): full jitter, a uniform
 * draw in [0, min(maxDelayMs, initialDelayMs * 2^(attempt-1))), so many failing records do not
 * retry in lockstep.
 */
export function backoffMs(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const cap = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * cap);
}
