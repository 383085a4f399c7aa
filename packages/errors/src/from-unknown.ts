import { HeraldError } from './herald-error.js';
import { UnexpectedError } from './unexpected-error.js';

/** The message of anything thrown: an error's message, otherwise its string form. */
export function messageOf(thrown: unknown): string {
  return thrown instanceof Error ? thrown.message : String(thrown);
}

/**
 * `thrown` itself when it is a Herald error (of any package or copy), otherwise an
 * {@link UnexpectedError} with `thrown` as its cause: one type for code that must report anything.
 */
export function fromUnknown(thrown: unknown): HeraldError {
  return HeraldError.is(thrown) ? thrown : new UnexpectedError(messageOf(thrown), thrown);
}
