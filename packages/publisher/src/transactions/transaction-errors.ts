import { PublisherError } from '../errors.js';

/**
 * The transaction was aborted (its function threw, an event failed, or the broker required it):
 * none of its events is visible to `read_committed` consumers. `cause` says why.
 */
export class TransactionAbortedError extends PublisherError {
  /** Events published in the transaction, all aborted. */
  readonly events: number;

  constructor(message: string, init: { cause: unknown; events: number; retriable: boolean }) {
    super('TRANSACTION_ABORTED', message, { retriable: init.retriable, cause: init.cause, outcome: 'not-written' });
    this.events = init.events;
  }
}

/**
 * The commit did not answer in time (or the producer failed during it): the transaction may have
 * committed or not. All its events share that outcome; `read_committed` consumers see all or none.
 */
export class TransactionOutcomeUnknownError extends PublisherError {
  /** Events published in the transaction. */
  readonly events: number;

  constructor(message: string, init: { cause: unknown; events: number }) {
    super('TRANSACTION_OUTCOME_UNKNOWN', message, { retriable: true, cause: init.cause, outcome: 'unknown' });
    this.events = init.events;
  }
}
