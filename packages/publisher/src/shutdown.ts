import type { Logger } from './logger.js';
import type { CloseReport, EventPublisher } from './types.js';

/** Options of {@link installGracefulShutdown}. */
export interface GracefulShutdownOptions {
  /** Signals that start a shutdown. @defaultValue ['SIGTERM', 'SIGINT'] */
  readonly signals?: ReadonlyArray<NodeJS.Signals>;
  /** Deadline for `close()`. @defaultValue 30000 */
  readonly timeoutMs?: number;
  /** Called with the close report before the process exits (e.g. to close other resources). */
  readonly onClosed?: (report: CloseReport) => void | Promise<void>;
  /** Where to report the shutdown. */
  readonly logger?: Logger;
  /** Exit the process after closing. @defaultValue true */
  readonly exit?: boolean;
}

/**
 * On the first signal: close the publisher within the deadline, then exit with 0 when everything
 * was delivered or 1 when anything was left undelivered. A second signal exits at once with 130.
 * Returns a function that removes the handlers.
 */
export function installGracefulShutdown(
  publisher: EventPublisher<never> | EventPublisher<unknown>,
  options: GracefulShutdownOptions = {},
): () => void {
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  const exit = options.exit ?? true;
  let shuttingDown = false;
  const handler = (signal: NodeJS.Signals) => {
    if (shuttingDown) {
      options.logger?.warn('second signal: exiting without waiting', { signal });
      process.exit(130);
    }
    shuttingDown = true;
    options.logger?.warn('signal received: closing the publisher', { signal, pending: publisher.pending });
    void (async () => {
      let code = 1;
      try {
        const report = await publisher.close(
          options.timeoutMs === undefined ? undefined : { timeoutMs: options.timeoutMs },
        );
        await options.onClosed?.(report);
        code = report.undelivered === 0 ? 0 : 1;
        options.logger?.warn('publisher closed', { undelivered: report.undelivered });
      } catch (error) {
        options.logger?.error('close failed', { reason: error instanceof Error ? error.message : String(error) });
      }
      if (exit) process.exit(code);
    })();
  };
  for (const signal of signals) process.on(signal, handler);
  return () => {
    for (const signal of signals) process.off(signal, handler);
  };
}
