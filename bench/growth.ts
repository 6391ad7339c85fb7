/**
 * How a piece of work grows with its input, measured as a ratio in one process (the machine is shared and
 * noisy, so absolute times prove nothing): the best of three runs at size n and at 8n. Linear work grows
 * about 8× (n log n and garbage collection a little more), quadratic work 64×; a ratio under 24 rules out the
 * quadratic blow-ups (regular-expression backtracking, repeated concatenation) these tests guard against.
 */
export const GROWTH_FACTOR = 8;
export const LINEAR_GROWTH_LIMIT = 24;

export function growthRatio(run: (size: number) => void, size: number): number {
  run(size); // warm up the JIT and caches before measuring
  // Repeat the small run until it takes ~20 ms, so timer resolution and a stray GC pause do not decide the ratio.
  let repeats = 1;
  while (repeats < 1000 && timed(run, size, repeats) < 20) repeats *= 2;
  const best = (n: number) => Math.min(...[0, 1, 2].map(() => timed(run, n, repeats)));
  return best(GROWTH_FACTOR * size) / best(size);
}

function timed(run: (size: number) => void, size: number, repeats: number): number {
  const started = performance.now();
  for (let i = 0; i < repeats; i++) run(size);
  return performance.now() - started;
}
