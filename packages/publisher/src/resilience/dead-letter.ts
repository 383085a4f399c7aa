// Dead-letter topic: where an event goes when its own topic refused it for good or it ran out of
// retries, as its original bytes plus `herald.dlq.*` headers saying what happened.
import { InvalidOptionsError } from '@herald/errors';
import type { PublisherError } from '../errors.js';
import type { WireHeaders } from '../internal/headers.js';
import { assertTopicName, topicNameProblem } from '../internal/topic-name.js';
import type { RetryState } from './retry-state.js';

/** Dead-letter options of the publisher (`deadLetter`). Off unless given. */
export interface DeadLetterOptions {
  /**
   * The dead-letter topic: one for the whole publisher, or one per route as a function of the
   * original topic (return undefined for routes without one).
   */
  readonly topic: string | ((originalTopic: string, error: PublisherError) => string | undefined);
}

/** Names of the headers a dead-letter record carries besides the original ones. */
export const DLQ_HEADERS = {
  topic: 'herald.dlq.original.topic',
  code: 'herald.dlq.error.code',
  name: 'herald.dlq.error.name',
  message: 'herald.dlq.error.message',
  outcome: 'herald.dlq.outcome',
  attempts: 'herald.dlq.attempts',
  firstFailure: 'herald.dlq.first.failure.time',
  lastFailure: 'herald.dlq.last.failure.time',
  clientId: 'herald.dlq.client.id',
} as const;

/**
 * Failures that stay the caller's even with a dead-letter topic: local backpressure, shutdown and
 * the breaker (the event is fine, the moment is not). Schema errors never get this far.
 */
const notDeadLettered: ReadonlySet<string> = new Set([
  'PUBLISHER_CLOSED',
  'CIRCUIT_OPEN',
  'RETRY_QUEUE_FULL',
  'QUEUE_FULL_TIMEOUT',
  'FLUSH_TIMEOUT',
]);

/** Resolves the option to a function of the original topic. */
export function resolveDeadLetter(
  options: DeadLetterOptions,
): (topic: string, error: PublisherError) => string | undefined {
  if (typeof options !== 'object' || options === null)
    throw new InvalidOptionsError('deadLetter', '`deadLetter` must be an object');
  const { topic } = options;
  if (typeof topic === 'string') {
    const problem = topicNameProblem(topic);
    if (problem !== undefined) throw new InvalidOptionsError('deadLetter.topic', problem);
    return () => topic;
  }
  if (typeof topic !== 'function')
    throw new InvalidOptionsError(
      'deadLetter.topic',
      'deadLetter.topic must be a topic name or a function of the original topic',
    );
  return (original, error) => {
    const chosen = topic(original, error);
    if (chosen !== undefined) assertTopicName(chosen);
    return chosen;
  };
}

/**
 * True when a final failure goes to the dead-letter topic: a permanent failure, or a retriable
 * one the retry policy gave up on (`retried`). Without a retry policy retriable failures stay
 * the caller's, who may still retry them.
 */
export function isDeadLettered(error: PublisherError, retried: boolean): boolean {
  if (notDeadLettered.has(error.code)) return false;
  return !error.retriable || retried;
}

/** The original headers plus the `herald.dlq.*` ones. */
export function deadLetterHeaders(
  original: WireHeaders | undefined,
  topic: string,
  error: PublisherError,
  state: RetryState,
  clientId: string,
): WireHeaders {
  const iso = (ms: number) => new Date(ms).toISOString();
  const out: WireHeaders = original === undefined ? [] : original.slice();
  out.push(
    { [DLQ_HEADERS.topic]: topic },
    { [DLQ_HEADERS.code]: error.code },
    { [DLQ_HEADERS.name]: error.kafkaName ?? error.name },
    { [DLQ_HEADERS.message]: error.message.slice(0, 1_000) },
    { [DLQ_HEADERS.outcome]: error.outcome ?? 'not-written' },
    { [DLQ_HEADERS.attempts]: String(state.attempts) },
    { [DLQ_HEADERS.firstFailure]: iso(state.firstFailureAt) },
    { [DLQ_HEADERS.lastFailure]: iso(state.lastFailureAt) },
    { [DLQ_HEADERS.clientId]: clientId },
  );
  return out;
}
