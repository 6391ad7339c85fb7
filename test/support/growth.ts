/**
 * How a piece of work grows with its input, measured as a ratio in one process (the machine is shared and
 * noisy, so absolute times prove nothing): the best of three runs at size n and at 4n. Linear work grows
 * about 4×, quadratic work 16×; a ratio under 8 rules out the quadratic blow-ups these tests guard against.
 */
export function growthRatio(run: (size: number) => void, size: number): number {
  const best = (n: number) => Math.min(...[0, 1, 2].map(() => {
    const started = performance.now();
    run(n);
    return performance.now() - started;
  }));
  run(size); // warm up the JIT and caches before measuring
  return best(4 * size) / Math.max(best(size), 0.5);
}

export const LINEAR_GROWTH_LIMIT = 8;
