import { InvalidTopicError } from '../errors.js';

const legal = /^[a-zA-Z0-9._-]{1,249}$/;

/** Why `name` is not a legal Kafka topic name, or undefined when it is one. */
export function topicNameProblem(name: unknown): string | undefined {
  if (typeof name === 'string' && legal.test(name) && name !== '.' && name !== '..') return undefined;
  return `invalid topic name ${JSON.stringify(name)}: use 1-249 of [a-zA-Z0-9._-], not "." or ".."`;
}

/** Throws an `InvalidTopicError` when `name` is not a legal Kafka topic name. */
export function assertTopicName(name: unknown): asserts name is string {
  const problem = topicNameProblem(name);
  if (problem !== undefined) throw new InvalidTopicError(problem);
}
