import { HeraldError } from './herald-error.js';

/**
 * An option passed to a Herald constructor or factory is invalid; the message names the option.
 * Thrown at construction, never mid-run, by every Herald package.
 */
export class InvalidOptionsError extends HeraldError<'INVALID_OPTIONS'> {
  /** The option at fault, e.g. `maxInFlight` or `gateway.pageSize`. */
  readonly option: string;

  /** @param option - the option's name; `message` says what is wrong with it. */
  constructor(option: string, message: string, cause?: unknown) {
    super('INVALID_OPTIONS', message, { retriable: false, cause });
    this.option = option;
  }
}
