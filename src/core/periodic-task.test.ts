import { afterEach, describe, expect, it, vi } from 'vitest';
import { startPeriodicTask } from './periodic-task.js';

describe('startPeriodicTask', () => {
  afterEach(() => { vi.useRealTimers(); });

  it('never overlaps a round still running, keeps going after a failure, and stop waits for the round in progress', async () => {
    vi.useFakeTimers();
    let active = 0;
    let maxActive = 0;
    let rounds = 0;
    let release: () => void = () => {};
    const errors: unknown[] = [];
    const stop = startPeriodicTask(async () => {
      rounds++;
      active++;
      maxActive = Math.max(maxActive, active);
      try {
        if (rounds === 1) throw new Error('busy');
        await new Promise<void>((resolve) => { release = resolve; });
      } finally {
        active--;
      }
    }, 1000, (error) => errors.push(error));

    await vi.advanceTimersByTimeAsync(1000); // round 1 fails
    await vi.advanceTimersByTimeAsync(1000); // round 2 starts and hangs
    await vi.advanceTimersByTimeAsync(5000); // ticks while round 2 runs start nothing
    expect(rounds).toBe(2);
    expect(maxActive).toBe(1);
    expect(errors).toHaveLength(1);

    let stopped = false;
    const stopping = stop().then(() => { stopped = true; });
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    release();
    await stopping;
    await vi.advanceTimersByTimeAsync(5000);
    expect(rounds).toBe(2);
  });
});
