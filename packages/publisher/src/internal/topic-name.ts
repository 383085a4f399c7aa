import { InvalidTopicError } from '../errors.js';
import type { HeraldError } from '../errors.js';

const legal = /^[a-zA-Z0-9._-]{1,249}$/;

/** Throws (an `InvalidTopicError` unless told otherwise) when `name` is not a legal Kafka topic name. */
export function assertTopicName(
  name: unknown,
  ErrorClass: new (message: string) => HeraldError = InvalidTopicError,
): asserts name is string {
  if (typeof name !== 'string' || !legal.test(name) || name === '.' || name === '..') {
    throw new ErrorClass(`invalid topic name ${JSON.stringify(name)}: use 1-249 of [a-zA-Z0-9._-], not "." or ".."`);
  }
}
