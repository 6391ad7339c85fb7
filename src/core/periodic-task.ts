/**
 * Runs background work every `everyMs` without overlapping itself: a round still running when the next tick comes
 * is not doubled. A failed round (a busy database) is reported to `onError` and simply retried at the next tick, so
 * the work must be safe to repeat — and, with several server processes, safe to run in two at once.
 * Returns the stop function a module's start() hands back; it waits for the round in progress.
 */
export function startPeriodicTask(run: () => Promise<unknown>, everyMs: number, onError: (error: unknown) => void = () => {}): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const timer = setInterval(() => {
    if (running || stopped) return;
    running = run().catch(onError).finally(() => { running = null; });
  }, everyMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
