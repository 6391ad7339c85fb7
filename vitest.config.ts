import { defineConfig } from 'vitest/config';

export default defineConfig({
  oxc: { jsx: { runtime: 'classic', pragma: 'h', pragmaFrag: 'Fragment', development: false } },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Three workers on two cores: much of a test's time is waiting on PostgreSQL and Chromium, so a third worker
    // fills the gaps (the suite took 760 s with one worker on this machine, 500 s with three).
    maxWorkers: 3,
  },
});
