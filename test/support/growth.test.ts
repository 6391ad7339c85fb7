import { describe, expect, it } from 'vitest';
import { growthRatio, LINEAR_GROWTH_LIMIT } from './growth.js';

describe('growthRatio', () => {
  it('passes linear work and catches quadratic work', () => {
    let sink = 0;
    const linear = (n: number) => { for (let i = 0; i < n; i++) sink += i % 7; };
    const quadratic = (n: number) => { for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) sink += (i ^ j) & 1; };
    expect(growthRatio(linear, 200_000)).toBeLessThan(LINEAR_GROWTH_LIMIT);
    expect(growthRatio(quadratic, 400)).toBeGreaterThan(LINEAR_GROWTH_LIMIT);
    expect(sink).toBeGreaterThan(0);
  });
});
