/**
 * Resolves after `ms`, or rejects with `signal.reason` as soon as `signal` aborts. The timer is
 * deliberately not `unref()`ed: the caller is awaiting it, and an unref'ed timer could let the
 * process exit in the middle of a retry with the run's promise never settling.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(signal.reason as Error);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
