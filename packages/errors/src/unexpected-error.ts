import { HeraldError } from './herald-error.js';

/**
 * Something that is not a Herald error was thrown where Herald had to report it (a bug, or a
 * user callback that threw a plain value): `cause` is what was thrown.
 */
export class UnexpectedError extends HeraldError<'UNEXPECTED'> {
  constructor(message: string, cause: unknown) {
    super('UNEXPECTED', message, { retriable: false, cause });
  }
}
